"""Build and serve the Datasette app over a data dir's ``pantau.db``, read-only, on loopback by default."""

from __future__ import annotations

import socket
import sqlite3
import sys
from pathlib import Path
from typing import Any

from pantau.db import SCHEMA_VERSION, read_only, schema_version
from pantau.errors import PantauError, UsageError
from pantau.store.base import StoreError

TEMPLATES = Path(__file__).with_name("templates")


def check_store(db_path: Path) -> None:
    """Refuse, in one line, a data dir without a store; bring a store of an earlier version up to date once.

    The view needs the current tables (``article_list``: facets and stemmed search); a store
    written before them gets them here, once, by its migrations (:mod:`pantau.db`), before
    Datasette opens it read-only.
    """
    if not db_path.is_file():
        raise UsageError(f"no pantau store in {db_path.parent} (no {db_path.name}): "
                         "run pantau crawl or pantau demo first, or pass --data-dir")
    try:
        conn = read_only(db_path)
        try:
            tables = {name for (name,) in conn.execute("SELECT name FROM sqlite_master")}
            version = schema_version(conn)
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"cannot read the store {db_path}: {exc}") from None
    if "articles" not in tables:
        raise UsageError(f"{db_path} holds no articles table: not a pantau store with the embedded search")
    if version != SCHEMA_VERSION:
        from pantau.store.sqlite import open_sqlite

        open_sqlite(db_path).close()


def check_port(host: str, port: int) -> None:
    """One line instead of a traceback from the server when the address cannot be bound."""
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
        try:
            probe.bind((host, port))
        except OSError as exc:
            reason = "is taken" if exc.errno == 98 else f"cannot be used: {exc.strerror}"
            raise PantauError(f"port {port} on {host} {reason}; choose another with --port") from None


def make_app(db_path: Path, *, allow_sql: bool = False) -> Any:
    """The Datasette ASGI app: the store read-only (``mode=ro``), arbitrary SQL only with ``allow_sql``."""
    from datasette.app import Datasette
    from datasette.plugins import pm

    from pantau.browse import plugin
    from pantau.browse.config import metadata

    if not pm.is_registered(plugin):
        pm.register(plugin, name="pantau-browse")
    datasette = Datasette(
        files=[str(db_path)], metadata=metadata(), template_dir=str(TEMPLATES),
        settings={"default_allow_sql": allow_sql, "allow_download": False, "facet_time_limit_ms": 1000,
                  "sql_time_limit_ms": 5000},
    )
    return datasette.app()


def serve(db_path: Path, host: str, port: int, *, allow_sql: bool = False) -> None:
    import uvicorn

    check_store(db_path)
    check_port(host, port)
    app = make_app(db_path, allow_sql=allow_sql)
    shown = f"[{host}]" if ":" in host else host
    sys.stdout.write(f"pantau browse: http://{shown}:{port}/pantau/article_list  (dashboard: "
                     f"http://{shown}:{port}/-/dashboards/netralitas; read-only; Ctrl-C stops)\n")
    sys.stdout.flush()
    uvicorn.run(app, host=host, port=port, log_level="warning")
