"""``pantau index``: create or migrate the Elasticsearch index behind the ``pantau-articles`` alias.

Mappings are versioned JSON files (``pantau/store/es_mappings/index_template_vN.json``);
a mapping change ships as a new version and ``pantau index migrate N`` reindexes into
it and moves the alias, so a change is a reindex, never data loss.
"""

from __future__ import annotations

import argparse

from pantau.config import Config
from pantau.errors import UsageError


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("index", help="create or migrate the Elasticsearch index (Elasticsearch store only)",
                       description="The Elasticsearch store's index: create it, or move the data to another "
                                   "mapping version.")
    actions = p.add_subparsers(dest="index_command", metavar="ACTION")
    actions.required = True
    actions.add_parser("create", help="create the index template, the versioned index and the alias if missing",
                       description="Create the index template, the versioned index and the alias, unless present.")
    migrate = actions.add_parser("migrate", help="reindex into mapping version N and move the alias",
                                 description="Reindex into mapping version N, check the count, move the alias, "
                                             "delete the old index. Stop crawling while it runs.")
    migrate.add_argument("version", type=int, metavar="N", help="the mapping version to move to")
    p.set_defaults(func=run)


def run(args: argparse.Namespace, config: Config) -> int:
    if not config.store.elasticsearch_url:
        raise UsageError("pantau index works on the Elasticsearch store: give --elasticsearch URL "
                         "or [store] elasticsearch_url (the SQLite store needs no index setup)")
    from pantau.store.elastic import ElasticStore  # the client loads only when used

    store = ElasticStore(config.store.elasticsearch_url, config.store.index)
    try:
        store.ensure_index()
        if args.index_command == "migrate":
            target = store.migrate(args.version)
            print(f"alias {config.store.index} now points to {target}")
        else:
            print(f"alias {config.store.index} points to {store.current_index()}")
    finally:
        store.close()
    return 0
