"""``pantau crawl`` tells the truth in its exit code and on stderr: real crawls, real signals."""

from __future__ import annotations

import functools
import json
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler
from pathlib import Path

import pytest
from helpers import free_port, http_server, run_pantau

from pantau.fixture_site import FixtureSite

HERE = Path(__file__).resolve().parent
CONFIG = "[crawl]\nautothrottle = false\nworkers = 0\nretry_times = 0\ndownload_timeout = 30\n"


@pytest.fixture
def config(tmp_path: Path) -> Path:
    path = tmp_path / "pantau.toml"
    path.write_text(CONFIG)
    return path


def crawl_args(config: Path, tmp: Path, outlets: Path, *only: str) -> list[str]:
    return ["--config", str(config), "--data-dir", str(tmp / "data"), "crawl", "--outlets", str(outlets), "--quiet",
            *[a for o in only for a in ("--only", o)]]


def outlet_file(tmp: Path, outlet: str, base: str, feed: str = "/rss.xml") -> Path:
    path = tmp / f"{outlet}.yaml"
    path.write_text(f"outlets:\n  - id: {outlet}\n    name: {outlet}\n    home: {base}/\n    feeds: [{base}{feed}]\n"
                    f"    article_pattern: '^{base}/berita/'\n")
    return path


def test_an_unreachable_outlet_exits_1_with_one_line_per_fault_and_shows_in_status(config: Path,
                                                                                    tmp_path: Path) -> None:
    outlets = outlet_file(tmp_path, "nowhere", f"http://127.0.0.1:{free_port()}")
    proc = run_pantau(*crawl_args(config, tmp_path, outlets, "nowhere"), timeout=120)
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr and "Error downloading" not in proc.stderr, proc.stderr
    lines = proc.stderr.splitlines()
    assert any("[nowhere]" in line and "ConnectionRefused" in line for line in lines), lines
    assert any("none of its feeds, sitemaps or listings could be read" in line for line in lines), lines
    assert lines[-1] == "pantau: errors in 1 outlet(s) (nowhere); see the lines above"
    assert proc.stdout.splitlines()[1].split()[-1] == "2"  # the errors column of the table

    status = run_pantau("--config", str(config), "--data-dir", str(tmp_path / "data"), "status", "--outlets",
                        str(outlets))
    row = next(line.split() for line in status.stdout.splitlines() if line.startswith("nowhere"))
    assert (row[3], row[5], row[8]) == ("manual", "error", "2")  # by, outcome, errors


def test_with_json_each_fault_is_still_one_line_on_stderr(config: Path, tmp_path: Path) -> None:
    """``--json`` puts the summary on stdout; the fault lines the exit's last line points to stay on stderr."""
    outlets = outlet_file(tmp_path, "nowhere", f"http://127.0.0.1:{free_port()}")
    proc = run_pantau(*crawl_args(config, tmp_path, outlets, "nowhere"), "--json", timeout=120)
    assert proc.returncode == 1
    (row,) = json.loads(proc.stdout)["outlets"]
    lines = proc.stderr.splitlines()
    assert lines == [*(f"pantau: error [nowhere] {e}" for e in row["errors"]),
                     "pantau: errors in 1 outlet(s) (nowhere); see the lines above"], lines
    assert len(row["errors"]) == 2


