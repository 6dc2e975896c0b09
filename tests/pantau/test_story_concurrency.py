"""Two crawl processes storing the two pages of one story at the same moment still agree on its original.

Each process is a real one (:mod:`story_writer`) storing into one real SQLite data dir, and both store
the pages of each story at the same wall-clock instant, many stories in a row. Without the story lock,
both look for the other's page before either has recorded its own, and both store an original.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

WRITER = Path(__file__).with_name("story_writer.py")
ROUNDS = 25
INTERVAL = 0.12  # seconds between stories: far more than storing one page takes
STARTUP = 3.0  # seconds the processes get to import and open the data dir before the first story


def test_two_processes_storing_both_pages_at_once_keep_one_original_per_story(tmp_path: Path) -> None:
    db = tmp_path / "data" / "pantau.db"
    start = time.time() + STARTUP
    writers = [subprocess.Popen([sys.executable, str(WRITER), str(db), role, str(start), str(ROUNDS), str(INTERVAL)],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
               for role in ("copy", "original")]
    for writer in writers:
        _, err = writer.communicate(timeout=60)
        assert writer.returncode == 0, err[-2000:]
    assert time.time() > start + ROUNDS * INTERVAL - INTERVAL, "the processes started too late to overlap"
    with closing(sqlite3.connect(db)) as conn:
        marks = dict(conn.execute("SELECT url, duplicate_of FROM articles").fetchall())
        in_doc = dict(conn.execute("SELECT url, json_extract(doc, '$.duplicate_of') FROM articles").fetchall())
        indexed = {url for (url,) in conn.execute("SELECT url FROM body_sketches")}
        links = dict(conn.execute("SELECT url, original FROM story_links").fetchall())
    originals = {f"https://antara.example.id/{r}" for r in range(ROUNDS)}
    copies = {f"https://kabar.example.id/{r}": f"https://antara.example.id/{r}" for r in range(ROUNDS)}
    assert marks == in_doc == {**dict.fromkeys(originals), **copies}
    assert indexed == originals  # only originals are looked up as the source of a further copy
    assert links == copies
