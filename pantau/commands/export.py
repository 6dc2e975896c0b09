"""``pantau export``: every stored article as JSON Lines."""

from __future__ import annotations

import argparse
import json
import sys

from pantau.commands.search import parse_day
from pantau.config import Config
from pantau.store import open_store


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("export", help="print stored articles as JSON Lines",
                       description="Print every stored article as one JSON document per line, oldest fetched "
                                   "first: the input of pantau import, the same from either store.")
    p.add_argument("--since", type=parse_day, metavar="DATE",
                   help="published on or after this day, YYYY-MM-DD, WIB (default: every article)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace, config: Config) -> int:
    store = open_store(config, create=False)
    try:
        for doc in store.export(args.since):
            sys.stdout.write(json.dumps(doc, ensure_ascii=False) + "\n")
    finally:
        store.close()
    return 0
