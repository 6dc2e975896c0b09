"""The outlet tools' HTTP client: redirects seen hop by hop, a size cap, a dead host asked once."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from helpers import free_port

from crawler.fetch import Fetcher, FetchError


class _Handler(BaseHTTPRequestHandler):
    routes = {"/old": (301, "/older"), "/older": (302, "/new"), "/new": (200, "x" * 10), "/big": (200, "y" * 5000)}
    seen: list[str] = []

    def do_GET(self) -> None:
        self.seen.append(self.path)
        status, value = self.routes.get(self.path, (404, "no"))
        self.send_response(status)
        body = b"" if status in (301, 302) else value.encode()
        if status in (301, 302):
            self.send_header("Location", value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - signature from the base class
        """Quiet."""


def serve(port: int = 0) -> ThreadingHTTPServer:
    server = ThreadingHTTPServer(("127.0.0.1", port), _Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.fixture
def server() -> Iterator[str]:
    running = serve()
    yield f"http://127.0.0.1:{running.server_address[1]}"
    running.shutdown()
    running.server_close()


def test_redirects_are_followed_and_each_hop_is_kept(server: str) -> None:
    answer = Fetcher("pantau-test", 5).get(server + "/old")
    assert (answer.status, answer.final_url, answer.body) == (200, server + "/new", b"x" * 10)
    assert answer.hops == ((301, server + "/older"), (302, server + "/new"))
    assert answer.status_line == "301→302→200" and answer.moved_to == server + "/new"
    assert Fetcher("pantau-test", 5).get(server + "/older").moved_to is None  # 302: not a move


def test_an_answer_larger_than_the_cap_is_refused(server: str) -> None:
    with pytest.raises(FetchError, match=r"/big: larger than"):
        Fetcher("pantau-test", 5, max_bytes=1000).get(server + "/big")
    assert Fetcher("pantau-test", 5).get(server + "/missing").status == 404  # an HTTP error is an answer


def test_a_host_that_refused_is_not_asked_again() -> None:
    port = free_port()
    fetcher = Fetcher("pantau-test", 5)
    with pytest.raises(FetchError, match="connection refused"):
        fetcher.get(f"http://127.0.0.1:{port}/feed/")
    late = serve(port)  # the server comes up after the first refusal
    try:
        _Handler.seen.clear()
        with pytest.raises(FetchError, match=f"cannot fetch http://127.0.0.1:{port}/new: connection refused"):
            fetcher.get(f"http://127.0.0.1:{port}/new")
        assert _Handler.seen == []
        assert Fetcher("pantau-test", 5).get(f"http://127.0.0.1:{port}/new").ok  # a new run asks again
    finally:
        late.shutdown()
        late.server_close()
