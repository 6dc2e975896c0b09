"""The project's few exceptions.

Expected, user-facing failures derive from :class:`PantauError` and carry a
one-line message; the CLI prints it and exits 2 (:class:`UsageError`) or 1.
Anything else is a bug and propagates.
"""


class PantauError(Exception):
    """Base for errors pantau reports to the user as one line."""

    exit_code = 1


class UsageError(PantauError):
    """Bad command-line usage or bad input (a file, a config value): exit 2."""

    exit_code = 2


class ConfigError(UsageError):
    """An invalid pantau.toml, outlet registry or alert rule."""
