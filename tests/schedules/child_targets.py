"""Module-level targets for child-process tests (a spawned child imports them by name)."""

from __future__ import annotations

import time
from multiprocessing.connection import Connection


def quick(value: int, out: Connection) -> None:
    out.send({"outlets": [], "finish_reason": "finished", "value": value})


def sleepy(seconds: float, out: Connection) -> None:
    time.sleep(seconds)
    out.send({"outlets": [], "finish_reason": "finished"})


def crashing(out: Connection) -> None:
    raise SystemExit(3)


def crawl_with_workers_that_ignores_sigterm(pids_file: str, out: Connection) -> None:
    """A crawl stand-in that started its stage workers and does not stop on SIGTERM: the scheduler must kill it."""
    import asyncio
    import signal
    from datetime import UTC, datetime

    from scrapy.utils.test import get_crawler

    from crawler.items import PageItem
    from pipelines.workers import StagePool

    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    pool = StagePool(get_crawler().stats, 2)
    page = PageItem(outlet="o", outlet_name="O", url="http://127.0.0.1/x", aliases=(), html="",
                    fetched=datetime.now(UTC))

    async def worker_pids() -> set[int]:
        return set(await asyncio.gather(*(pool.run(page, _pid_after, 0.3) for _ in range(4))))

    with open(pids_file, "w") as pids:
        pids.write(" ".join(map(str, asyncio.run(worker_pids()))))
    time.sleep(600)


def _pid_after(seconds: float) -> int:
    import os

    time.sleep(seconds)
    return os.getpid()
