"""The Elasticsearch client and the translation of its errors into one line each.

The client major (8, pinned in pyproject.toml) is the server's. Every client exception becomes a
one-line :class:`~pantau.store.base.StoreError` naming the server (without credentials) and what
pantau was doing; nothing is swallowed, so a store that cannot reach its server stops the command
instead of quietly "storing" nowhere.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from http import HTTPStatus
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from elasticsearch import ApiError, Elasticsearch, TransportError

from pantau.errors import UsageError, one_line
from pantau.store.base import StoreError


def make_client(url: str) -> Elasticsearch:
    """A client for ``url``; a malformed URL is a usage error.

    The client major (8, pinned in pyproject.toml) is the server's: it asks for REST API
    version 8, which the 8.x server of docker-compose.yml speaks.
    """
    try:
        return Elasticsearch(url)
    except ValueError as exc:  # no scheme/host/port: a configuration mistake
        raise UsageError(f"invalid Elasticsearch URL {redact_url(url)!r}: {exc}") from None


@contextmanager
def api_errors(url: str, action: str) -> Iterator[None]:
    """Turn client exceptions into one-line StoreErrors that name the server (``url``, redacted) and the action."""
    try:
        yield
    except TransportError as exc:
        raise StoreError(f"cannot reach Elasticsearch at {url}: {one_line(str(exc.message))}") from exc
    except ApiError as exc:
        raise StoreError(f"Elasticsearch at {url} refused to {action}: HTTP {exc.meta.status} {error_reason(exc)}") \
            from exc


def redact_url(url: str) -> str:
    """The server URL without credentials, for messages."""
    parts = urlsplit(url)
    if parts.username is None and parts.password is None:
        return url
    host = parts.hostname or ""
    netloc = f"{host}:{parts.port}" if parts.port else host
    return urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))


def error_reason(exc: ApiError) -> str:
    """``type: reason`` of an Elasticsearch error response, else its text in one line (a proxy's HTML
    error page by its title), else the HTTP status phrase (a HEAD request has no body)."""
    body = exc.body
    if isinstance(body, dict) and isinstance(body.get("error"), dict):
        err = body["error"]
        return one_line(f"{err.get('type', 'error')}: {err.get('reason', '')}".strip())
    if isinstance(body, str) and body.strip():
        return one_line(body)
    status = exc.meta.status
    return HTTPStatus(status).phrase if status in HTTPStatus._value2member_map_ else "no reason given"


def item_error(info: dict[str, Any]) -> str:
    """One document's error in a bulk response, with its cause (a mapping conflict names the field)."""
    err = info.get("error")
    if isinstance(err, dict):
        reason = f"{err.get('type', 'error')}: {err.get('reason', '')}"
        cause = err.get("caused_by")
        if isinstance(cause, dict) and cause.get("reason"):
            reason += f" ({cause['reason']})"
        return reason
    return str(err or info.get("exception") or "unknown error")

