from datetime import UTC, datetime

from pantau.state import SHARED_HASH_CAP, CrawlState, body_sketch, resemblance

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


def _story(topic: str, n: int = 12) -> str:
    return " ".join(f"Kalimat {i} tentang {topic} yang khusus untuk berita ini saja hari ini." for i in range(n))


BOILERPLATE = ("Baca juga berita lainnya di kanal daerah kami dan ikuti kami di media sosial "
               "untuk kabar terbaru setiap hari dari seluruh penjuru provinsi. ") * 3


def test_boilerplate_hashes_are_capped_yet_a_copy_is_found(tmp_path):
    state = CrawlState(tmp_path / "pantau.db")
    stories = [BOILERPLATE + _story(f"topik{i} warga{i} desa{i}") for i in range(SHARED_HASH_CAP + 15)]
    for i, story in enumerate(stories):
        assert state.find_copy_of(f"https://a.id/{i}", body_sketch(story)) is None  # shared boilerplate: no copy
        state.record_sketch(f"https://a.id/{i}", body_sketch(story))
    fan_out = state.conn.execute("SELECT MAX(n) FROM (SELECT COUNT(*) AS n FROM sketches GROUP BY hash)").fetchone()[0]
    assert fan_out == SHARED_HASH_CAP + 1  # boilerplate hashes stop being indexed, so lookups stay bounded
    copy = "MENTOK, KABAR - " + stories[-1] + " (Penulis: Redaksi Kabar)"
    assert state.find_copy_of("https://b.id/salinan", body_sketch(copy)) == f"https://a.id/{len(stories) - 1}"
    early = "MENTOK, KABAR - " + stories[3]
    assert state.find_copy_of("https://b.id/salinan-lama", body_sketch(early)) == "https://a.id/3"


def test_sketch_recorded_by_an_earlier_version_is_still_compared(tmp_path):
    state = CrawlState(tmp_path / "pantau.db")
    # the earlier version indexed every hash and kept no whole sketch
    state.conn.executemany("INSERT INTO sketches (hash, url) VALUES (?, ?)",
                           [(h, "https://a.id/lama") for h in body_sketch(STORY)])
    assert state.find_copy_of("https://b.id/salinan", body_sketch("BANGKA - " + STORY)) == "https://a.id/lama"


def test_recording_a_sketch_again_replaces_it(tmp_path):
    state = CrawlState(tmp_path / "pantau.db")
    state.record_sketch("https://a.id/1", body_sketch(STORY))
    other = _story("harga lada di pasar")
    state.record_sketch("https://a.id/1", body_sketch(other))
    assert state.find_copy_of("https://b.id/2", body_sketch(STORY)) is None
    assert state.find_copy_of("https://b.id/2", body_sketch(other)) == "https://a.id/1"
    state.record_sketch("https://a.id/1", [])
    assert state.find_copy_of("https://b.id/2", body_sketch(other)) is None
