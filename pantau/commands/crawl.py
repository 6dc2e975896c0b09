"""``pantau crawl``: crawl the registered outlets once and print the per-outlet summary.

Exit code 0 when every outlet was read without error; 1 when an outlet had an
error (a page, a source, an unexpected exception) or none of its sources could
be read; 130/143 when SIGINT/SIGTERM stopped it (the summary shows what was done).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from pantau.config import Config


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("crawl", help="crawl the registered outlets once",
                       description="Crawl the registered outlets once: read their feeds, sitemaps and listings, "
                                   "fetch new article pages, analyse and store them, queue and send alerts; then "
                                   "print per outlet what was fetched, stored, skipped and what failed.")
    p.add_argument("--only", action="append", default=[], metavar="ID",
                   help="crawl only this outlet, repeatable (default: every outlet)")
    p.add_argument("--outlets", action="append", default=[], type=Path, metavar="FILE",
                   help="add the outlets of this YAML file to the registry, repeatable; same id: the file wins "
                        "(default: the built-in registry only)")
    p.add_argument("--json", action="store_true", help="print the summary as JSON (default: a table)")
    p.add_argument("--quiet", action="store_true", help="no progress lines (default: progress on stderr)")
    p.add_argument("--log-level", default="WARNING", choices=("DEBUG", "INFO", "WARNING", "ERROR"),
                   help="Scrapy's log on stderr (default WARNING; DEBUG also shows the tracebacks of counted errors)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace, config: Config) -> int:
    # Scrapy and Twisted load only for a crawl
    from crawler.run import crawl_exit_code, format_summary, run_crawl, write_errors

    summary = run_crawl(config, args.outlets, args.only, progress=not args.quiet and not args.json,
                        log_level=args.log_level)
    if args.json:
        json.dump(summary.to_json(), sys.stdout, ensure_ascii=False)
        sys.stdout.write("\n")
        sys.stdout.flush()
        write_errors(summary)
    else:
        format_summary(summary)
    return crawl_exit_code(summary)
