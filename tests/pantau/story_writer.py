"""One crawl's store stage, as a process of its own: stores one page of each of several stories into a data dir.

Run as ``python story_writer.py DB ROLE START ROUNDS INTERVAL``. For round ``r`` it builds the page
``ROLE`` ("copy": the republication, published later; "original") of story ``r`` and stores it at
``START + r × INTERVAL`` (wall clock), through the same :func:`pantau.stories.store_in_story` the
store stage calls. Two of these started with the same ``START`` store the two pages of every story at
the same moment.
"""

from __future__ import annotations

import sys
import time
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

from pantau.documents import fingerprint
from pantau.models import Analysis, Article
from pantau.state import CrawlState, body_sketch
from pantau.store.sqlite import SQLiteStore
from pantau.stories import store_in_story

WIB = timezone(timedelta(hours=7))
ORIGINAL_PUBLISHED = datetime(2023, 11, 30, 10, 0, tzinfo=WIB)
COPY_PUBLISHED = datetime(2023, 12, 1, 8, 0, tzinfo=WIB)


def story_body(r: int) -> str:
    """Story ``r``'s text: long enough to be sketched, sharing no shingle with another round's."""
    return " ".join(f"Kalimat {i} berita ronde{r} tentang netralitas pegawai kabupaten{r} menjelang pemilu{r}."
                    for i in range(12))


def page(role: str, r: int) -> Article:
    body = story_body(r)
    if role == "copy":
        url, outlet, published = f"https://kabar.example.id/{r}", "kabar", COPY_PUBLISHED
        body = "MENTOK, KABAR - " + body + " (Penulis: Redaksi Kabar)"
    else:
        url, outlet, published = f"https://antara.example.id/{r}", "antara", ORIGINAL_PUBLISHED
    return Article(url=url, outlet=outlet, title=f"Berita {r}", published=published,
                   fetched=datetime.now(UTC), analysis=Analysis(language="id", body=body),
                   fingerprint=fingerprint(f"Berita {r}", body))


def main(db: Path, role: str, start: float, rounds: int, interval: float) -> None:
    store, state = SQLiteStore(db), CrawlState(db)
    try:
        for r in range(rounds):
            article = page(role, r)
            sketch = body_sketch(article.analysis.body)
            time.sleep(max(0.0, start + r * interval - time.time()))
            store_in_story(store, state, article, sketch)
    finally:
        store.close()
        state.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]), sys.argv[2], float(sys.argv[3]), int(sys.argv[4]), float(sys.argv[5]))
