"""The fixture-site generator (``pantau.fixture_site.generator``): its content files and its staleness check."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import REPO

from pantau.fixture_site.generator import build, stale_files
from pantau.fixture_site.generator.content import (
    _article,
    composed,
    fault_articles,
    onboarding_articles,
    paged_articles,
)

SITES = REPO / "pantau" / "fixture_site" / "sites"


def test_the_generator_builds_exactly_the_committed_site(tmp_path: Path) -> None:
    """What `python tools/build_fixture_site.py --check` asserts in CI, here with the package imported as
    benchmarks import it: the content files, themes and feeds still make every committed byte."""
    build(REPO / "tools" / "seeds", tmp_path / "sites")
    assert stale_files(tmp_path / "sites", SITES) == []


def test_stale_files_names_what_differs_is_missing_or_is_extra(tmp_path: Path) -> None:
    fresh, kept = tmp_path / "fresh", tmp_path / "kept"
    for root, files in ((fresh, {"a.html": "A", "b/c.xml": "C", "new.txt": "N"}),
                        (kept, {"a.html": "A", "b/c.xml": "C, edited by hand", "gone.txt": "G"})):
        for name, text in files.items():
            (root / name).parent.mkdir(parents=True, exist_ok=True)
            (root / name).write_text(text, encoding="utf-8")
    assert stale_files(fresh, kept) == ["b/c.xml", "gone.txt", "new.txt"]
    assert stale_files(fresh, tmp_path / "absent") == ["a.html", "b/c.xml", "new.txt"]


def test_content_files_load_with_their_dates_in_jakarta_time() -> None:
    articles = [*composed(), *paged_articles(), *onboarding_articles()]
    assert len({(a.outlet, a.path) for a in articles}) == len(articles) == 47
    assert all(a.published.utcoffset() is not None and a.published.utcoffset().total_seconds() == 7 * 3600
               for a in articles)
    assert {a.extra.get("paging") for a in paged_articles()} == {'{"style": "wordpress", "sizes": [3, 2, 2]}',
                                                                 '{"style": "show-all", "sizes": [3, 2]}'}
    assert set(fault_articles()) == {"error-once", "slow", "truncated", "cp1252", "huge"}


def test_a_misspelt_content_field_is_refused_not_silently_defaulted() -> None:
    entry = {"path": "/x", "title": "X", "published": "2024-01-02 03:04", "autor": "Budi", "body": ["Isi."]}
    with pytest.raises(ValueError, match=r"content/linesnews.yaml: /x: unknown fields \['autor'\]"):
        _article("linesnews", entry)
