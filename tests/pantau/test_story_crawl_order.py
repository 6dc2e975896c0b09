"""The fixture site's syndicated story, crawled in every order: the ANTARA Babel original (published
2023-11-30) is the original and kabar-serumpun's republication (2023-12-01) its copy, and an alert rule
that matches the story mails it once.

Real parts: ``pantau crawl`` processes against the bundled fixture site on loopback, a real SMTP server
(aiosmtpd) on loopback, the data dir's SQLite files; search and export through the CLI.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import free_port, outbox_rows, run_cli, smtp_server, story

from pantau.fixture_site import FixtureSite
from pantau.urls import canonical_url

CONFIG = """
[crawl]
autothrottle = false

[smtp]
host = "127.0.0.1"
port = {port}
sender = "pantau@example.org"

[[alert]]
name = "foto-caleg"
tags_all = ["foto-pose"]
regions = ["Belitung"]
recipients = ["analis@example.org"]
"""
ORIGINAL_OUTLET, COPY_OUTLET = "antara-babel", "kabar-serumpun"


@pytest.fixture(scope="module")
def site() -> Iterator[FixtureSite]:
    with FixtureSite() as running:
        yield running


def story_urls(site: FixtureSite) -> tuple[str, str]:
    """(the original's URL, the republication's URL)."""
    outlet, path = site.seed_articles()["antara-babel-sekda-belitung-foto-caleg"]
    copy_path = next(p for p in site.article_paths(COPY_OUTLET) if "sekda-belitung" in p)
    return canonical_url(site.url(outlet, path)), canonical_url(site.url(COPY_OUTLET, copy_path))


def crawl_command(site: FixtureSite, tmp: Path, *outlets: str) -> list[str]:
    args = [sys.executable, "-m", "pantau.cli", "--config", str(tmp / "pantau.toml"), "--data-dir", str(tmp / "data"),
            "crawl", "--outlets", str(site.write_outlets_yaml(tmp / "outlets.yaml")), "--quiet"]
    for outlet in outlets:
        args += ["--only", outlet]
    return args


def finish(proc: subprocess.Popen[str]) -> None:
    _, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err[-2000:]


ORDERS = {
    "copy first": [[COPY_OUTLET], [ORIGINAL_OUTLET]],
    "original first": [[ORIGINAL_OUTLET], [COPY_OUTLET]],
    "two crawls at once": [[COPY_OUTLET, "|", ORIGINAL_OUTLET]],
    "one crawl": [[COPY_OUTLET, ORIGINAL_OUTLET]],
}


@pytest.mark.parametrize("order", ORDERS)
def test_the_original_is_the_original_and_the_story_is_mailed_once(site: FixtureSite, tmp_path: Path, capsys,
                                                                   order: str) -> None:
    port = free_port()
    (tmp_path / "pantau.toml").write_text(CONFIG.format(port=port))
    controller, inbox = smtp_server(port)
    try:
        for step in ORDERS[order]:
            together = " ".join(step).split(" | ")  # crawls started at the same moment
            procs = [subprocess.Popen(crawl_command(site, tmp_path, *group.split()), stdout=subprocess.PIPE,
                                      stderr=subprocess.PIPE, text=True) for group in together]
            for proc in procs:
                finish(proc)
    finally:
        controller.stop()
    original, copy = story_urls(site)
    data = tmp_path / "data"

    code, out, _ = run_cli(capsys, "--data-dir", str(data), "export")
    marks = {d["url"]: d["duplicate_of"] for d in map(json.loads, out.splitlines())}
    assert (marks[original], marks[copy]) == (None, original)
    assert sum(1 for mark in marks.values() if mark) == 1  # nothing else is anyone's copy
    code, out, _ = run_cli(capsys, "--data-dir", str(data), "search", "foto caleg", "--json")
    found = {h["url"]: h["duplicate_of"] for h in map(json.loads, out.splitlines())}
    assert (found[original], found[copy]) == (None, original)
    code, out, _ = run_cli(capsys, "--data-dir", str(data), "search", "foto caleg")
    hits = re.split(r"(?m)^ *\d+\. ", out)[1:]  # one block per hit, its URL on its last line
    blocks = {hit.strip().splitlines()[-1].strip(): hit for hit in hits}
    assert f"syndicated copy of {original}" in blocks[copy]
    assert "syndicated copy" not in blocks[original]

    about_the_story = [m for m in inbox.messages if story(m) in (original, copy)]
    assert len(about_the_story) == 1, [story(m) for m in about_the_story]
    assert [(rule, status) for rule, url, status in outbox_rows(data) if url in (original, copy)] == [
        ("foto-caleg", "sent")]
    if order != "copy first" and order != "two crawls at once":
        # the original was stored before the alert went out: the message names it
        assert story(about_the_story[0]) == original
