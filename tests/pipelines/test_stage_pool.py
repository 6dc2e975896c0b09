"""The crawl's worker pool: a page that kills its worker or trips a bug costs that page only."""

from __future__ import annotations

import asyncio
import os
from collections.abc import Callable, Coroutine
from datetime import UTC, datetime
from typing import Any

import pytest
from scrapy.exceptions import DropItem
from scrapy.utils.test import get_crawler

from crawler.items import PageItem
from pipelines.workers import StagePool


def shout(word: str) -> str:
    return word.upper()


def die() -> None:
    os._exit(1)  # what the OS killing a worker (out of memory) looks like to the pool


def trip() -> None:
    raise ValueError("odd page")


def page(n: int) -> PageItem:
    return PageItem(outlet="o", outlet_name="O", url=f"http://127.0.0.1/berita/{n}/x", aliases=(), html="",
                    fetched=datetime.now(UTC))


def errors(pool: StagePool) -> list[str]:
    return pool.stats.get_value("pantau/o/error_messages") or []


def run_then_close(pool: StagePool, crawl: Callable[[], Coroutine[Any, Any, None]]) -> None:
    try:
        asyncio.run(crawl())
    finally:
        pool.close()


@pytest.mark.parametrize("workers", [1, 0], ids=["worker-process", "inline"])
def test_a_failing_page_is_dropped_reported_and_the_next_page_goes_through(workers: int) -> None:
    pool = StagePool(get_crawler().stats, workers)

    async def crawl() -> None:
        assert await pool.run(page(1), shout, "sebelum") == "SEBELUM"
        with pytest.raises(DropItem):
            await pool.run(page(2), trip)
        assert await pool.run(page(3), shout, "sesudah") == "SESUDAH"

    run_then_close(pool, crawl)
    assert errors(pool) == ["trip failed on http://127.0.0.1/berita/2/x: ValueError: odd page"]


def test_a_dead_worker_is_replaced() -> None:
    pool = StagePool(get_crawler().stats, 1)

    async def crawl() -> None:
        with pytest.raises(DropItem):
            await pool.run(page(1), die)
        assert await pool.run(page(2), shout, "lanjut") == "LANJUT"

    run_then_close(pool, crawl)
    assert errors(pool) == ["die failed on http://127.0.0.1/berita/1/x: a worker process died"]
