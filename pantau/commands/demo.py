"""``pantau demo``: the whole flow offline, in one command.

Starts the bundled fixture news site on free loopback ports, crawls it with the
real spider and pipelines through an outlet file pointing there, then runs a
sample search and shows who said what in the top hit. Everything lands in
``<data-dir>/demo`` so a newcomer's real data dir is never touched: the demo
uses the embedded store and sends no alerts whatever the configuration says,
and starts from an empty store each time (the fixture site gets new ports on
every run, so its pages would otherwise be stored again under new URLs).
"""

from __future__ import annotations

import argparse
import sys

from pantau.commands.search import run as run_search
from pantau.config import Config, StoreConfig
from pantau.store import SearchRequest, open_store
from pantau.text import shorten

SAMPLE_QUERY = "netralitas ASN"
DEMO_FILES = ("pantau.db", "pantau.db-wal", "pantau.db-shm", "fixture-outlets.yaml")


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("demo", help="crawl the bundled offline fixture site and search it",
                       description="The whole flow offline: start the bundled fixture news site on loopback, crawl "
                                   "it with the real spider and pipelines into <data-dir>/demo, search it, and say "
                                   "how to look at it in a browser.")
    p.set_defaults(func=run)


def run(args: argparse.Namespace, config: Config) -> int:
    from crawler.run import crawl_exit_code, format_summary, run_crawl  # Scrapy and Twisted load for a crawl
    from pantau.fixture_site import FixtureSite

    demo_config = config.model_copy(update={"data_dir": config.data_dir / "demo", "store": StoreConfig(),
                                            "alert": []})
    demo_config.data_dir.mkdir(parents=True, exist_ok=True)
    for name in DEMO_FILES:
        (demo_config.data_dir / name).unlink(missing_ok=True)
    out = sys.stdout
    with FixtureSite() as site:
        outlets_file = site.write_outlets_yaml(demo_config.data_dir / "fixture-outlets.yaml")
        out.write(f"1/3 Fixture site running on loopback; outlets in {outlets_file}\n")
        out.write("2/3 Crawling it with the real spider and pipelines …\n")
        summary = run_crawl(demo_config, [outlets_file], site.outlet_ids, progress=True)
    format_summary(summary)
    code = crawl_exit_code(summary)
    if code:
        return code
    out.write(f"\n3/3 pantau --data-dir {demo_config.data_dir} search \"{SAMPLE_QUERY}\" --tag netralitas-asn\n\n")
    search_args = argparse.Namespace(query=SAMPLE_QUERY, tag=["netralitas-asn"], region=None, outlet=None,
                                     speaker=None, since=None, until=None, limit=5, json=False)
    run_search(search_args, demo_config)
    store = open_store(demo_config)
    try:
        top = store.search(SearchRequest(query=SAMPLE_QUERY, tags=["netralitas-asn"], limit=1))
        doc = store.get(top[0].url) if top else None
    finally:
        store.close()
    if doc:
        out.write(f"\nWho said what in \"{doc['title']}\":\n")
        for quote in doc["quotes"]:
            who = quote["speaker"] or "(unattributed)"
            role = f", {quote['role']}" if quote["role"] else ""
            out.write(f"  - {who}{role}: “{shorten(quote['text'], 110)}”\n")
    out.write(f"\nTry: pantau --data-dir {demo_config.data_dir} search imbauan --region Belitung\n")
    out.write(f"See it in a browser: pantau --data-dir {demo_config.data_dir} browse, then open "
              f"http://127.0.0.1:8001/ (needs pip install 'pantau[browse]')\n")
    return 0
