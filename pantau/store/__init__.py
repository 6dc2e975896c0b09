"""Article stores: SQLite (FTS5) by default, Elasticsearch when a URL is configured."""

from __future__ import annotations

from pantau.config import Config
from pantau.errors import UsageError
from pantau.store.base import ArticleStore, SearchHit, SearchRequest, StoreError, UpsertOutcome

__all__ = ["ArticleStore", "SearchHit", "SearchRequest", "StoreError", "UpsertOutcome", "open_store",
           "require_data"]


def require_data(config: Config) -> None:
    """Refuse a data dir with no pantau data in it (a mistyped ``--data-dir``) instead of creating one there."""
    if not config.db_path.is_file():
        raise UsageError(f"no pantau store here: {config.data_dir} has no pantau.db "
                         "(check --data-dir / PANTAU_DATA_DIR, or run pantau crawl first)")


def open_store(config: Config, *, create: bool = True) -> ArticleStore:
    """The configured store, ready to use (for Elasticsearch: template, index and alias exist).

    ``create=False`` (commands that only read): an embedded store must exist already.
    """
    if not create and not config.store.elasticsearch_url:
        require_data(config)
    if config.store.elasticsearch_url:
        from pantau.store.elastic import ElasticStore

        store = ElasticStore(config.store.elasticsearch_url, config.store.index)
        store.ensure_index()
        return store
    from pantau.store.sqlite import open_sqlite

    return open_sqlite(config.db_path)
