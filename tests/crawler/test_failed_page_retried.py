"""A page that failed is fetched again by the next crawl, even when its feed and listing have not changed.

Feeds and listings are re-read with conditional requests; a 304 means "nothing
new behind this source". That is only true if every article the source listed
made it into the store, so an outlet with a failed page keeps no validators.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from pantau.fixture_site import FixtureSite
from pantau.urls import canonical_url

SLOW_PAGE_DELAY = 6.0  # far beyond the 1 s timeout: a loaded machine must not let the page slip through


def crawl(tmp: Path, outlets: Path, download_timeout: float) -> dict[str, dict[str, object]]:
    config = tmp / f"pantau-{download_timeout}.toml"
    config.write_text(f"[crawl]\nautothrottle = false\nretry_times = 0\ndownload_timeout = {download_timeout}\n")
    proc = subprocess.run([sys.executable, "-m", "pantau.cli", "--config", str(config), "--data-dir", str(tmp / "data"),
                           "crawl", "--outlets", str(outlets), "--only", "trawang-news", "--json"],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 1, proc.stderr[-3000:]  # the fault site's broken feed is an error every time
    return {o["outlet"]: o for o in json.loads(proc.stdout)["outlets"]}


def test_a_timed_out_page_is_fetched_again_when_its_sources_are_unchanged(tmp_path: Path) -> None:
    with FixtureSite(faults=True, timeout_delay=SLOW_PAGE_DELAY) as site:
        outlets = site.write_outlets_yaml(tmp_path / "outlets.yaml")
        slow = site.fault_paths()["slow"]
        first = crawl(tmp_path, outlets, download_timeout=1)["trawang-news"]
        assert any(slow in e and "Timeout" in e for e in first["errors"]), first["errors"]

        site.clear_requests()
        second = crawl(tmp_path, outlets, download_timeout=SLOW_PAGE_DELAY + 10)["trawang-news"]
        requested = {r.path for r in site.requests}
        slow_url = canonical_url(site.url("trawang-news", slow))
    assert slow in requested
    assert not any(slow in e for e in second["errors"]), second["errors"]
    export = subprocess.run([sys.executable, "-m", "pantau.cli", "--data-dir", str(tmp_path / "data"), "export"],
                            capture_output=True, text=True, timeout=60, check=True).stdout
    assert slow_url in {json.loads(line)["url"] for line in export.splitlines()}
