"""What several tests use: paths, article factories, the CLI in and out of process, loopback servers
(SMTP, HTTP, a fake Elasticsearch reply), process checks and the Elasticsearch goldens.

Plain functions and classes only; pytest fixtures live in ``conftest.py``. Importable as ``helpers``
because pyproject's ``[tool.pytest.ini_options] pythonpath`` puts ``tests/`` on the path.
"""

from __future__ import annotations

import asyncio
import email
import json
import os
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone
from email.header import decode_header, make_header
from email.message import Message
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller

from pantau.cli import main
from pantau.documents import fingerprint as content_fingerprint
from pantau.models import Analysis, Article, Official, Quote, Region, TagEvidence

TESTS = Path(__file__).resolve().parent
REPO = TESTS.parent
GOLDEN = TESTS / "store" / "golden"  # the Elasticsearch request bodies (tests/store/test_elastic_requests.py)
REGEN = os.environ.get("PANTAU_REGEN_GOLDEN") == "1"
WIB = timezone(timedelta(hours=7))


def make_article(url: str, body: str, *, outlet: str = "contoh", title: str = "Judul",
                 tags: tuple[str, ...] = (), regions: tuple[Region, ...] = (),
                 speaker: str | None = None, published: datetime | None = None,
                 fingerprint: str | None = None, duplicate_of: str | None = None) -> Article:
    quotes = []
    if speaker:
        start = body.index('"') + 1 if '"' in body else 0
        end = body.index('"', start) if '"' in body[start:] else len(body)
        quotes = [Quote(body[start:end], speaker, "Sekretaris Daerah", start, end)]
    analysis = Analysis(language="id", body=body, tags=list(tags), regions=list(regions),
                        officials=[Official(speaker, "Sekretaris Daerah")] if speaker else [], quotes=quotes)
    return Article(url=url, outlet=outlet, title=title, published=published or datetime(2024, 10, 1, 9, 0, tzinfo=WIB),
                   fetched=datetime(2024, 10, 2, 1, 0, tzinfo=UTC), analysis=analysis,
                   fingerprint=fingerprint or content_fingerprint(title, body), duplicate_of=duplicate_of)


def run_cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """The CLI in this process: (exit code, stdout, stderr)."""
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def cli_with_file_size_limit(argv: list[str], limit: int) -> list[str]:
    """The command that runs the CLI with ``argv`` under RLIMIT_FSIZE: the kernel refuses (EFBIG) every
    write that would grow a file past ``limit`` bytes, and SQLite meets that exactly as a full disk."""
    code = (f"import resource, runpy, sys; resource.setrlimit(resource.RLIMIT_FSIZE, ({limit},) * 2); "
            f"sys.argv = ['pantau', *{argv!r}]; runpy.run_module('pantau.cli', run_name='__main__')")
    return [sys.executable, "-c", code]


