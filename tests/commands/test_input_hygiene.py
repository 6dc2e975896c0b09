"""Bad input and odd places are one line on stderr, never a traceback, and nothing is created by mistake."""

from __future__ import annotations

import json
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest
from helpers import http_server, run_pantau

from pantau.config import load_config
from pantau.errors import ConfigError, one_line

PROXY_PAGE = (b"<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head>\n<body><center><h1>502 Bad Gateway"
              b"</h1></center>\n<hr><center>nginx/1.25.3</center>\n</body></html>\n")


def assert_one_line(stderr: str, *fragments: str) -> None:
    assert stderr.count("\n") == 1 and "Traceback" not in stderr, stderr
    for fragment in fragments:
        assert fragment in stderr, stderr


@pytest.mark.parametrize("recipient", ["analis@example.org\nBcc: semua@example.org", "analis @example.org",
                                       "a@example.org, b@example.org", "Analis <analis@example.org>",
                                       "analis@", "@example.org"])
def test_a_recipient_that_is_not_one_plain_address_is_refused(tmp_path: Path, recipient: str) -> None:
    path = tmp_path / "pantau.toml"
    path.write_text(f'[[alert]]\nname = "x"\nrecipients = [{json.dumps(recipient)}]\n')
    with pytest.raises(ConfigError) as info:
        load_config(path, environ={})
    assert "[[alert]] #1.recipients" in str(info.value) and "not one plain email address" in str(info.value)
    assert "\n" not in str(info.value)


@pytest.mark.parametrize("under", ["", "sub"], ids=["the-file", "under-the-file"])
def test_a_file_as_data_dir_is_one_line(tmp_path: Path, under: str) -> None:
    a_file = tmp_path / "data"
    a_file.write_text("")
    for command in (["search", "asn"], ["crawl", "--only", "antara-babel"], ["alerts"]):
        proc = run_pantau("--data-dir", str(a_file / under), *command, timeout=60)
        assert proc.returncode == 2
        assert_one_line(proc.stderr, f"{a_file} is a file, not a directory")


def test_an_outlet_file_that_is_not_utf8_is_one_line(tmp_path: Path) -> None:
    outlets = tmp_path / "outlets.yaml"
    outlets.write_bytes("outlets:\n  - id: kabar\n    name: Kabar Bangka Belitung – Daerah\n".encode("cp1252"))
    proc = run_pantau("outlets", "--outlets", str(outlets), timeout=60)
    assert proc.returncode == 2
    assert_one_line(proc.stderr, f"{outlets}: not UTF-8 text")


@pytest.mark.parametrize("extra", [[], ["--elasticsearch", "http://127.0.0.1:9"]], ids=["sqlite", "es-override"])
def test_a_store_section_that_is_not_a_table_is_one_line(tmp_path: Path, extra: list[str]) -> None:
    config = tmp_path / "pantau.toml"
    config.write_text('store = "http://127.0.0.1:9200"\n')
    proc = run_pantau("--config", str(config), *extra, "--data-dir", str(tmp_path / "data"), "search", "x",
                      timeout=60)
    assert proc.returncode == 2
    assert_one_line(proc.stderr, "store: Input should be a valid dictionary")


@pytest.mark.parametrize("command", [["search", "asn"], ["status"], ["export"]])
def test_reading_commands_on_a_dir_with_no_store_say_so_and_create_nothing(tmp_path: Path,
                                                                           command: list[str]) -> None:
    mistyped = tmp_path / "dta"
    proc = run_pantau("--data-dir", str(mistyped), *command, timeout=60)
    assert proc.returncode == 2
    assert_one_line(proc.stderr, f"no pantau store here: {mistyped} has no pantau.db")
    assert not mistyped.exists()


class _ProxyError(BaseHTTPRequestHandler):
    def _answer(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.send_response(502)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(PROXY_PAGE)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(PROXY_PAGE)

    do_GET = do_POST = do_PUT = do_HEAD = _answer

    def log_message(self, *_: object) -> None:
        pass


@pytest.fixture
def proxy() -> Iterator[str]:
    """A reverse proxy whose backend is down: every request gets nginx's HTML 502 page."""
    with http_server(_ProxyError) as url:
        yield url


@pytest.mark.parametrize("command", [["search", "asn"], ["index", "create"]])
def test_an_elasticsearch_error_page_is_one_line(tmp_path: Path, proxy: str, command: list[str]) -> None:
    proc = run_pantau("--elasticsearch", proxy, "--data-dir", str(tmp_path / "data"), *command, timeout=60)
    assert proc.returncode == 1
    assert_one_line(proc.stderr, f"Elasticsearch at {proxy}", "HTTP 502 Bad Gateway")
    assert "<" not in proc.stderr


def test_a_kibana_error_page_is_one_line(proxy: str) -> None:
    proc = run_pantau("kibana", "setup", "--kibana", proxy, timeout=60)
    assert proc.returncode == 1
    assert_one_line(proc.stderr, f"Kibana at {proxy} refused the import: HTTP 502 502 Bad Gateway")
    assert "<" not in proc.stderr


def test_one_line_keeps_a_short_reply_and_cuts_a_long_one() -> None:
    assert one_line("index_not_found_exception:\n  no such index") == "index_not_found_exception: no such index"
    assert one_line("<html><body><p>Service <b>Unavailable</b></p></body></html>") == "Service Unavailable"
    assert len(one_line("x" * 1000)) == 200 and one_line("x" * 1000).endswith("…")


def test_demo_run_twice_does_not_double_its_store(tmp_path: Path) -> None:
    counts = []
    for _ in range(2):
        proc = run_pantau("--data-dir", str(tmp_path / "data"), "demo", timeout=300)
        assert proc.returncode == 0, proc.stderr[-2000:]
        export = run_pantau("--data-dir", str(tmp_path / "data" / "demo"), "export", timeout=60)
        counts.append(len(export.stdout.splitlines()))
    assert counts[0] == counts[1] > 20
