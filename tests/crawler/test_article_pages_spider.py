"""The spider's side of split articles, callback by callback with real Scrapy requests and responses.

The whole flow runs in ``test_crawl_fixture.py`` (a real crawl of the fixture
site); here the cases a healthy site does not show: the all-pages view failing
(the pages are then read one by one), a further page failing (the pages read so
far are stored, and the failure is reported), and the bound on pages.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from scrapy import Request
from scrapy.http import HtmlResponse
from scrapy.spidermiddlewares.httperror import HttpError
from scrapy.utils.test import get_crawler
from twisted.python.failure import Failure

from crawler.items import PageItem
from crawler.outlets import Outlet
from crawler.spiders.news import NewsSpider
from pantau.article_pages import MAX_ARTICLE_PAGES
from pantau.state import CrawlState

ARTICLE = "https://kabar.example/daerah/2024/11/04/bkd-gelar-sosialisasi-8755.html"


def paged(n: int, *, show_all: bool = False, pages: int = 3) -> str:
    links = "".join(f'<a href="{ARTICLE}?page={k}">{k}</a>' for k in range(1, pages + 1) if k != n)
    extra = f'<a href="{ARTICLE}?page=all">Show All</a>' if show_all else ""
    return f"<html><body><h1>Judul</h1><p>Isi halaman {n}.</p><div>{links}{extra}</div></body></html>"


@pytest.fixture
def spider(tmp_path: Path) -> Iterator[NewsSpider]:
    outlet = Outlet(id="kabar", name="Kabar", home="https://kabar.example/", feeds=("https://kabar.example/feed",),
                    article_pattern=r"^https://kabar\.example/daerah/")
    state = CrawlState(tmp_path / "pantau.db")
    crawler = get_crawler(NewsSpider)
    crawler.stats.open_spider()
    yield NewsSpider.from_crawler(crawler, outlets=[outlet], state=state)
    state.close()


def response(url: str, body: str, request: Request | None = None) -> HtmlResponse:
    return HtmlResponse(url, body=body.encode(), encoding="utf-8", request=request or Request(url))


def failure(request: Request, status: int) -> Failure:
    """What Scrapy hands an errback for an HTTP error: the failure, with its request attached."""
    failed = response(request.url, "", request)
    failed.status = status
    result = Failure(HttpError(failed))
    result.request = request  # type: ignore[attr-defined]
    return result


def first(spider: NewsSpider, body: str) -> list[Any]:
    request = Request(ARTICLE, meta={"outlet": "kabar", "kind": "article", "key": ARTICLE})
    return list(spider.parse_article(response(ARTICLE, body, request)))


def test_the_all_pages_view_is_read_instead_of_the_pages(spider: NewsSpider) -> None:
    (request,) = first(spider, paged(1, show_all=True))
    assert isinstance(request, Request) and request.url == ARTICLE + "?page=all"
    (item,) = spider.parse_article_page(response(request.url, "<p>Semua halaman.</p>", request))
    assert isinstance(item, PageItem) and "Semua halaman" in item.html and item.more_pages == ()


def test_when_the_all_pages_view_fails_the_pages_are_read_one_by_one(spider: NewsSpider) -> None:
    (request,) = first(spider, paged(1, show_all=True, pages=2))
    (page2,) = spider.on_article_page_error(failure(request, 404))
    assert page2.url == ARTICLE + "?page=2"
    (item,) = spider.parse_article_page(response(page2.url, paged(2, pages=2), page2))
    assert "Isi halaman 1" in item.html and "Isi halaman 2" in item.more_pages[0]
    assert spider.crawler.stats.get_value("pantau/kabar/errors") == 1  # the failed view is reported


def test_a_failing_further_page_keeps_the_pages_read_so_far(spider: NewsSpider) -> None:
    (page2,) = first(spider, paged(1))
    (page3,) = spider.parse_article_page(response(page2.url, paged(2), page2))
    assert page3.url == ARTICLE + "?page=3"
    (item,) = spider.on_article_page_error(failure(page3, 500))
    assert isinstance(item, PageItem) and len(item.more_pages) == 1
    assert spider.crawler.stats.get_value("pantau/kabar/errors") == 1


def test_an_article_is_read_from_at_most_the_bounded_number_of_pages(spider: NewsSpider) -> None:
    pages = MAX_ARTICLE_PAGES + 5
    produced = first(spider, paged(1, pages=pages))
    fetched = 1
    while isinstance(produced[0], Request):
        request = produced[0]
        fetched += 1
        produced = list(spider.parse_article_page(response(request.url, paged(fetched, pages=pages), request)))
    assert fetched == MAX_ARTICLE_PAGES and len(produced[0].more_pages) == MAX_ARTICLE_PAGES - 1
