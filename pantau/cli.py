"""The ``pantau`` command line (contract: docs/cli.md).

Each command lives in ``pantau/commands/<name>.py`` with ``register(subparsers)``
and ``run(args, config) -> int`` (``import`` in ``import_.py``: a keyword). Exit
codes: 0 success, 2 bad usage or bad input (one line on stderr, no traceback),
1 other failure, 130/143 when SIGINT/SIGTERM stopped it (one line saying so).
"""

from __future__ import annotations

import argparse
import importlib
import signal
import sys
import threading
from types import FrameType
from typing import NoReturn

from pantau import __version__
from pantau.config import load_config
from pantau.errors import PantauError

COMMANDS = (
    "crawl", "search", "analyze", "export", "import_", "outlets", "demo", "schedule", "status", "alerts", "kibana",
    "index", "browse",
)


class Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line on stderr and exit code 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def build_parser() -> Parser:
    parser = Parser(prog="pantau", description="Watch Indonesian regional news for ASN election-neutrality stories.")
    parser.add_argument("--version", action="version", version=f"pantau {__version__}")
    parser.add_argument("--config", metavar="FILE",
                        help="pantau.toml (default: ./pantau.toml if present; env PANTAU_CONFIG)")
    parser.add_argument("--data-dir", metavar="DIR",
                        help="store, job store and outbox (default ./data; env PANTAU_DATA_DIR)")
    parser.add_argument("--elasticsearch", metavar="URL",
                        help="use Elasticsearch as the store (env PANTAU_ELASTICSEARCH_URL; default: the embedded "
                             "SQLite store)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    sub.required = True
    for name in COMMANDS:
        importlib.import_module(f"pantau.commands.{name}").register(sub)
    return parser


class Terminated(BaseException):
    """SIGTERM arrived: stop like on Ctrl-C (a crawl handles it itself, see ``crawler.run``)."""


def _terminate(_signum: int, _frame: FrameType | None) -> None:
    raise Terminated


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    in_main_thread = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGTERM, _terminate) if in_main_thread else None
    try:
        config = load_config(args.config, args.data_dir, args.elasticsearch)
        code: int = args.func(args, config)
    except PantauError as exc:
        sys.stderr.write(f"pantau: error: {' '.join(str(exc).splitlines())}\n")  # one line, whatever it quotes
        return exc.exit_code
    except KeyboardInterrupt:
        sys.stderr.write("pantau: interrupted by SIGINT\n")
        return 128 + signal.SIGINT
    except Terminated:
        sys.stderr.write("pantau: interrupted by SIGTERM\n")
        return 128 + signal.SIGTERM
    except BrokenPipeError:
        return 0
    except OSError as exc:  # the file system said no (permissions, a full disk): not a bug of pantau
        sys.stderr.write(f"pantau: error: {exc}\n")
        return 1
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
    return code


if __name__ == "__main__":
    sys.exit(main())
