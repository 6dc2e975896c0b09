"""The project's few exceptions, and the "did you mean" of their messages.

Expected, user-facing failures derive from :class:`PantauError` and carry a
one-line message; the CLI prints it and exits 2 (:class:`UsageError`) or 1.
Anything else is a bug and propagates.
"""

from __future__ import annotations

import difflib
import html
import re
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pydantic import ValidationError

_TITLE = re.compile(r"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<[^>]*>")
REPLY_CHARS = 200


class PantauError(Exception):
    """Base for errors pantau reports to the user as one line."""

    exit_code = 1


class UsageError(PantauError):
    """Bad command-line usage or bad input (a file, a config value): exit 2."""

    exit_code = 2


class ConfigError(UsageError):
    """An invalid pantau.toml, outlet registry or alert rule."""


def did_you_mean(name: str, known: Iterable[str]) -> str:
    """``; did you mean 'x'?`` with the nearest known names, or nothing when none is near."""
    near = difflib.get_close_matches(name, list(known), n=3, cutoff=0.6)
    return f"; did you mean {' or '.join(repr(n) for n in near)}?" if near else ""


def dotted(loc: Sequence[int | str]) -> str:
    """A field path as ``store.elasticsearch_url``, ``quotes.0.speaker``."""
    return ".".join(str(part) for part in loc)


def validation_problem(exc: ValidationError, whole: str, name: Callable[[Sequence[int | str]], str] = dotted) -> str:
    """``where: what`` of the first problem pydantic found, for a one-line message.

    pydantic's own text spans several lines and links its documentation; every place that
    validates a file or an object (pantau.toml, an outlet registry, a discovered outlet, an
    imported document) reports the first problem the same way. ``whole`` names the place when
    the problem is the object itself; ``name`` spells a field path (default :func:`dotted`).
    """
    first = exc.errors()[0]
    loc = first["loc"]
    return f"{name(loc) if loc else whole}: {first['msg']}"


def one_line(reply: str, limit: int = REPLY_CHARS) -> str:
    """A server's reply text as one short line: an HTML error page (a proxy's 502) by its title."""
    title = _TITLE.search(reply)
    text = title.group(1) if title else _TAG.sub(" ", reply) if "</" in reply or "<!" in reply else reply
    text = " ".join(html.unescape(text).split())
    return text if len(text) <= limit else text[:limit - 1] + "…"