@pytest.mark.parametrize(("sig", "code"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)], ids=["SIGINT", "SIGTERM"])
def test_a_signal_mid_crawl_stops_it_with_the_summary_and_128_plus_the_signal(config: Path, tmp_path: Path,
                                                                            sig: signal.Signals, code: int) -> None:
    with FixtureSite(faults=True, timeout_delay=5) as site:  # the crawl cannot end before the slow page answers
        outlets = site.write_outlets_yaml(tmp_path / "outlets.yaml")
        articles = set(site.article_paths("trawang-news"))
        proc = subprocess.Popen([sys.executable, "-m", "pantau.cli", *crawl_args(config, tmp_path, outlets,
                                                                                  "trawang-news")],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        deadline = time.monotonic() + 60
        while not any(r.path in articles for r in site.requests) and time.monotonic() < deadline:
            time.sleep(0.05)  # an article page came back (logged once answered): mid-crawl
        proc.send_signal(sig)
        out, err = proc.communicate(timeout=60)
    assert proc.returncode == code, err[-2000:]
    assert err.splitlines()[-1].startswith(f"pantau: interrupted by {sig.name}"), err
    assert "Traceback" not in err
    assert out.splitlines()[0].startswith("outlet") and "trawang-news" in out, err  # the figures of what was done


def test_an_exception_in_a_pipeline_is_counted_for_its_outlet_and_exits_1(config: Path, tmp_path: Path) -> None:
    with FixtureSite() as site:
        outlets = site.write_outlets_yaml(tmp_path / "outlets.yaml")
        args = [*crawl_args(config, tmp_path, outlets, "antara-bengkulu", "linesnews"), "--json"]
        proc = subprocess.run([sys.executable, str(HERE / "failing_stage.py"), "antara-bengkulu", *args],
                              capture_output=True, text=True, timeout=300)
        pages = len(site.article_paths("antara-bengkulu"))
    assert proc.returncode == 1, proc.stderr[-2000:]
    summary = {o["outlet"]: o for o in json.loads(proc.stdout)["outlets"]}
    errors = summary["antara-bengkulu"]["errors"]
    assert len(errors) == summary["antara-bengkulu"]["pages_fetched"] == pages
    assert all("unexpected error processing" in e and "RuntimeError: stage bug" in e for e in errors), errors
    assert summary["linesnews"]["errors"] == [] and summary["linesnews"]["new"] > 0
    assert "Traceback" not in proc.stderr


@pytest.fixture
def feed_site(tmp_path: Path) -> Iterator[str]:
    """A loopback site whose feed links to a URL no parser takes (``http://[…``)."""
    root = tmp_path / "site"
    root.mkdir()
    (root / "rss.xml").write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>'
                                  "<item><title>a</title><link>http://[rusak/berita/1</link></item>"
                                  "</channel></rss>")
    with http_server(functools.partial(SimpleHTTPRequestHandler, directory=str(root))) as url:
        yield url


def test_an_exception_in_a_spider_callback_is_counted_for_its_outlet(config: Path, tmp_path: Path,
                                                                     feed_site: str) -> None:
    outlets = outlet_file(tmp_path, "rusak", feed_site)
    proc = run_pantau(*crawl_args(config, tmp_path, outlets, "rusak"), "--json", timeout=120)
    assert proc.returncode == 1, proc.stderr[-2000:]
    (row,) = json.loads(proc.stdout)["outlets"]
    assert row["sources_read"] == 1
    assert len(row["errors"]) == 1 and "unexpected error reading" in row["errors"][0] \
        and "ValueError" in row["errors"][0], row["errors"]


def test_a_second_crawl_of_the_same_outlet_waits_and_fetches_nothing_twice(config: Path, tmp_path: Path) -> None:
    with FixtureSite(faults=True, timeout_delay=3) as site:
        outlets = site.write_outlets_yaml(tmp_path / "outlets.yaml")
        args = [sys.executable, "-m", "pantau.cli", *crawl_args(config, tmp_path, outlets, "trawang-news")]
        first = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        deadline = time.monotonic() + 60
        while not site.requests and time.monotonic() < deadline:  # the first one has its lock and is fetching
            time.sleep(0.05)
        second = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        _, first_err = first.communicate(timeout=120)
        _, second_err = second.communicate(timeout=120)
        faults = site.fault_paths()
        pages = {*site.article_paths("trawang-news"),  # a page that failed (the 500) is rightly fetched again
                 *(path for kind, path in faults.items() if kind not in ("bad-feed", "error-once"))}
        fetched = Counter(r.path for r in site.requests if r.path.split("?")[0] in pages)
    assert "trawang-news is being crawled by pid" in second_err and "waiting" in second_err, second_err
    assert "Traceback" not in first_err + second_err
    assert len(fetched) == len(pages) and max(fetched.values()) == 1, fetched
