"""`pantau analyze --html` reads a page the way a crawl does: with its outlet's registry hint, found by host."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import run_cli
from layouts import STORY, TITLE, URL, page, paragraphs

REGISTRY = """outlets:
  - id: warta-sleman
    name: Warta Sleman
    home: https://www.warta-sleman.example/
    feeds: [https://www.warta-sleman.example/feed/]
    article_pattern: '^https://warta-sleman\\\\.example/artikel/\\\\d+'
    extraction:
      container: div.isi-berita
"""
PAGE = page(f"<h1>{TITLE}</h1><div class='isi-berita'>{paragraphs(STORY[:2])}</div>"
            "<div class='opini'>" + paragraphs([line.replace("Bawaslu", "Opini") for line in STORY]) + "</div>",
            description=None)


def analyze(capsys: pytest.CaptureFixture[str], tmp_path: Path, *extra: str) -> list[str]:
    html = tmp_path / "page.html"
    html.write_text(PAGE, encoding="utf-8")
    code, out, err = run_cli(capsys, "--data-dir", str(tmp_path / "data"), "analyze", "--html", str(html),
                             "--url", URL, *extra)
    assert code == 0, err
    return str(json.loads(out)["body"]).split("\n\n")


def test_the_hint_of_the_outlet_on_the_pages_host_is_used(capsys: pytest.CaptureFixture[str],
                                                          tmp_path: Path) -> None:
    registry = tmp_path / "outlets.yaml"
    registry.write_text(REGISTRY)
    assert analyze(capsys, tmp_path) != STORY[:2]  # not registered: the generic path
    # the URL does not match the article pattern: the outlet is found by its host (www. or not)
    assert analyze(capsys, tmp_path, "--outlets", str(registry)) == STORY[:2]


def test_a_bad_registry_file_is_one_line_on_stderr(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    registry = tmp_path / "outlets.yaml"
    registry.write_text(REGISTRY.replace("div.isi-berita", "'div..x'"))
    html = tmp_path / "page.html"
    html.write_text(PAGE, encoding="utf-8")
    code, out, err = run_cli(capsys, "analyze", "--html", str(html), "--url", URL, "--outlets", str(registry))
    assert code == 2 and out == "" and len(err.strip().splitlines()) == 1 and "extraction.container" in err
