"""``pantau outlets``: list the registered outlets, add one from its home page, check them all.

- ``pantau outlets`` lists the registry (built-in plus ``--outlets FILE``).
- ``pantau outlets add URL`` discovers an outlet from its home page (:mod:`crawler.discover`):
  the registry entry goes to stdout (or into ``--write FILE``), a verdict per source to stderr.
- ``pantau outlets check`` reads every source and a few articles of each outlet
  (:mod:`crawler.check`) and exits 1 when an outlet is BROKEN.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from pydantic import ValidationError

from crawler.fetch import Fetcher
from crawler.outlets import Outlet, load_registry, select
from pantau.config import Config
from pantau.errors import PantauError, UsageError, validation_problem


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("outlets", help="list the registered outlets; add one from its home page; check them",
                       description="Without an action: list the registered outlets and their sources.")
    p.add_argument("--outlets", action="append", default=[], type=Path, metavar="FILE",
                   help="also load this outlet YAML file, repeatable (default: the built-in registry only)")
    p.set_defaults(func=run)
    actions = p.add_subparsers(dest="action", metavar="ACTION", parser_class=type(p))

    add = actions.add_parser("add", help="discover an outlet from its home page and print its registry entry",
                             description="Find the feeds, sitemaps and listings of a news site from its home "
                                         "page, infer its article-URL pattern, extract a few articles, and print "
                                         "a registry entry (stdout) with a verdict per source (stderr).")
    add.add_argument("url", help="the outlet's home page (may be a path: a section or a network member)")
    add.add_argument("--id", help="outlet id, [a-z0-9-]+ (default: from the host and path)")
    add.add_argument("--name", help="outlet name (default: as the home page gives it)")
    add.add_argument("--province", help="fallback province, an official name or short form (e.g. Babel); "
                                        "default: the one most sample articles are about, if any")
    add.add_argument("--regency", help="fallback regency or city (e.g. 'Kabupaten Belitung', Basel); "
                                       "default: as for --province")
    add.add_argument("--write", type=Path, metavar="FILE",
                     help="add the entry to this registry file, or replace the entry with its id (default: print only)")
    add.add_argument("--samples", type=int, default=3, metavar="N", help="articles to extract (default 3)")
    add.add_argument("--timeout", type=float, metavar="SECONDS", help="per request (default: [crawl] download_timeout)")
    add.set_defaults(func=run_add)

    check = actions.add_parser("check", help="read every source and a few articles of each outlet; exit 1 if "
                                             "one is BROKEN",
                               description="Read every feed, sitemap and listing of each outlet and extract a few of "
                                           "its articles; print OK / WARN / BROKEN per outlet, source and article "
                                           "with the reason. Exit 1 if any outlet is BROKEN.")
    check.add_argument("--only", action="append", default=[], metavar="ID",
                       help="check only this outlet, even if disabled, repeatable (default: every enabled outlet)")
    check.add_argument("--outlets", action="append", default=argparse.SUPPRESS, type=Path, metavar="FILE",
                       help="also load this outlet YAML file, repeatable (default: the built-in registry only)")
    check.add_argument("--json", action="store_true", help="one JSON document instead of text (default: text)")
    check.add_argument("--samples", type=int, default=3, metavar="N", help="articles to extract per outlet (default 3)")
    check.add_argument("--timeout", type=float, metavar="SECONDS",
                       help="per request (default: [crawl] download_timeout)")
    check.set_defaults(func=run_check)


def run(args: argparse.Namespace, config: Config) -> int:
    outlets = load_registry(args.outlets)
    for outlet in outlets.values():
        schedule = outlet.schedule or f"{config.crawl.default_schedule} (default)"
        if not outlet.enabled:
            schedule = "none (disabled)"
        region = outlet.region.regency or outlet.region.province if outlet.region else "-"
        network = f"  [{outlet.network}]" if outlet.network else ""
        print(f"{outlet.id}  {outlet.name}  {outlet.home}{network}{'' if outlet.enabled else '  DISABLED'}")
        print(f"    schedule {schedule}; region {region}; listing depth {outlet.max_listing_pages}")
        for kind, urls in (("feed", outlet.feeds), ("sitemap", outlet.sitemaps), ("listing", outlet.listings)):
            for url in urls:
                print(f"    {kind:8s} {url}")
        print(f"    articles {outlet.article_pattern}")
        if outlet.note:
            print(f"    note     {outlet.note}")
    enabled = sum(o.enabled for o in outlets.values())
    print(f"{len(outlets)} outlets, {enabled} enabled (crawled and scheduled), {len(outlets) - enabled} disabled")
    return 0


def _fetcher(args: argparse.Namespace, config: Config) -> Fetcher:
    timeout = args.timeout if args.timeout is not None else config.crawl.download_timeout
    if timeout <= 0 or args.samples < 0:
        raise UsageError("--timeout must be above 0 and --samples at least 0")
    return Fetcher(config.crawl.user_agent, timeout)


def _region(args: argparse.Namespace) -> dict[str, str | None] | None:
    from pantau.analysis.region_names import official_region

    if not (args.province or args.regency):
        return None
    try:
        region = official_region(args.province, args.regency)
    except ValueError as exc:
        raise UsageError(f"--province/--regency: {exc}") from None
    return {"province": region.province, "regency": region.regency}


def run_add(args: argparse.Namespace, config: Config) -> int:
    from crawler.check import article_line, source_line
    from crawler.discover import default_id, discover
    from crawler.patterns import describe, scope_of
    from crawler.probe import BROKEN
    from crawler.registry_file import registry_yaml, write_entry

    if not args.url.startswith(("http://", "https://")):
        raise UsageError(f"not an http(s) URL: {args.url!r}")
    region = _region(args)
    ident = args.id or default_id(args.url)
    if not re.fullmatch(r"[a-z0-9-]+", ident):
        raise UsageError(f"--id: {ident!r} is not an outlet id (lower-case letters, digits and '-')")
    err = sys.stderr
    found = discover(_fetcher(args, config), args.url, config.crawl.user_agent, samples=args.samples,
                     obey_robots=config.crawl.obey_robots)
    err.write(f"home     {found.home.status_line:15} {found.home.final_url}  \"{found.name}\"\n")
    for source in found.sources:
        err.write(source_line(source) + ("" if source in found.chosen else "  (not used)") + "\n")
    for source in found.chosen:
        if source not in found.sources:
            err.write(source_line(source) + "\n")
    for kind, tried in found.guessed.items():
        if tried:
            err.write(f"  {kind:8} -      tried {tried} usual paths: nothing there\n")
    assert found.inference is not None
    if found.scope != scope_of(found.home.final_url):
        err.write(f"scope    no articles under {scope_of(found.home.final_url)}: the pattern covers {found.scope}\n")
    err.write(f"pattern  {found.inference.pattern}\n         {describe(found.inference)}\n")
    for sample in found.samples:
        err.write(article_line(sample) + "\n")
    if region is None and (inferred := found.inferred_region()):
        province, regency, votes = inferred
        region = {"province": province, "regency": regency}
        err.write(f"region   {regency or province} (from {votes} of {len(found.samples)} sample articles; "
                  "set --province/--regency to change)\n")
    if not found.chosen:
        err.write(f"verdict  BROKEN: {found.failure()}\n")
        return 1
    entry = found.entry(ident, args.name, region)
    try:
        Outlet.model_validate(entry)
    except ValidationError as exc:  # the registry's own rules, checked before anything is printed or written
        raise PantauError(f"the discovered entry is not valid: {validation_problem(exc, '(outlet)')}") from None
    sys.stdout.write(registry_yaml(entry))
    verdict = found.verdict
    if verdict == BROKEN:
        err.write(f"verdict  BROKEN: {found.failure()}" + ("; not written\n" if args.write else "\n"))
        return 1
    if args.write:
        action = write_entry(args.write, entry)
        err.write(f"verdict  {verdict}: {ident} {action} in {args.write}\n")
    else:
        err.write(f"verdict  {verdict}\n")
    return 0


def run_check(args: argparse.Namespace, config: Config) -> int:
    from crawler.check import check_outlets, dumps, write_text
    from crawler.probe import BROKEN

    registry = load_registry(getattr(args, "outlets", []))
    chosen: list[Outlet] = select(registry, args.only)
    skipped = [] if args.only else [o.id for o in chosen if not o.enabled]
    chosen = [o for o in chosen if args.only or o.enabled]
    fetcher = _fetcher(args, config)
    checks = []
    for check in check_outlets(fetcher, chosen, config.crawl.user_agent, samples=args.samples,
                               obey_robots=config.crawl.obey_robots):
        checks.append(check)
        if not args.json:
            write_text(check, sys.stdout)
            sys.stdout.flush()
    if args.json:
        sys.stdout.write(dumps(checks, skipped) + "\n")
    else:
        counts = {v: sum(c.verdict == v for c in checks) for v in ("OK", "WARN", "BROKEN")}
        line = f"{len(checks)} outlet{'' if len(checks) == 1 else 's'}: " + \
            ", ".join(f"{n} {v}" for v, n in counts.items())
        if skipped:
            line += f"; {len(skipped)} disabled not checked (name them with --only)"
        sys.stdout.write(line + "\n")
    return 1 if any(c.verdict == BROKEN for c in checks) else 0