def run_pantau(*args: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    """The real CLI in a child process (Twisted's reactor runs once per process)."""
    return subprocess.run([sys.executable, "-m", "pantau.cli", *args], capture_output=True, text=True,
                          timeout=timeout)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


GONE_WITHIN = 10.0  # seconds a process killed with its parent may take to go (the kernel: at once)


def children(pid: int) -> set[int]:
    """Every process whose parent is ``pid`` (read from /proc)."""
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.add(int(entry.name))
    return found


def alive(pid: int) -> bool:
    """Running (a zombie waiting for a parent that does not reap it counts as gone)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def wait_gone(pids: set[int]) -> set[int]:
    deadline = time.monotonic() + GONE_WITHIN
    while any(alive(p) for p in pids) and time.monotonic() < deadline:
        time.sleep(0.1)
    return {p for p in pids if alive(p)}


@dataclass
class Inbox:
    delay: float = 0.0  # seconds the server takes per message before it answers (sessions run in parallel)
    messages: list[Message] = field(default_factory=list)

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802 - aiosmtpd API
        await asyncio.sleep(self.delay)
        self.messages.append(email.message_from_bytes(envelope.content))
        return "250 OK"


def smtp_server(port: int, delay: float = 0.0) -> tuple[Controller, Inbox]:
    inbox = Inbox(delay)
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    return controller, inbox


def outbox_rows(data: Path) -> list[tuple[str, str, str]]:
    with sqlite3.connect(data / "pantau.db") as conn:
        return list(conn.execute("SELECT rule, story, status FROM alerts ORDER BY id"))


# The two alert rules the exactly-once checks count (``assert_each_alert_mailed_once``), for a pantau.toml.
ALERT_RULES = """
[[alert]]
name = "semua"
recipients = ["analis@example.org"]

[[alert]]
name = "imbauan"
tags_any = ["imbauan"]
recipients = ["redaksi@example.org"]
"""


def assert_each_alert_mailed_once(inbox: Inbox, data: Path, config: Path,
                                  rules: tuple[str, ...] = ("semua", "imbauan")) -> None:
    """What the server received is exactly the outbox: every row once, and `alerts list` says so."""
    received = Counter((m["X-Pantau-Rule"], story(m)) for m in inbox.messages)
    rows = outbox_rows(data)
    assert rows and all(status == "sent" for _, _, status in rows), rows
    assert max(received.values()) == 1, [k for k, n in received.items() if n > 1]
    assert set(received) == {(rule, story) for rule, story, _ in rows}
    listing = run_pantau("--config", str(config), "--data-dir", str(data), "alerts").stdout
    for rule in rules:
        sent = sum(1 for r, _, _ in rows if r == rule)
        assert f"sent {sent}, queued 0, failing 0" in listing, listing


def story(message: Message) -> str:
    """The X-Pantau-Story header (a long URL comes RFC 2047-encoded and folded)."""
    return str(make_header(decode_header(message["X-Pantau-Story"])))


def reply_as_elasticsearch(handler: BaseHTTPRequestHandler, payload: dict[str, Any]) -> None:
    """Answer 200 with ``payload`` as an 8.x Elasticsearch server does: the client checks the product header."""
    data = json.dumps(payload).encode()
    handler.send_response(200)
    handler.send_header("X-Elastic-Product", "Elasticsearch")
    handler.send_header("Content-Type", "application/vnd.elasticsearch+json;compatible-with=8")
    handler.send_header("Content-Length", str(len(data)))
    handler.end_headers()
    handler.wfile.write(data)


@contextmanager
def http_server(handler: Callable[..., BaseHTTPRequestHandler]) -> Iterator[str]:
    """A loopback HTTP server with this request handler, for as long as the block runs: its base URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


# -- Elasticsearch goldens ---------------------------------------------------------------------


def check_golden(name: str, data: Any) -> None:
    """``data`` as JSON is exactly ``tests/store/golden/<name>.json`` (written instead with PANTAU_REGEN_GOLDEN=1)."""
    path = GOLDEN / f"{name}.json"
    text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    if REGEN:
        GOLDEN.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert path.is_file(), f"missing golden {path.name}: run with PANTAU_REGEN_GOLDEN=1"
    assert text == path.read_text(encoding="utf-8"), f"{path.name} differs (PANTAU_REGEN_GOLDEN=1 to accept)"


def golden_articles() -> list[Article]:
    """The two articles every Elasticsearch golden body is built from (and the live tests store)."""
    body1 = (
        "Bupati Bangka mengimbau seluruh ASN menjaga netralitas menjelang Pilkada 2024. "
        "\u201cASN harus netral,\u201d kata Sekda Bangka Thamrin Hasan."
    )
    q1 = body1.index("\u201c") + 1
    first = Article(
        url="https://babel.antaranews.com/berita/1/bupati-bangka-imbau-asn-netral",
        outlet="antara-babel",
        title="Bupati Bangka imbau ASN netral",
        published=datetime(2024, 11, 1, 9, 30, tzinfo=WIB),
        fetched=datetime(2024, 11, 1, 3, 0, tzinfo=UTC),
        analysis=Analysis(
            language="id",
            body=body1,
            tags=["netralitas-asn", "imbauan", "pilkada-2024"],
            evidence=[TagEvidence("imbauan", ["Bupati Bangka mengimbau seluruh ASN menjaga netralitas."])],
            regions=[Region("Kepulauan Bangka Belitung", "Kabupaten Bangka")],
            officials=[Official("Thamrin Hasan", "Sekda Bangka")],
            quotes=[Quote("ASN harus netral,", "Thamrin Hasan", "Sekda Bangka", q1, q1 + 17)],
        ),
        author="Redaksi",
        fingerprint="f1",
    )
    second = Article(
        url="https://sumsel.example.id/read/2/asn-dilaporkan",
        outlet="sumsel-example",
        title="ASN dilaporkan ke Bawaslu",
        published=None,  # no publication date: "day" falls back to the fetch date in Jakarta
        fetched=datetime(2024, 11, 2, 20, 0, tzinfo=UTC),
        analysis=Analysis(
            language="id",
            body="Seorang ASN dilaporkan ke Bawaslu karena mengunggah foto dukungan.",
            tags=["netralitas-asn", "dugaan-pelanggaran"],
            regions=[Region("Sumatera Selatan", None)],
        ),
        fingerprint="f2",
        duplicate_of=None,
    )
    return [first, second]
