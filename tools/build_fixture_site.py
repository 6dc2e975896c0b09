#!/usr/bin/env python3
"""Regenerate the bundled fixture news site, ``pantau/fixture_site/sites/``.

Usage (from the repository root)::

    python tools/build_fixture_site.py [SEEDS_DIR]          # default: tools/seeds
    python tools/build_fixture_site.py --check              # exit 1 if the committed site is stale (CI)

The generator is the package :mod:`pantau.fixture_site.generator` (articles as data in its
``content/``, themes, feeds, assembly); this script only reads the command line. The output is
deterministic: running it twice gives identical files.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from pantau.fixture_site.generator import build, stale_files

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "pantau" / "fixture_site" / "sites"
SEEDS = REPO / "tools" / "seeds"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("seeds", nargs="?", default=str(SEEDS),
                        help="directory holding the seed articles (default: tools/seeds)")
    parser.add_argument("--out", default=str(OUT), help="output directory (default: %(default)s)")
    parser.add_argument("--check", action="store_true",
                        help="build into a temporary directory and fail if --out differs from it")
    args = parser.parse_args(argv)
    seeds = Path(args.seeds)
    if not seeds.is_dir():
        print(f"build_fixture_site: no seeds directory at {seeds}", file=sys.stderr)
        return 2
    if args.check:
        with tempfile.TemporaryDirectory() as tmp:
            build(seeds, Path(tmp) / "sites")
            stale = stale_files(Path(tmp) / "sites", Path(args.out))
        if stale:
            print(f"{args.out} is stale ({len(stale)} files differ, e.g. {', '.join(stale[:3])}): "
                  "run python tools/build_fixture_site.py", file=sys.stderr)
            return 1
        return 0
    build(seeds, Path(args.out))
    size = sum(p.stat().st_size for p in Path(args.out).rglob("*") if p.is_file())
    print(f"wrote {args.out} ({size // 1024} KiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
