import sqlite3
from datetime import UTC, datetime, timedelta

from pantau.state import SHARED_HASH_CAP, CrawlState, Placement, body_sketch, resemblance

STORY = " ".join(
    f"Kalimat nomor {i} tentang netralitas aparatur sipil negara di kabupaten contoh menjelang pilkada serentak."
    for i in range(12)
)


def index(state: CrawlState, url: str, sketch: list[int]) -> None:
    """The page stored as its story's original: its sketch is indexed (what the store stage records)."""
    state.record_stored(url, "a", datetime(2024, 10, 1, tzinfo=UTC), "fp", (), sketch, Placement(url))


def test_syndicated_copy_with_other_byline_is_found_but_other_story_is_not(tmp_path):
    state = CrawlState(tmp_path / "pantau.db")
    index(state, "https://a.id/asli", body_sketch(STORY))
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
        index(state, f"https://a.id/{i}", body_sketch(story))
    fan_out = state.conn.execute("SELECT MAX(n) FROM (SELECT COUNT(*) AS n FROM sketches GROUP BY hash)").fetchone()[0]
    assert fan_out == SHARED_HASH_CAP + 1  # boilerplate hashes stop being indexed, so lookups stay bounded
    copy = "MENTOK, KABAR - " + stories[-1] + " (Penulis: Redaksi Kabar)"
    assert state.find_copy_of("https://b.id/salinan", body_sketch(copy)) == f"https://a.id/{len(stories) - 1}"
    early = "MENTOK, KABAR - " + stories[3]
    assert state.find_copy_of("https://b.id/salinan-lama", body_sketch(early)) == "https://a.id/3"


def test_a_sketch_recorded_by_an_earlier_version_is_made_whole_on_open_and_still_compared(tmp_path):
    db = tmp_path / "pantau.db"
    old = sqlite3.connect(db)  # the earlier version indexed every hash of a body and kept no whole sketch
    old.execute("CREATE TABLE sketches (hash INTEGER NOT NULL, url TEXT NOT NULL, PRIMARY KEY (hash, url)) "
                "WITHOUT ROWID")
    old.executemany("INSERT INTO sketches (hash, url) VALUES (?, ?)",
                    [(h, "https://a.id/lama") for h in body_sketch(STORY)])
    old.commit()
    old.close()
    state = CrawlState(db)
    assert state.find_copy_of("https://b.id/salinan", body_sketch("BANGKA - " + STORY)) == "https://a.id/lama"


def test_recording_a_sketch_again_replaces_it(tmp_path):
    state = CrawlState(tmp_path / "pantau.db")
    index(state, "https://a.id/1", body_sketch(STORY))
    other = _story("harga lada di pasar")
    index(state, "https://a.id/1", body_sketch(other))
    assert state.find_copy_of("https://b.id/2", body_sketch(STORY)) is None
    assert state.find_copy_of("https://b.id/2", body_sketch(other)) == "https://a.id/1"
    index(state, "https://a.id/1", [])
    assert state.find_copy_of("https://b.id/2", body_sketch(other)) is None


def test_an_existing_pantau_db_gains_outlet_health_on_open_and_keeps_its_data(tmp_path):
    db = tmp_path / "pantau.db"
    old = sqlite3.connect(db)  # the schema before outlet health existed, with a crawl's pages in it
    old.executescript("CREATE TABLE pages (url TEXT PRIMARY KEY, outlet TEXT NOT NULL, status TEXT NOT NULL, "
                      "fingerprint TEXT, fetched TEXT NOT NULL);"
                      "INSERT INTO pages VALUES ('https://a.id/1', 'a', 'stored', 'f1', '2024-10-01T08:00:00+00:00');"
                      "INSERT INTO pages VALUES ('https://a.id/2', 'a', 'stored', 'f2', '2024-10-03T08:00:00+00:00');"
                      "INSERT INTO pages VALUES ('https://a.id/3', 'a', 'rejected', NULL, '2024-10-05T08:00:00Z');")
    old.commit()
    old.close()
    state = CrawlState(db)
    health = state.outlet_health()
    assert set(health) == {"a"}  # the newest stored page stands for the last new article
    assert health["a"].last_new == datetime(2024, 10, 3, 8, tzinfo=UTC) and health["a"].failures == 0
    assert state.known_page("https://a.id/2") is not None
    state.close()
    CrawlState(db).close()  # opening an upgraded store again changes nothing
    assert CrawlState(db).outlet_health() == health


def test_record_run_counts_failures_in_a_row_and_keeps_the_last_new_article(tmp_path):
    state = CrawlState(tmp_path / "pantau.db")
    t0 = datetime(2024, 10, 1, tzinfo=UTC)
    state.record_run("a", t0, failed=False, new=2)
    state.record_run("a", t0 + timedelta(hours=1), failed=True, new=0, error="HTTP 404 for https://a.id/feed")
    state.record_run("a", t0 + timedelta(hours=2), failed=True, new=0, error="HTTP 500")
    a = state.outlet_health()["a"]
    assert (a.failures, a.failing_since, a.last_error) == (2, t0 + timedelta(hours=1), "HTTP 500")
    assert a.last_new == t0 and a.first_run == t0 and a.last_run == t0 + timedelta(hours=2)
    state.record_run("a", t0 + timedelta(hours=3), failed=False, new=0)
    a = state.outlet_health()["a"]
    assert (a.failures, a.failing_since, a.last_error, a.last_new) == (0, None, None, t0)
