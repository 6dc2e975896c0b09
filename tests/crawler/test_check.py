"""``pantau outlets check``: the verdict a maintainer gets for each way a registry entry breaks.

The fixture site's onboarding outlets carry the breakages real outlets go through: a feed that
moved with a 301 (lintas-bangka), a feed that is gone (catatan-seluma), a redesign whose pages
carry no body in their HTML any more (info-beltim). Their registry entries are the hand-written
ones of ``FixtureSite.write_outlets_yaml``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import free_port, run_cli

from pantau.fixture_site import FixtureSite

BROKEN_CASES = ["lintas-bangka", "catatan-seluma", "info-beltim"]
WORKING = ["warta-pesisir", "kabar-timah", "suara-rejang", "antara-babel", "belitong-ekspres", "linesnews"]


@pytest.fixture(scope="module")
def site() -> Iterator[FixtureSite]:
    with FixtureSite(onboarding=True) as running:
        yield running


@pytest.fixture(scope="module")
def registry(site: FixtureSite, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return site.write_outlets_yaml(tmp_path_factory.mktemp("check") / "outlets.yaml")


def only(*ids: str) -> list[str]:
    return [a for oid in ids for a in ("--only", oid)]


def test_each_breakage_gets_its_verdict_and_reason(
        site: FixtureSite, registry: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run_cli(capsys, "outlets", "check", "--outlets", str(registry), *only(*BROKEN_CASES), "--json")
    assert code == 1, err
    report = {o["id"]: o for o in json.loads(out)["outlets"]}
    assert json.loads(out)["counts"] == {"OK": 0, "WARN": 1, "BROKEN": 2}

    moved = report["lintas-bangka"]  # still crawls (redirects are followed), but the registry is stale
    assert moved["verdict"] == "WARN"
    [feed] = moved["sources"]
    assert (feed["verdict"], feed["status"]) == ("WARN", "301→200")
    assert feed["moved_to"] == site.url("lintas-bangka", "/berita/feed")
    assert "moved permanently" in feed["reason"] and feed["articles"] == 3
    assert [a["verdict"] for a in moved["articles"]] == ["OK"] * 3

    gone = report["catatan-seluma"]
    assert gone["verdict"] == "BROKEN"
    assert gone["reasons"][0].startswith("no source yields article URLs")
    [feed] = gone["sources"]
    assert (feed["verdict"], feed["status"], feed["reason"]) == ("BROKEN", "404", "HTTP 404")
    assert gone["articles"] == []

    empty = report["info-beltim"]
    assert empty["verdict"] == "BROKEN"
    assert empty["reasons"][0].startswith("no sample article has a body")
    assert [s["verdict"] for s in empty["sources"]] == ["OK"]  # the feed itself is fine
    assert len(empty["articles"]) == 3
    for article in empty["articles"]:
        assert article["verdict"] == "BROKEN" and article["words"] < 20 and article["status"] == "200"
        assert article["title"]  # the page is there, its body is not


def test_working_outlets_are_ok_and_the_exit_code_is_0(
        registry: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run_cli(capsys, "outlets", "check", "--outlets", str(registry), *only(*WORKING))
    assert code == 0, out + err
    heads = [ln for ln in out.splitlines() if not ln.startswith(" ")]
    assert heads[:-1] == [f"{oid}  OK" for oid in WORKING]
    assert heads[-1] == f"{len(WORKING)} outlets: {len(WORKING)} OK, 0 WARN, 0 BROKEN"
    articles = [ln for ln in out.splitlines() if ln.startswith("  article ")]
    assert len(articles) == 3 * len(WORKING)
    assert all(re.search(r"  \d+ words, \".+\", 20\d\d-\d\d-\d\d \d\d:\d\d WIB$", ln) for ln in articles)


def test_text_report_names_what_to_fix(registry: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys, "outlets", "check", "--outlets", str(registry), *only(*BROKEN_CASES))
    assert code == 1
    lines = out.splitlines()
    assert re.fullmatch(r"lintas-bangka  WARN  feed http://\S+/rss\.xml: moved permanently to "
                        r"http://\S+/berita/feed: put the new URL in the registry", lines[0])
    assert re.fullmatch(r"  feed     WARN   301→200  http://\S+/rss\.xml  3 items, 3 articles  — moved .*", lines[1])
    assert "catatan-seluma  BROKEN  no source yields article URLs (HTTP 404)" in lines
    assert any(ln.startswith("info-beltim  BROKEN  no sample article has a body") for ln in lines)
    assert lines[-1] == "3 outlets: 0 OK, 1 WARN, 2 BROKEN"


def test_fixing_the_moved_feed_makes_the_outlet_ok(
        site: FixtureSite, registry: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fixed = tmp_path / "fixed.yaml"
    fixed.write_text(registry.read_text().replace(site.url("lintas-bangka", "/rss.xml"),
                                                  site.url("lintas-bangka", "/berita/feed")))
    code, out, _ = run_cli(capsys, "outlets", "check", "--outlets", str(fixed), "--only", "lintas-bangka")
    assert code == 0 and out.startswith("lintas-bangka  OK\n")


def test_outlet_on_a_dead_server_is_broken(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    base = f"http://127.0.0.1:{free_port()}"
    registry = tmp_path / "dead.yaml"
    registry.write_text(f"outlets:\n  - id: mati\n    name: Mati\n    home: {base}/\n    feeds: [{base}/feed/]\n"
                        f"    listings: [{base}/indeks]\n    article_pattern: '^{re.escape(base)}/berita/'\n")
    code, out, err = run_cli(capsys, "outlets", "check", "--outlets", str(registry), "--only", "mati")
    assert code == 1 and err == ""
    assert out.splitlines() == [
        "mati  BROKEN  no source yields article URLs",
        f"  feed     BROKEN -        {base}/feed/  — connection refused",
        f"  listing  BROKEN -        {base}/indeks  — connection refused",
        "1 outlet: 0 OK, 0 WARN, 1 BROKEN",
    ]


def test_unknown_only_id_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run_cli(capsys, "outlets", "check", "--only", "tidak-ada")
    assert code == 2 and out == "" and "unknown outlet id(s): tidak-ada" in err


def test_plain_outlets_still_lists_the_registry(registry: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys, "outlets")
    assert code == 0 and re.search(r"^antara-babel  ANTARA Babel  https://\S+(  \[antara\])?$", out, re.MULTILINE)
    code, out, _ = run_cli(capsys, "outlets", "--outlets", str(registry))
    assert code == 0 and re.search(r"^warta-pesisir  Warta Pesisir  http://127\.0\.0\.1:\d+/$", out, re.MULTILINE)
