"""Child processes that end with their parent, however the parent ends.

A crawl's worker processes (and the scheduler's crawl children) are spawned,
not forked; when their parent is killed (SIGKILL by hand, the scheduler's time
limit, the OOM killer) nothing tells them, and they used to live on under PID 1
for good, 100+ MB each. Two guards, set up first thing in the child:

- Linux ``prctl(PR_SET_PDEATHSIG)``: the kernel signals the child the moment its
  parent dies (then checked once, for a parent that died before the call);
- a watchdog thread that sees the parent is gone (the parent PID changed) within
  a second, on any POSIX system.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import sys
import threading
import time

PR_SET_PDEATHSIG = 1  # linux/prctl.h
WATCH_INTERVAL = 1.0


def _parent_death_signal(signum: int) -> None:
    if not sys.platform.startswith("linux"):
        return
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signum, 0, 0, 0)


def _watch(parent: int, signum: int) -> None:
    while os.getppid() == parent:
        time.sleep(WATCH_INTERVAL)
    os.kill(os.getpid(), signum)


def die_with_parent(parent: int, signum: int = signal.SIGKILL) -> None:
    """Have ``signum`` sent to this process when process ``parent`` (its parent) ends.

    SIGKILL for workers that hold nothing worth closing; SIGTERM for a crawl, which then
    closes its spider and pipelines the way it does on any stop.
    """
    _parent_death_signal(signum)
    if os.getppid() != parent:  # the parent died before the guard was set
        os.kill(os.getpid(), signum)
    threading.Thread(target=_watch, args=(parent, signum), name="parent-watchdog", daemon=True).start()
