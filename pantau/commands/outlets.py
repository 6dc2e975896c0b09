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
    outlets = load_registry(args.outlets)
    for outlet in outlets.values():
        schedule = outlet.schedule or f"{config.crawl.default_schedule} (default)"
        if not outlet.enabled:
            schedule = "none (disabled)"
        region = outlet.region.regency or outlet.region.province if outlet.region else "-"
        network = f"  [{outlet.network}]" if outlet.network else ""
        print(f"{outlet.id}  {outlet.name}  {outlet.home}{network}{'' if outlet.enabled else '  DISABLED'}")
        print(f"    schedule {schedule}; region {region}; listing depth {outlet.max_listing_pages}")
        for kind, urls in (("feed", outlet.feeds), ("sitemap", outlet.sitemaps), ("listing", outlet.listings)):
            for url in urls:
                print(f"    {kind:8s} {url}")
        print(f"    articles {outlet.article_pattern}")
        if outlet.note:
            print(f"    note     {outlet.note}")
    enabled = sum(o.enabled for o in outlets.values())
    print(f"{len(outlets)} outlets, {enabled} enabled (crawled and scheduled), {len(outlets) - enabled} disabled")
    return 0
