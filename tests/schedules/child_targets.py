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
