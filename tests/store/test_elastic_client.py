"""The client pantau builds speaks REST API version 8, the version of the compose server (8.15).

pantau pins the 8.x Python client instead of rewriting headers: a 9.x client announces
``compatible-with=9``, which an 8.x server refuses with HTTP 400. A loopback server records the
headers the real client sends, so installing a client of another major fails here, not in production.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from helpers import reply_as_elasticsearch

from pantau.errors import UsageError
from pantau.store.elastic import make_client


class RecordingServer(BaseHTTPRequestHandler):
    """Answers like an 8.x server (product header, JSON body) and keeps the request headers."""

    seen: list[dict[str, str]] = []

    def _answer(self, payload: dict[str, Any]) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        self.rfile.read(length)
        RecordingServer.seen.append({k.lower(): v for k, v in self.headers.items()})
        reply_as_elasticsearch(self, payload)

    def do_GET(self) -> None:  # noqa: N802 (http.server naming)
        self._answer({"version": {"number": "8.15.5"}, "tagline": "You Know, for Search"})

    def do_PUT(self) -> None:  # noqa: N802 (bulk with an index in the path)
        self._answer({"took": 1, "errors": False, "items": []})

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture()
def server_url() -> Iterator[str]:
    RecordingServer.seen = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), RecordingServer)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_requests_ask_for_rest_api_8(server_url: str) -> None:
    client = make_client(server_url)
    client.info()
    client.bulk(operations=[{"index": {"_index": "pantau-articles", "_id": "a"}}, {"title": "x"}])
    info, bulk = RecordingServer.seen
    assert info["accept"] == "application/vnd.elasticsearch+json; compatible-with=8"
    assert bulk["content-type"] == "application/vnd.elasticsearch+x-ndjson; compatible-with=8"


def test_a_url_without_scheme_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match="invalid Elasticsearch URL"):
        make_client("localhost")
