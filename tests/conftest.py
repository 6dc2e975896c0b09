"""Shared fixtures: article factories and data dirs (no network beyond 127.0.0.1)."""

from __future__ import annotations

import socket
import subprocess
import sys
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from pantau.cli import main
from pantau.documents import fingerprint as content_fingerprint
from pantau.models import Analysis, Article, Official, Quote, Region

WIB = timezone(timedelta(hours=7))
SHARED = Path(__file__).resolve().parents[1].parent / "shared"


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


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    d = tmp_path / "data"
    d.mkdir()
    return d


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
