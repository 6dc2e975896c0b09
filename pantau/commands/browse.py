"""``pantau browse``: the embedded store in a web browser (Datasette), read-only."""

from __future__ import annotations

import argparse

from pantau.config import Config
from pantau.errors import UsageError


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "browse", help="a read-only web view of the embedded store (search, facets, articles, dashboard)",
        description="Serve the embedded store as a read-only web view built on Datasette: search with the "
                    "same semantics as 'pantau search', facets by tag, province, regency, outlet, speaker, "
                    "language and month, the Kibana saved searches, an article page and a dashboard. Needs "
                    "the browse extra: pip install 'pantau[browse]'.")
    p.add_argument("--host", default="127.0.0.1",
                   help="address to listen on; anything but loopback exposes the store (default: 127.0.0.1)")
    p.add_argument("--port", type=int, default=8001, help="port to listen on (default: 8001)")
    p.add_argument("--allow-sql", action="store_true",
                   help="let visitors run arbitrary read-only SQL (default: off)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace, config: Config) -> int:
    if config.store.elasticsearch_url:
        raise UsageError("pantau browse shows the embedded store; with Elasticsearch, use Kibana "
                         "(pantau kibana setup)")
    try:
        import datasette  # noqa: F401

        from pantau.browse.server import serve
    except ImportError:
        raise UsageError("pantau browse needs Datasette: pip install 'pantau[browse]'") from None
    serve(config.db_path, args.host, args.port, allow_sql=args.allow_sql)
    return 0
