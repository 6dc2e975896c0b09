"""``pantau analyze``: the crawl pipeline's analysis for one article, or a JSON Lines stream.

Contract: docs/analysis-output.md. Plain text (``--text FILE`` or stdin), a
saved page (``--html FILE --url URL``), or ``--jsonl`` on stdin with one result
line per input line, in order. A page whose URL belongs to a registered outlet
(by article pattern, else by host; ``--outlets FILE`` adds outlets) is read as a
crawl reads it: with the outlet's name, fallback region and extraction hint.
A bad line yields ``{"id": …, "error": …}`` in its place (nothing else is
lost) and the exit code 2 at the end.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from crawler.outlets import load_registry, outlet_for
from pantau.analysis.core import analyze
from pantau.config import Config
from pantau.container import ContainerHint
from pantau.errors import UsageError
from pantau.models import Region, analysis_to_json
from pantau.urls import canonical_url


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("analyze", help="analyse one article (text or saved page) or a JSON Lines stream",
                       description="Run the crawl's analysis on one article and print it as JSON: language, "
                                   "body, tags with evidence, regions, officials, quotes with speakers and offsets.")
    src = p.add_mutually_exclusive_group()
    src.add_argument("--text", type=Path, metavar="FILE",
                     help="plain-text article, '-' for standard input (default: standard input)")
    src.add_argument("--html", type=Path, metavar="FILE", help="saved HTML page, needs --url (default: none)")
    src.add_argument("--jsonl", action="store_true",
                     help='read standard input as lines {"id","text"} or {"id","html","url"} (default: off)')
    p.add_argument("--url", help="the page's URL, for --html (default: none)")
    p.add_argument("--outlets", action="append", default=[], type=Path, metavar="FILE",
                   help="add the outlets of this YAML file to the registry a page's URL is looked up in, "
                        "repeatable; same id: the file wins (default: the built-in registry only)")
    p.set_defaults(func=run)


def _read(path: Path) -> str:
    try:
        return sys.stdin.read() if str(path) == "-" else path.read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        raise UsageError(f"cannot read {path}: {exc.strerror}") from None


class Analyzer:
    """Analyses text or pages; an HTML page of a registered outlet (by article pattern or host) gets the
    outlet's fallback region, name and extraction hint, as in a crawl."""

    def __init__(self, outlet_files: Sequence[Path] = ()) -> None:
        self.outlets = list(load_registry(outlet_files).values())

    def outlet(self, url: str) -> tuple[Region | None, tuple[str, ...], ContainerHint | None]:
        outlet = outlet_for(self.outlets, url)
        if outlet is None:
            return None, (), None
        # the region only for the outlet's articles: its host also serves national copy and other pages
        by_pattern = bool(outlet.article_regex.match(url) or outlet.article_regex.match(canonical_url(url)))
        return outlet.fallback_region if by_pattern else None, (outlet.name,), outlet.extraction_hint

    def text(self, text: str) -> dict[str, Any]:
        return analysis_to_json(analyze(text))

    def html(self, html: str, url: str) -> dict[str, Any]:
        from pantau.extract import extract_page  # trafilatura loads only for pages

        region, names, hint = self.outlet(url)
        page = extract_page(html, url, names, hint)
        if page is None:
            raise UsageError(f"no article text found in the page for {url}")
        result = analyze(page.text, title=page.title, fallback_region=region)
        return analysis_to_json(result, title=page.title, published=page.published)


def run(args: argparse.Namespace, config: Config) -> int:
    analyzer = Analyzer(args.outlets)
    if args.url and not args.html:
        raise UsageError("--url goes with --html")
    if args.jsonl:
        return _run_jsonl(analyzer)
    if args.html:
        if not args.url:
            raise UsageError("--html needs --url (the page's address)")
        result = analyzer.html(_read(args.html), args.url)
    else:
        text = _read(args.text or Path("-"))
        if not text.strip():
            raise UsageError("empty input: give an article with --text FILE or on stdin")
        result = analyzer.text(text)
    sys.stdout.write(json.dumps(result, ensure_ascii=False) + "\n")
    return 0


def _run_jsonl(analyzer: Analyzer) -> int:
    failed = 0
    for number, line in enumerate(sys.stdin, 1):
        if not line.strip():
            continue
        ident: Any = None
        try:
            obj = json.loads(line)
            if not isinstance(obj, dict):
                raise UsageError("expected a JSON object")
            ident = obj.get("id")
            if isinstance(obj.get("text"), str):
                result = analyzer.text(obj["text"])
            elif isinstance(obj.get("html"), str) and isinstance(obj.get("url"), str):
                result = analyzer.html(obj["html"], obj["url"])
            else:
                raise UsageError('needs "text", or "html" and "url"')
        except (ValueError, UsageError) as exc:
            failed += 1
            message = f"line {number}: {exc}"
            sys.stderr.write(f"pantau: error: {message}\n")
            sys.stdout.write(json.dumps({"id": ident, "error": message}, ensure_ascii=False) + "\n")
            continue
        sys.stdout.write(json.dumps({"id": ident, **result}, ensure_ascii=False) + "\n")
    return 2 if failed else 0
