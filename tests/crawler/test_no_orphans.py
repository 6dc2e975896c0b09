"""A crawl's worker processes end with it, however it ends: checked by PID, with real processes."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

from helpers import children, wait_gone

from pantau.fixture_site import FixtureSite


def test_a_sigkilled_crawl_leaves_no_worker_behind(tmp_path: Path) -> None:
    config = tmp_path / "pantau.toml"
    config.write_text("[crawl]\nautothrottle = false\nworkers = 2\ndownload_timeout = 60\n")
    with FixtureSite(faults=True, timeout_delay=60) as site:  # the slow page keeps the crawl running
        outlets = site.write_outlets_yaml(tmp_path / "outlets.yaml")
        crawl = subprocess.Popen([sys.executable, "-m", "pantau.cli", "--config", str(config), "--data-dir",
                                  str(tmp_path / "data"), "crawl", "--outlets", str(outlets), "--quiet"],
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 60
        workers: set[int] = set()
        while len(workers) < 2 and time.monotonic() < deadline:
            time.sleep(0.2)
            workers = {c for c in children(crawl.pid) if b"multiprocessing" in Path(f"/proc/{c}/cmdline").read_bytes()}
        assert len(workers) >= 2, "the crawl never started its workers"
        descendants = children(crawl.pid)
        crawl.send_signal(signal.SIGKILL)
        crawl.wait(timeout=10)
        left = wait_gone(descendants)
    assert not left, f"still running after the crawl was killed: {sorted(left)}"
