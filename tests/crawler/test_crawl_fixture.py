"""End to end: the real spider and pipelines crawl the bundled fixture site over loopback HTTP.

One module-scoped world runs four real ``pantau crawl`` processes against the
same running site and data dir (Twisted's reactor runs once per process):
ANTARA Babel alone first (what it stored must survive the rest; the syndicated
story in every crawl order: tests/pantau/test_story_crawl_order.py), then every outlet with faults switched
on, then an unchanged re-crawl, then a re-crawl after one article changed. The tests read the summaries, the
server's request log and the store.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import urllib.request
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from helpers import TESTS

from pantau.fixture_site import FixtureSite
from pantau.urls import canonical_url

CLEAN_REFERENCES = TESTS / "data" / "clean"
CHANGED_PARAGRAPH = "Pemkab juga membuka posko pengaduan netralitas ASN di kantor BKPSDM mulai pekan depan."
CONFIG = """
[crawl]
autothrottle = false
download_timeout = 2
retry_times = 1
concurrent_requests_per_domain = 8
"""


@dataclass
class World:
    site: FixtureSite
    data_dir: Path
    config: Path
    outlets: Path
    summaries: list[dict[str, Any]] = field(default_factory=list)
    requests: list[list[Any]] = field(default_factory=list)

    def crawl(self, *only: str, code: int = 0) -> dict[str, Any]:
        """One ``pantau crawl`` process; ``code``: its exit code (1 while the fault pages fail)."""
        self.site.clear_requests()
        args = [sys.executable, "-m", "pantau.cli", "--config", str(self.config), "--data-dir", str(self.data_dir),
                "crawl", "--outlets", str(self.outlets), "--json"]
        for outlet in only:
            args += ["--only", outlet]
        proc = subprocess.run(args, capture_output=True, text=True, timeout=300)
        assert proc.returncode == code, proc.stderr[-3000:]
        assert "Traceback" not in proc.stderr, proc.stderr[-3000:]
        summary = {o["outlet"]: o for o in json.loads(proc.stdout)["outlets"]}
        self.summaries.append(summary)
        self.requests.append(list(self.site.requests))
        return summary

    def export(self) -> list[dict[str, Any]]:
        proc = subprocess.run([sys.executable, "-m", "pantau.cli", "--data-dir", str(self.data_dir), "export"],
                              capture_output=True, text=True, timeout=60, check=True)
        return [json.loads(line) for line in proc.stdout.splitlines()]

    def url(self, outlet: str, path: str) -> str:
        return canonical_url(self.site.url(outlet, path))


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> World:
    tmp = tmp_path_factory.mktemp("crawl")
    config = tmp / "pantau.toml"
    config.write_text(CONFIG)
    with FixtureSite(faults=True, timeout_delay=4) as site:
        w = World(site, tmp / "data", config, site.write_outlets_yaml(tmp / "outlets.yaml"))
        w.crawl("antara-babel")
        w.docs_after_babel = w.export()  # type: ignore[attr-defined]
        w.crawl(*site.outlet_ids, code=1)
        w.docs_after_full = w.export()  # type: ignore[attr-defined]
        w.crawl(*site.outlet_ids, code=1)
        seed_outlet, seed_path = site.seed_articles()["belitong-ekspres-diskominfo-medsos"]
        w.changed = (seed_outlet, seed_path)  # type: ignore[attr-defined]
        site.replace_article(seed_outlet, seed_path, new_paragraph=CHANGED_PARAGRAPH)
        w.crawl(*site.outlet_ids, code=1)
        w.docs_final = w.export()  # type: ignore[attr-defined]
        yield w


def fetch_text(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:
        return str(response.read().decode("utf-8"))


def tokens(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def token_f1(a: str, b: str) -> float:
    ta, tb = Counter(tokens(a)), Counter(tokens(b))
    common = sum((ta & tb).values())
    if not common:
        return 0.0
    p, r = common / sum(ta.values()), common / sum(tb.values())
    return 2 * p * r / (p + r)


def test_every_article_is_stored_once_and_nothing_else(world: World) -> None:
    site = world.site
    expected = {world.url(o, p) for o in site.outlet_ids for p in site.article_paths(o)}
    faults = site.fault_paths()
    expected |= {world.url("trawang-news", p) for k, p in faults.items() if k not in ("slow", "bad-feed")}
    stored = Counter(d["url"] for d in world.docs_after_full)  # type: ignore[attr-defined]
    assert max(stored.values()) == 1
    assert set(stored) == expected


def test_seed_bodies_match_the_clean_reference(world: World) -> None:
    docs = {d["url"]: d for d in world.docs_after_full}  # type: ignore[attr-defined]
    for seed, (outlet, path) in world.site.seed_articles().items():
        reference = (CLEAN_REFERENCES / f"{seed}.txt").read_text(encoding="utf-8")
        body = docs[world.url(outlet, path)]["body"]
        assert token_f1(body, reference) >= 0.98, (seed, token_f1(body, reference))
        for junk in ("BACA JUGA", "Kategori :", "Pos terkait", "Tinggalkan Balasan", "COPYRIGHT", "Reporter :"):
            assert junk.casefold() not in body.casefold(), (seed, junk)


def test_seed_metadata_is_extracted(world: World) -> None:
    docs = {d["url"]: d for d in world.docs_after_full}  # type: ignore[attr-defined]
    outlet, path = world.site.seed_articles()["belitong-ekspres-diskominfo-medsos"]
    doc = docs[world.url(outlet, path)]
    assert doc["title"].startswith("Masa Kampanye Pilkada 2024, Diskominfo Belitung Imbau ASN")
    assert "Belitong" not in doc["title"]  # the site name is not part of the headline
    assert doc["published"].startswith("2024-10-01T18:56") and doc["published"].endswith("+07:00")
    assert doc["language"] == "id" and "netralitas-asn" in doc["tags"]


def test_amp_twin_page_number_and_canonical_page_are_one_story(world: World) -> None:
    outlet, path = world.site.seed_articles()["belitong-ekspres-diskominfo-medsos"]
    story_id = path.split("/")[2]
    assert [d["url"] for d in world.docs_final if f"/{story_id}/" in d["url"]] == [world.url(outlet, path)]  # type: ignore[attr-defined]
    # the home page links page 2 of the story (/read/<id>/<slug>/2): the crawl asks for the story itself
    assert f'href="{world.site.url(outlet, path)}/2"' in fetch_text(world.site.url(outlet, "/"))
    requested = [r.path for run in world.requests for r in run if r.outlet_id == outlet]
    assert path in requested and not [p for p in requested if p.startswith(path + "/")]
    assert world.summaries[1][outlet]["errors"] == []


def test_syndicated_copy_is_marked_duplicate_of_the_story_published_first(world: World) -> None:
    outlet, path = world.site.seed_articles()["antara-babel-sekda-belitung-foto-caleg"]
    original = world.url(outlet, path)
    copies = [d for d in world.docs_after_full if d["duplicate_of"]]  # type: ignore[attr-defined]
    assert [(d["outlet"], d["duplicate_of"]) for d in copies] == [("kabar-serumpun", original)]
    assert world.summaries[1]["kabar-serumpun"]["duplicates"] == 1


def test_robots_txt_is_obeyed(world: World) -> None:
    for run in world.requests:
        requested = {(r.outlet_id, r.path.split("?")[0]) for r in run}
        for outlet in world.site.outlet_ids:
            for path in world.site.disallowed_paths(outlet):
                assert (outlet, path) not in requested


def test_second_crawl_fetches_no_known_article_page(world: World) -> None:
    site = world.site
    articles = {(o, p) for o in site.outlet_ids for p in site.article_paths(o)}
    second = [r for r in world.requests[2] if (r.outlet_id, r.path.split("?")[0]) in articles]
    assert second == []
    assert all(s["new"] == s["updated"] == 0 for s in world.summaries[2].values())
    assert world.requests[2], "feeds, sitemaps and listings are re-read"
    assert any(r.status == 304 for r in world.requests[2]), "with conditional requests"


def test_changed_page_is_fetched_again_and_updated(world: World) -> None:
    outlet, path = world.changed  # type: ignore[attr-defined]
    summary = world.summaries[3]
    assert summary[outlet]["updated"] == 1 and summary[outlet]["new"] == 0
    assert sum(s["updated"] for s in summary.values()) == 1
    assert summary[outlet]["skipped_known"] >= 1  # its other articles were not fetched again
    doc = next(d for d in world.docs_final if d["url"] == world.url(outlet, path))  # type: ignore[attr-defined]
    assert CHANGED_PARAGRAPH in doc["body"]


def test_faults_are_reported_and_the_crawl_goes_on(world: World) -> None:
    site, full = world.site, world.summaries[1]
    faults = site.fault_paths()
    errors = "\n".join(full["trawang-news"]["errors"])
    assert "bad feed" in errors and faults["bad-feed"] in errors
    assert "DownloadTimeoutError" in errors and faults["slow"] in errors
    assert len(full["trawang-news"]["errors"]) == 2, errors
    docs = {d["url"]: d for d in world.docs_after_full}  # type: ignore[attr-defined]
    assert world.url("trawang-news", faults["error-once"]) in docs  # retried after the 500
    cp1252 = docs[world.url("trawang-news", faults["cp1252"])]["body"]
    assert "Kafé" in cp1252 and "René" in cp1252 and "Ã" not in cp1252
    assert len(docs[world.url("trawang-news", faults["huge"])]["body"]) < 5000
    assert docs[world.url("trawang-news", faults["truncated"])]["body"]


def test_nothing_already_stored_is_lost(world: World) -> None:
    before = {d["url"]: d["fingerprint"] for d in world.docs_after_babel}  # type: ignore[attr-defined]
    after = {d["url"]: d["fingerprint"] for d in world.docs_final}  # type: ignore[attr-defined]
    assert before and all(after.get(url) == fp for url, fp in before.items())


# -- articles split over pages ----------------------------------------------------------------------


def paged(world: World) -> dict[str, tuple[str, dict[str, Any]]]:
    """Style ("pages" or "all_pages") -> (outlet, manifest entry) of the fixture's split articles."""
    found = {}
    for outlet in world.site.outlet_ids:
        for entry in world.site._outlet(outlet).manifest["articles"]:
            if "pages" in entry:
                found["all_pages" if "all_pages" in entry else "pages"] = (outlet, entry)
    return found


