"""The project's few exceptions, and the "did you mean" of their messages.

Expected, user-facing failures derive from :class:`PantauError` and carry a
one-line message; the CLI prints it and exits 2 (:class:`UsageError`) or 1.
Anything else is a bug and propagates.
"""

import difflib
import html
import re
from collections.abc import Iterable

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


def one_line(reply: str, limit: int = REPLY_CHARS) -> str:
    """A server's reply text as one short line: an HTML error page (a proxy's 502) by its title."""
    title = _TITLE.search(reply)
    text = title.group(1) if title else _TAG.sub(" ", reply) if "</" in reply or "<!" in reply else reply
    text = " ".join(html.unescape(text).split())
    return text if len(text) <= limit else text[:limit - 1] + "…"
