"""``pantau search``: full-text search over stored articles, best first, with highlighted snippets."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date

from pantau.analysis.taxonomy import TAG_IDS
from pantau.config import Config
from pantau.errors import UsageError, did_you_mean
from pantau.store import ArticleStore, SearchRequest, open_store


def parse_day(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value!r}") from None


def parse_tag(value: str) -> str:
    if value not in TAG_IDS:
        raise argparse.ArgumentTypeError(f"unknown tag {value!r}; known: {', '.join(sorted(TAG_IDS))}")
    return value


def parse_region(value: str) -> str:
    """The official name the articles carry ("Babel" -> Kepulauan Bangka Belitung); unknown: refused."""
    from pantau.analysis.region_names import UnknownRegion, resolve_region

    try:
        return resolve_region(value)
    except UnknownRegion as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def check_outlet(outlet: str, store: ArticleStore) -> None:
    """Refuse an outlet id neither the registry nor any stored article has (a typo would match nothing)."""
    from crawler.outlets import load_registry

    known = load_registry()
    if outlet not in known and not store.search(SearchRequest(outlet=outlet, limit=1)):
        raise UsageError(f"unknown outlet {outlet!r}{did_you_mean(outlet, known)} (see `pantau outlets`)")


def positive(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"not a positive whole number: {value!r}")
    return int(value)


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("search", help="full-text search over stored articles",
                       description="Full-text search over the stored articles, best first, with highlighted "
                                   "snippets. Words match their Indonesian word forms (imbauan also finds "
                                   "mengimbau and imbau); quote a phrase to match it as written.")
    p.add_argument("query", nargs="?", default="",
                   help='words that must all occur (any word form); "a phrase" as written; a OR b; prefix*; '
                        '-word or NOT word to leave out (a query starting with - goes after --) '
                        "(default: every article, newest first)")
    p.add_argument("--tag", action="append", default=[], type=parse_tag,
                   help="required tag, repeatable (default: any)")
    p.add_argument("--region", type=parse_region,
                   help="province or regency/city, official or short name, e.g. 'Kepulauan Bangka Belitung', "
                        "'Babel', 'Kab. Belitung' (default: any)")
    p.add_argument("--outlet", metavar="ID", help="outlet id, as in 'pantau outlets' (default: any)")
    p.add_argument("--speaker", metavar="NAME", help="a quoted speaker or named official (default: anyone)")
    p.add_argument("--since", type=parse_day, metavar="DATE",
                   help="published on or after this day, YYYY-MM-DD, in WIB (default: no limit)")
    p.add_argument("--until", type=parse_day, metavar="DATE",
                   help="published on or before this day, YYYY-MM-DD, in WIB (default: no limit)")
    p.add_argument("--limit", type=positive, default=20, metavar="N", help="hits to show (default: 20)")
    p.add_argument("--json", action="store_true", help="one JSON object per hit, with its quotes and speakers "
                                                       "(default: a readable list)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace, config: Config) -> int:
    request = SearchRequest(query=args.query, tags=args.tag, region=args.region, outlet=args.outlet,
                            speaker=args.speaker, since=args.since, until=args.until, limit=args.limit)
    store = open_store(config, create=False)
    try:
        if args.outlet:
            check_outlet(args.outlet, store)
        hits = store.search(request)
        notes = list(getattr(store, "notes", []))  # what the store changed in the query (a capped prefix*)
    finally:
        store.close()
    for note in notes:
        sys.stderr.write(f"pantau: note: {note}\n")
    out = sys.stdout
    if args.json:
        for hit in hits:
            out.write(json.dumps(hit.to_json(), ensure_ascii=False) + "\n")
        return 0
    if request.since or request.until:
        out.write(f"published {date_range(request.since, request.until)}\n\n")
    if not hits:
        out.write("no articles match\n")
        return 0
    for rank, hit in enumerate(hits, 1):
        day = (hit.published or "")[:10] or "----------"
        places = ", ".join(r.get("regency") or r.get("province") or "" for r in hit.regions) or "-"
        out.write(f"{rank:>2}. {hit.title or '(no title)'}\n")
        out.write(f"    {day}  {hit.outlet}  {places}  [{', '.join(hit.tags) or 'no tags'}]\n")
        if hit.duplicate_of:
            out.write(f"    syndicated copy of {hit.duplicate_of}\n")
        out.write(f"    {hit.snippet}\n    {hit.url}\n")
    return 0


def date_range(since: date | None, until: date | None) -> str:
    """The whole WIB days a search keeps, with their first and last minute, as a person checks them."""
    if since and until:
        return f"{since.isoformat()} 00:00 – {until.isoformat()} 23:59 WIB (UTC+7)"
    if since:
        return f"on or after {since.isoformat()} 00:00 WIB (UTC+7)"
    return f"on or before {until.isoformat() if until else '?'} 23:59 WIB (UTC+7)"
