"""``pantau outlets``: the registered outlets and their discovery sources."""

from __future__ import annotations

import argparse
from pathlib import Path

from crawler.outlets import load_registry
from pantau.config import Config


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("outlets", help="list the registered outlets",
                       description="List the registered outlets and their discovery sources (feeds, sitemaps, "
                                   "listings).")
    p.add_argument("--outlets", action="append", default=[], type=Path, metavar="FILE",
                   help="also load this outlet YAML file, repeatable (default: the built-in registry only)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace, config: Config) -> int:
    for outlet in load_registry(args.outlets).values():
        schedule = outlet.schedule or f"{config.crawl.default_schedule} (default)"
        region = outlet.region.regency or outlet.region.province if outlet.region else "-"
        print(f"{outlet.id}  {outlet.name}  {outlet.home}")
        print(f"    schedule {schedule}; region {region}; listing depth {outlet.max_listing_pages}")
        for kind, urls in (("feed", outlet.feeds), ("sitemap", outlet.sitemaps), ("listing", outlet.listings)):
            for url in urls:
                print(f"    {kind:8s} {url}")
        print(f"    articles {outlet.article_pattern}")
    return 0
