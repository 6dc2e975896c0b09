"""``pantau kibana setup``: import the pantau data view, searches and dashboard into Kibana.

Run once after the first start of the Elasticsearch deployment, and again after
upgrading pantau (objects are overwritten by id, not duplicated).
"""

from __future__ import annotations

import argparse
import sys

from pantau.config import Config, secret_from_env
from pantau.errors import UsageError
from pantau.kibana import import_saved_objects, saved_objects_ndjson

DEFAULT_KIBANA = "http://localhost:5601"
DEFAULT_PASSWORD_ENV = "PANTAU_KIBANA_PASSWORD"


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("kibana", help="set up the Kibana views for the Elasticsearch store",
                       description="Kibana views for the Elasticsearch store: a data view, saved searches and "
                                   "the dashboard.")
    actions = p.add_subparsers(dest="kibana_command", metavar="ACTION")
    actions.required = True
    setup = actions.add_parser(
        "setup", help="import the data view, saved searches and dashboard (overwrites pantau's own objects)",
        description="Import pantau's data view, saved searches and dashboard into Kibana, overwriting pantau's "
                    "own objects by id (safe to run again); one line per object.",
    )
    setup.add_argument(
        "--kibana", metavar="URL", default=DEFAULT_KIBANA, help=f"Kibana base URL (default {DEFAULT_KIBANA})"
    )
    setup.add_argument("--username", metavar="USER",
                       help="basic-auth user, when Kibana security is on (default: none)")
    setup.add_argument(
        "--password-env", metavar="VAR", default=DEFAULT_PASSWORD_ENV,
        help=f"environment variable holding that user's password (default {DEFAULT_PASSWORD_ENV})",
    )
    setup.set_defaults(func=run)


def run(args: argparse.Namespace, config: Config) -> int:
    """Import the objects and print one line per object; exit 1 if Kibana refused any."""
    password = ""
    if args.username:
        password = secret_from_env(args.password_env)
        if not password:
            raise UsageError(f"--username {args.username} given but ${args.password_env} is empty or unset")
    results = import_saved_objects(
        args.kibana, saved_objects_ndjson(), username=args.username, password=password
    )
    width = max(len(r.type) for r in results)
    for r in results:
        status = "ok" if r.ok else "error"
        line = f"{status:<5}  {r.type:<{width}}  {r.title}"
        sys.stdout.write(line + ("" if r.ok else f": {r.error}") + "\n")
    failed = [r for r in results if not r.ok]
    sys.stdout.write(
        f"imported {len(results) - len(failed)} of {len(results)} objects into {args.kibana.rstrip('/')}"
        + (f"; {len(failed)} failed\n" if failed else "; open the dashboard \"Pantau: netralitas ASN\"\n")
    )
    return 1 if failed else 0
