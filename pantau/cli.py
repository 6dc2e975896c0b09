"""The ``pantau`` command line (contract: spec/interfaces.md).

Each command lives in ``pantau/commands/<name>.py`` with ``register(subparsers)``
and ``run(args, config) -> int`` (``import`` in ``import_.py``: a keyword). Exit
codes: 0 success, 2 bad usage or bad input (one line on stderr, no traceback),
1 other failure.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from typing import NoReturn

from pantau import __version__
from pantau.config import load_config
from pantau.errors import PantauError

COMMANDS = (
    "crawl", "search", "analyze", "export", "import_", "outlets", "demo", "schedule", "status", "alerts", "kibana",
    "index",
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
                        help="use Elasticsearch as the store (env PANTAU_ELASTICSEARCH_URL)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    sub.required = True
    for name in COMMANDS:
        importlib.import_module(f"pantau.commands.{name}").register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        config = load_config(args.config, args.data_dir, args.elasticsearch)
        code: int = args.func(args, config)
    except PantauError as exc:
        sys.stderr.write(f"pantau: error: {' '.join(str(exc).splitlines())}\n")  # one line, whatever it quotes
        return exc.exit_code
    except KeyboardInterrupt:
        sys.stderr.write("pantau: interrupted\n")
        return 130
    except BrokenPipeError:
        return 0
    return code


if __name__ == "__main__":
    sys.exit(main())
