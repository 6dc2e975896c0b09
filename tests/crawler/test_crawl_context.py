"""One crawl opens its crawl state and its article store once, shared by the spider and every pipeline.

Counted with SQLite's own audit event (``sqlite3.connect``) in a real ``pantau crawl`` of the fixture
site, with an alert rule so the alerts stage reads the store too.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest
from scrapy import signals
from scrapy.utils.test import get_crawler

from crawler.context import CrawlContext, crawl_context
from pantau.config import load_config
from pantau.fixture_site import FixtureSite

COUNTING = """
import collections, sys
from pantau.cli import main
opened = collections.Counter()
sys.addaudithook(lambda event, args: opened.update([str(args[0])]) if event == "sqlite3.connect" else None)
code = main(sys.argv[1:])
sys.stderr.write(f"connections: {dict(opened)}\\n")
sys.exit(code)
"""


def test_a_crawl_opens_pantau_db_once_for_its_state_and_once_for_its_store(tmp_path: Path) -> None:
    config = tmp_path / "pantau.toml"
    config.write_text('[[alert]]\nname = "semua"\nrecipients = ["pengawas@example.org"]\n')
    data = tmp_path / "data"
    with FixtureSite() as site:
        outlets = site.write_outlets_yaml(tmp_path / "outlets.yaml")
        proc = subprocess.run([sys.executable, "-c", COUNTING, "--config", str(config), "--data-dir", str(data),
                               "crawl", "--outlets", str(outlets), "--only", "kabar-serumpun", "--json"],
                              capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert json.loads(proc.stdout)["outlets"][0]["new"] > 0
    line = next(line for line in proc.stderr.splitlines() if line.startswith("connections: "))
    # the crawl state and the store (spider, dedupe, store and alerts stages, the run's health record), the
    # alert outbox, the manual run record
    assert ast.literal_eval(line.removeprefix("connections: ")) == {str(data / "pantau.db"): 4}


def test_without_the_runner_a_crawler_s_stages_share_one_context_closed_when_the_engine_stops(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``scrapy crawl news``: no runner made a context, the first stage that asks makes it from the config."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PANTAU_DATA_DIR", str(tmp_path / "data"))
    crawler = get_crawler()
    context = crawl_context(crawler)
    assert crawl_context(crawler) is context and context.config.db_path == tmp_path / "data" / "pantau.db"
    state = context.state
    assert state is context.state and state.known_page("https://a.id/1") is None
    crawler.signals.send_catch_log(signals.engine_stopped)
    with pytest.raises(Exception, match="closed"):
        state.known_page("https://a.id/1")


def test_the_runner_s_context_is_the_one_every_copy_of_the_settings_holds(tmp_path: Path) -> None:
    context = CrawlContext(load_config(None, tmp_path / "data"))
    crawler = get_crawler(settings_dict={"PANTAU_CONTEXT": context})  # Scrapy deep-copies the settings
    assert crawl_context(crawler) is context
    context.close()
