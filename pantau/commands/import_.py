"""``pantau import``: store the articles of ``pantau export`` files (JSON Lines).

What it is for: moving a data dir from the embedded store to Elasticsearch
(``pantau export > all.jsonl``, then ``pantau --elasticsearch URL import
all.jsonl``) without re-crawling, which the crawl state would not do anyway: it
knows those pages as stored. It writes the store only: no alert is evaluated
(the articles are not new stories) and the crawl state is left as it is.

A line that is not an article document is reported (file, line number, field)
and skipped; the others are stored (``pantau.documents`` says what is checked). Re-importing is idempotent (articles are
keyed by canonical URL, equal fingerprints are "unchanged").
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from pantau.config import Config
from pantau.documents import DocumentError, article_from_doc
from pantau.errors import PantauError, UsageError
from pantau.models import Article
from pantau.store import StoreError, open_store
from pantau.store.base import BulkUpsertError

STDIN = "-"


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("import", help="store the articles of `pantau export` files (JSON Lines)",
                       description="Store the articles of pantau export files in the configured store, in bulk; "
                                   "a bad line is named (file:line, field) and skipped; running it again changes "
                                   "nothing; no alerts are sent and the crawl state is left alone.")
    p.add_argument("files", nargs="*", default=[STDIN], metavar="FILE",
                   help="JSON Lines written by `pantau export` (default, or -: standard input)")
    p.set_defaults(func=run)


class _Reader:
    """The articles of the input files, read lazily, with a count of what was read and skipped."""

    def __init__(self, files: list[str]) -> None:
        self.files = files
        self.read = 0
        self.skipped = 0

    def __iter__(self) -> Iterator[Article]:
        for name in self.files:
            if name == STDIN:
                yield from self._lines("<stdin>", sys.stdin)
                continue
            with open(name, encoding="utf-8", errors="replace") as stream:
                yield from self._lines(name, stream)

    def _lines(self, name: str, stream: TextIO) -> Iterator[Article]:
        for number, line in enumerate(stream, 1):
            if not line.strip():
                continue
            try:
                article = article_from_doc(json.loads(line))
            except (json.JSONDecodeError, DocumentError) as exc:
                self.skipped += 1
                reason = f"not JSON: {exc.msg}" if isinstance(exc, json.JSONDecodeError) else str(exc)
                sys.stderr.write(f"pantau: import: {name}:{number}: skipped, {reason}\n")
                continue
            self.read += 1
            yield article


def run(args: argparse.Namespace, config: Config) -> int:
    for name in args.files:
        # a pipe (`<(zcat x.gz)` is /dev/fd/N) or a FIFO is as good as a file; a directory is not
        if name != STDIN and (not Path(name).exists() or Path(name).is_dir()):
            raise UsageError(f"import: no such file: {name}")
    reader = _Reader(args.files)
    store = open_store(config)
    try:
        report = store.bulk_upsert(reader)
    except BulkUpsertError as exc:
        for error in exc.report.errors:
            sys.stderr.write(f"pantau: import: refused {error}\n")
        report = exc.report
    except (StoreError, OSError) as exc:  # the store (either backend), or reading the input
        raise PantauError(f"import stopped after {reader.read} articles (the last batch not stored): {exc}; "
                          "importing again is safe") from None
    finally:
        store.close()
    outcomes = Counter(outcome.value for outcome in report.outcomes.values())
    sys.stdout.write(
        f"imported {len(report.outcomes)} articles: {outcomes['new']} new, {outcomes['updated']} updated, "
        f"{outcomes['unchanged']} unchanged; {reader.skipped} lines skipped, {len(report.errors)} refused\n"
    )
    if report.errors:
        return 1
    return 2 if reader.skipped else 0
