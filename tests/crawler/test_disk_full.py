"""A disk that fills up mid-crawl: the crawl finishes, names every page it could not store, loses nothing.

The disk is full for real: the crawl runs under RLIMIT_FSIZE, so the kernel
refuses (EFBIG) every write that would grow a file past the limit, and SQLite
meets it exactly as it meets a full disk, in the middle of a transaction.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

from helpers import cli_with_file_size_limit

from pantau.fixture_site import FixtureSite

CONFIG = "[crawl]\nautothrottle = false\ndownload_timeout = 5\n"
FULL_AT_BYTES = 64 * 1024  # far less than one crawl of the site writes


def crawl(tmp: Path, outlets: Path, only: list[str], *, file_size_limit: int | None = None,
          code: int = 0, stderr: list[str] | None = None) -> dict[str, Any]:
    argv = ["--config", str(tmp / "pantau.toml"), "--data-dir", str(tmp / "data"),
            "crawl", "--outlets", str(outlets), "--json", *[a for o in only for a in ("--only", o)]]
    cli = ([sys.executable, "-m", "pantau.cli", *argv] if file_size_limit is None
           else cli_with_file_size_limit(argv, file_size_limit))
    proc = subprocess.run(cli, capture_output=True, text=True, timeout=300)
    assert proc.returncode == code, proc.stderr[-3000:]
    assert "Traceback" not in proc.stderr, proc.stderr[-3000:]
    if stderr is not None:
        stderr.extend(proc.stderr.splitlines())
    return {o["outlet"]: o for o in json.loads(proc.stdout)["outlets"]}


def stored(tmp: Path) -> dict[str, str]:
    proc = subprocess.run([sys.executable, "-m", "pantau.cli", "--data-dir", str(tmp / "data"), "export"],
                          capture_output=True, text=True, timeout=60, check=True)
    return {d["url"]: d["fingerprint"] for d in map(json.loads, proc.stdout.splitlines())}


def test_full_disk_mid_crawl_reports_each_page_and_loses_nothing(tmp_path: Path) -> None:
    (tmp_path / "pantau.toml").write_text(CONFIG)
    with FixtureSite() as site:
        outlets = site.write_outlets_yaml(tmp_path / "outlets.yaml")
        crawl(tmp_path, outlets, ["antara-babel"])
        before = stored(tmp_path)

        lines: list[str] = []
        full = crawl(tmp_path, outlets, site.outlet_ids, file_size_limit=FULL_AT_BYTES, code=1, stderr=lines)
        not_stored = {m.group(1) for o in full.values() for e in o["errors"]
                      if (m := re.match(r"not stored (\S+): ", e))}
        assert not_stored, full
        for url in not_stored:  # one line per page on stderr, not also Scrapy's "Dropped: store failed …"
            assert [line for line in lines if url + ":" in line] == [
                next(line for line in lines if line.startswith("pantau: error [") and f"not stored {url}:" in line)
            ], [line for line in lines if url in line]
        assert stored(tmp_path).items() >= before.items()  # what was stored before is intact

        again = crawl(tmp_path, outlets, site.outlet_ids)  # space again: the pages that failed come back
    assert all(not o["errors"] for o in again.values()), again
    assert not_stored <= set(stored(tmp_path))
