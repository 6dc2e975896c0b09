from datetime import UTC, datetime

from pantau.state import CrawlState, body_sketch, resemblance

STORY = " ".join(
    f"Kalimat nomor {i} tentang netralitas aparatur sipil negara di kabupaten contoh menjelang pilkada serentak."
    for i in range(12)
)


def test_syndicated_copy_with_other_byline_is_found_but_other_story_is_not(tmp_path):
    state = CrawlState(tmp_path / "pantau.db")
    state.record_sketch("https://a.id/asli", body_sketch(STORY))
    copy = "MENTOK, KABAR - " + STORY + " (Penulis: Redaksi Kabar)"
    assert state.find_copy_of("https://b.id/salinan", body_sketch(copy)) == "https://a.id/asli"
    other = " ".join(f"Harga lada nomor {i} di pasar naik tajam menurut pedagang setempat pagi ini." for i in range(12))
    assert state.find_copy_of("https://b.id/lain", body_sketch(other)) is None
    assert state.find_copy_of("https://a.id/asli", body_sketch(STORY)) is None  # never a copy of itself


def test_short_bodies_get_no_sketch():
    assert body_sketch("terlalu pendek untuk disebut salinan") == []
    assert resemblance([], [1, 2]) == 0.0


def test_pages_aliases_and_validators_persist(tmp_path):
    state = CrawlState(tmp_path / "pantau.db")
    when = datetime(2024, 10, 1, tzinfo=UTC)
    state.record_page("https://a.id/read/1/x", "a", "stored", when, "fp", aliases=("https://a.id/amp/1/x",))
    state.record_validators("https://a.id/feed", '"etag1"', "Tue, 01 Oct 2024 00:00:00 GMT", when)
    state.close()
    state = CrawlState(tmp_path / "pantau.db")
    assert state.known_page("https://a.id/amp/1/x").url == "https://a.id/read/1/x"
    assert state.known_page("https://a.id/read/2/y") is None
    assert state.validators("https://a.id/feed") == ('"etag1"', "Tue, 01 Oct 2024 00:00:00 GMT")
