"""Crawl benchmarks: the real ``pantau crawl`` and the bare-Scrapy reference, each in a child process.

The site runs in a third process (:class:`benchmarks.site.SiteProcess`).
Each crawl is timed by wall clock around the child process, and its memory
is sampled from ``/proc`` every 100 ms: the crawl process itself and the
whole process tree (the extraction workers are children of the crawl).
Requests are counted on the server side, so "no article page fetched again"
is checked where it happens.
"""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from benchmarks.site import OUTLETS, REPO, SiteProcess

CONCURRENCY_PER_DOMAIN = 16
EXTRACT_WORKERS = 2
CONFIG = f"""\
# benchmark crawl config: no politeness delays against our own loopback site
[crawl]
autothrottle = false
obey_robots = true
concurrent_requests_per_domain = {CONCURRENCY_PER_DOMAIN}
workers = {EXTRACT_WORKERS}
download_timeout = 60
retry_times = 2
"""


def _rss_kib(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except (FileNotFoundError, ProcessLookupError):
        pass
    return 0


def _descendants(pid: int) -> list[int]:
    found, todo = [], [pid]
    while todo:
        parent = todo.pop()
        try:
            for task in Path(f"/proc/{parent}/task").iterdir():
                children = (task / "children").read_text().split()
                found += [int(c) for c in children]
                todo += [int(c) for c in children]
        except (FileNotFoundError, ProcessLookupError):
            continue
    return found


class MemorySampler(threading.Thread):
    """Peak RSS of one process and of its whole tree, sampled every ``interval`` seconds."""

    def __init__(self, pid: int, interval: float = 0.1) -> None:
        super().__init__(daemon=True)
        self.pid, self.interval = pid, interval
        self.peak_main_kib = 0
        self.peak_tree_kib = 0
        self.samples: list[tuple[float, int]] = []  # (seconds since start, main RSS KiB)
        self._stop_event = threading.Event()

    def run(self) -> None:
        start = time.perf_counter()
        while not self._stop_event.wait(self.interval):
            main = _rss_kib(self.pid)
            tree = main + sum(_rss_kib(c) for c in _descendants(self.pid))
            self.peak_main_kib = max(self.peak_main_kib, main)
            self.peak_tree_kib = max(self.peak_tree_kib, tree)
            self.samples.append((time.perf_counter() - start, main))

    def stop(self) -> None:
        self._stop_event.set()
        self.join()


@dataclass
class CrawlRun:
    """One measured child process."""

    seconds: float
    article_requests: int
    server_counts: dict[str, int]
    peak_rss_main_mib: float
    peak_rss_tree_mib: float
    output: dict[str, Any] = field(default_factory=dict)
    rss_curve_mib: list[tuple[float, float]] = field(default_factory=list)  # (fraction of run, MiB)

    @property
    def pages_per_second(self) -> float:
        return self.article_requests / self.seconds if self.seconds else 0.0


def _measured(cmd: list[str], site: SiteProcess) -> CrawlRun:
    site.reset()
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=REPO)
    sampler = MemorySampler(proc.pid)
    sampler.start()
    out, err = proc.communicate()
    seconds = time.perf_counter() - started
    sampler.stop()
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd[:4])}… exited {proc.returncode}: {err[-2000:]}")
    counts = site.stats()["counts"]
    last_line = out.strip().splitlines()[-1] if out.strip() else "{}"
    curve = [(round(t / seconds, 2), round(kib / 1024, 1)) for t, kib in sampler.samples[::10]]
    return CrawlRun(seconds=round(seconds, 2), article_requests=int(counts.get("article", 0)),
                    server_counts=counts, peak_rss_main_mib=round(sampler.peak_main_kib / 1024, 1),
                    peak_rss_tree_mib=round(sampler.peak_tree_kib / 1024, 1), output=json.loads(last_line),
                    rss_curve_mib=curve)


def pantau_crawl(site: SiteProcess, work: Path) -> CrawlRun:
    """``pantau crawl`` (the CLI) over the generated outlets, with ``work/data`` as its data dir."""
    work.mkdir(parents=True, exist_ok=True)
    config = work / "pantau.toml"
    config.write_text(CONFIG, encoding="utf-8")
    outlets = site.write_outlets_yaml(work / "outlets.yaml")
    only = [arg for o in OUTLETS for arg in ("--only", o.id)]
    cmd = [sys.executable, "-m", "pantau.cli", "--config", str(config), "--data-dir", str(work / "data"),
           "crawl", "--outlets", str(outlets), *only, "--json"]
    return _measured(cmd, site)


def bare_scrapy(site: SiteProcess, work: Path) -> CrawlRun:
    """Scrapy alone fetching every article URL of the site (no discovery, no pipelines)."""
    work.mkdir(parents=True, exist_ok=True)
    urls = work / "urls.txt"
    urls.write_text("\n".join(site.article_urls()), encoding="utf-8")
    return _measured([sys.executable, "-m", "benchmarks.bare_spider", str(urls), str(CONCURRENCY_PER_DOMAIN)],
                     site)
