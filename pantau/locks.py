"""Advisory file locks under ``<data-dir>/locks``: who may do what on one data dir at a time.

pantau uses ``flock(2)`` locks because the kernel releases them when the holder
dies, however it dies (SIGKILL, out of memory, a power cut of the container):
a lock can never outlive its process, so nothing has to guess whether a holder
is still alive or wait for a lease to run out. They hold across processes and
containers sharing the data dir volume (same kernel); the SQLite store under
the same dir already needs that kind of file system.

Locks in use: ``schedule.lock`` (one scheduler per data dir), ``crawl-<outlet>.lock``
(one crawl of an outlet at a time), ``sender-<token>.lock`` (an alert sender
is alive; see :mod:`pantau.alerts.outbox`) and ``stories.lock`` (one page at a time
is placed in its syndicated story and stored; see :mod:`pantau.stories`).
"""

from __future__ import annotations

import fcntl
import os
import socket
from pathlib import Path
from types import TracebackType

LOCKS_DIR = "locks"


def locks_dir(data_dir: Path) -> Path:
    return data_dir / LOCKS_DIR


class FileLock:
    """An exclusive ``flock`` on one file; the holder writes its pid and host into it for messages.

    ``records_holder=False``: a lock taken for a few milliseconds many times a second (one per stored
    page), where nobody is told who holds it, skips that write: truncating the file costs more than
    the work the lock guards.
    """

    def __init__(self, path: Path, *, records_holder: bool = True) -> None:
        self.path = path
        self.records_holder = records_holder
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self, *, blocking: bool) -> bool:
        """Take the lock (waiting for it when ``blocking``); False when another process holds it."""
        if self._fd is not None:
            return True
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX if blocking else fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            return False
        except BaseException:
            os.close(fd)
            raise
        if self.records_holder:
            os.ftruncate(fd, 0)
            os.pwrite(fd, f"pid {os.getpid()} on {socket.gethostname()}\n".encode(), 0)
        self._fd = fd
        return True

    @classmethod
    def create_held(cls, path: Path) -> FileLock:
        """A new lock file at ``path``, already held when its name appears (for :func:`is_held` checks).

        The file is locked under a temporary name and then renamed, so no other process can find
        the name unlocked and take it for the lock of a dead holder.
        """
        lock = cls(path.with_name(f".{path.name}.new"))
        lock.acquire(blocking=True)
        os.replace(lock.path, path)
        lock.path = path
        return lock

    def release(self, *, remove: bool = False) -> None:
        """Let go of the lock; ``remove`` also deletes the file (only for locks never taken again by name)."""
        if self._fd is None:
            return
        if remove:
            self.path.unlink(missing_ok=True)
        os.close(self._fd)  # closing the descriptor releases the flock
        self._fd = None

    def holder(self) -> str:
        """Who holds (or last held) the lock, as written into the file: ``pid N on HOST``."""
        try:
            return self.path.read_text(encoding="utf-8", errors="replace").strip() or "another process"
        except OSError:
            return "another process"

    def __enter__(self) -> FileLock:
        self.acquire(blocking=True)
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.release()


def is_held(path: Path) -> bool:
    """Whether some live process holds the lock at ``path`` (a missing file: nobody does).

    Tried without creating the file; taking and dropping the lock at once is harmless to a
    process that wants it next (it merely waits a moment or retries).
    """
    try:
        fd = os.open(path, os.O_RDWR)
    except FileNotFoundError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    finally:
        os.close(fd)
    return False