def requested(run: list[Any], outlet: str) -> Counter[str]:
    return Counter(r.path for r in run if r.outlet_id == outlet)


def test_article_over_three_pages_is_one_stored_body_with_every_page(world: World) -> None:
    outlet, entry = paged(world)["pages"]
    assert len(entry["pages"]) == 2
    docs = [d for d in world.docs_after_full if entry["path"].rstrip("/") in d["url"]]  # type: ignore[attr-defined]
    assert [d["url"] for d in docs] == [world.url(outlet, entry["path"])]  # one row, under page 1's URL
    body = docs[0]["body"]
    for on_page in ("memetakan kerawanan pelanggaran netralitas",  # page 1
                    "Di Kecamatan Membalong, pengawas menemukan dua kepala desa",  # page 2
                    "Posko pengaduan netralitas dibuka di kantor Bawaslu Belitung"):  # page 3
        assert body.count(on_page) == 1, on_page
    assert "Halaman" not in body and "Selanjutnya" not in body
    full = requested(world.requests[1], outlet)
    assert all(full[page] == 1 for page in entry["pages"])  # each further page read once
    assert not any(requested(world.requests[2], outlet)[p] for p in (entry["path"], *entry["pages"]))


def test_article_with_show_all_link_is_read_from_its_all_on_one_page_view(world: World) -> None:
    outlet, entry = paged(world)["all_pages"]
    docs = [d for d in world.docs_after_full if entry["path"] in d["url"]]  # type: ignore[attr-defined]
    assert [d["url"] for d in docs] == [world.url(outlet, entry["path"])]
    body = docs[0]["body"]
    assert "menggelar sosialisasi netralitas ASN di enam kabupaten" in body  # page 1
    assert "Kami ingin tidak ada lagi ASN yang beralasan tidak tahu aturan" in body  # page 2
    assert "Show All" not in body
    full = requested(world.requests[1], outlet)
    assert full[entry["all_pages"]] == 1
    assert not any(full[page] for page in entry["pages"])  # the all-pages view made page 2 unnecessary
