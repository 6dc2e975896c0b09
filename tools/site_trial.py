#!/usr/bin/env python3
"""Onboard sites pantau has never seen from their home URL alone, crawl them, and score the result.

Usage: site_trial.py GOLD.jsonl NAME=HOME_URL [NAME=HOME_URL ...] [--work DIR] [--cmd pantau] [--show]

Why: issue 14 promises that discovery is general, judged on sites nobody fitted the code to. This
runs what a maintainer would run for each site: `pantau outlets add HOME --write FILE` (into a
trial registry of its own, `use_builtin: false`), `pantau outlets check`, then one `pantau crawl`
of that registry into a fresh data dir and `pantau export`, and compares the stored pages with the
gold.

GOLD.jsonl has one object per line: articles `{"site", "path", "title", "published", "body": [
paragraphs], "is_article": true, "aliases": [paths]}` and non-articles `{"site", "path",
"is_article": false}`; `site` is the NAME given on the command line, `path` is path plus query on
the home URL's origin. Figures per site: gold articles stored (a page marked `duplicate_of`, a
syndicated copy, counts as stored), false articles (stored pages that are a gold non-article or not
in the gold), twins (a second stored page of one gold article), body token F1 per article (the
scorers' `token_f1`), title exact match, date correct (the same instant as the gold) and day
correct (the same calendar day in the gold's offset). The last line is the summary.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, unquote, urlencode, urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))
from score_analysis import token_f1  # noqa: E402  (a sibling script, not a package)


def path_key(url_or_path: str) -> str:
    """Path plus query, decoded and with sorted parameters, so the same page compares equal."""
    parts = urlsplit(url_or_path)
    query = urlencode(sorted(parse_qsl(parts.query, keep_blank_values=True)))
    return unquote(parts.path or "/") + ("?" + unquote(query) if query else "")


def same_instant(stored: object, gold: str) -> tuple[bool, bool]:
    """(same instant, same calendar day in the gold's offset) of a stored date and the gold's."""
    if not stored:
        return False, False
    want = datetime.fromisoformat(gold)
    try:
        got = datetime.fromisoformat(str(stored).replace("Z", "+00:00"))
    except ValueError:
        return False, False
    if got.tzinfo is None or want.tzinfo is None:
        return False, got.date() == want.date()
    return got == want, got.astimezone(want.tzinfo).date() == want.date()


def run(cmd: list[str], **kw: Any) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, capture_output=True, text=True, timeout=900, **kw)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("gold")
    ap.add_argument("sites", nargs="+", help="NAME=HOME_URL (NAME as in the gold's 'site')")
    ap.add_argument("--work", help="directory for the trial registry and data dir (default: a new temp dir)")
    ap.add_argument("--cmd", default="pantau")
    ap.add_argument("--show", action="store_true", help="print every article that is not perfect")
    args = ap.parse_args()
    gold = [json.loads(line) for line in Path(args.gold).read_text().splitlines() if line.strip()]
    work = Path(args.work or tempfile.mkdtemp(prefix="site-trial-"))
    work.mkdir(parents=True, exist_ok=True)
    registry = work / "trial-outlets.yaml"
    registry.write_text("use_builtin: false\n")
    data = work / "data"
    sites: dict[str, str] = {}
    for spec in args.sites:
        name, _, home = spec.partition("=")
        sites[name] = home
    unknown = [name for name in sites if not any(g["site"] == name for g in gold)]
    if unknown:
        print(f"no gold lines for {', '.join(unknown)}; the gold's sites: "
              f"{', '.join(sorted({g['site'] for g in gold}))}")
        sys.exit(2)
    ids = {name: "trial-" + "".join(c if c.isalnum() else "-" for c in name.lower()) for name in sites}
    added: dict[str, str] = {}
    for name, home in sites.items():
        r = run([args.cmd, "outlets", "add", home, "--id", ids[name], "--write", str(registry)])
        verdict = (r.stderr.strip().splitlines() or ["(no output)"])[-1]
        added[name] = f"exit {r.returncode}: {verdict}"
        print(f"add   {name:16s} {added[name]}")
        (work / f"add-{name}.txt").write_text(r.stdout + "\n--- stderr\n" + r.stderr)
    r = run([args.cmd, "outlets", "check", "--outlets", str(registry)])
    (work / "check.txt").write_text(r.stdout + "\n--- stderr\n" + r.stderr)
    for line in r.stdout.splitlines():
        if not line.startswith(" "):
            print(f"check {line}")
    r = run([args.cmd, "--data-dir", str(data), "crawl", "--outlets", str(registry), "--json"])
    (work / "crawl.json").write_text(r.stdout + "\n--- stderr\n" + r.stderr)
    r = run([args.cmd, "--data-dir", str(data), "export"])
    stored = [json.loads(line) for line in r.stdout.splitlines() if line.strip()]
    print(f"work dir {work}; {len(stored)} pages stored")

    by_outlet = {v: k for k, v in ids.items()}
    totals = {"gold": 0, "found": 0, "false": 0, "twins": 0}
    f1_all: list[float] = []
    title_all: list[bool] = []
    date_all: list[bool] = []
    day_all: list[bool] = []
    print(f"{'site':16s} {'found':>7s} {'false':>5s} {'twins':>5s} {'F1 mean':>7s} {'F1 min':>6s} "
          f"{'title':>5s} {'date':>5s} {'day':>5s}")
    for name, home in sites.items():
        origin = "{0.scheme}://{0.netloc}".format(urlsplit(home))
        articles = [g for g in gold if g["site"] == name and g.get("is_article")]
        others = {path_key(g["path"]) for g in gold if g["site"] == name and not g.get("is_article")}
        key_of: dict[str, int] = {}
        for i, g in enumerate(articles):
            for p in [g["path"], *g.get("aliases", [])]:
                key_of[path_key(p)] = i
        pages = [s for s in stored if by_outlet.get(s.get("outlet")) == name]
        hits: dict[int, list[dict[str, Any]]] = {}
        false: list[str] = []
        for page in pages:
            url = page.get("url") or ""
            idx = key_of.get(path_key(url)) if url.startswith(origin) else None
            if idx is None:
                false.append(url + (" (gold non-article)" if path_key(url) in others else " (not in gold)"))
            else:
                hits.setdefault(idx, []).append(page)
        f1s, titles, dates, days = [], [], [], []
        for i, g in enumerate(articles):
            got = hits.get(i)
            if not got:
                f1s.append(0.0)
                titles.append(False)
                dates.append(False)
                days.append(False)
                if args.show:
                    print(f"  MISSING {g['path']}")
                continue
            page = min(got, key=lambda p: len(p.get("url") or ""))
            f1 = token_f1(page.get("body") or "", "\n".join(g["body"]))
            t_ok = " ".join((page.get("title") or "").split()) == " ".join(g["title"].split())
            d_ok, day_ok = same_instant(page.get("published"), g["published"])
            f1s.append(f1)
            titles.append(t_ok)
            dates.append(d_ok)
            days.append(day_ok)
            if args.show and (f1 < 0.95 or not t_ok or not d_ok):
                print(f"  {g['path']}: F1 {f1:.3f} title {'ok' if t_ok else repr(page.get('title'))} "
                      f"date {'ok' if d_ok else str(page.get('published')) + ' want ' + g['published']}")
        if args.show:
            for url in false:
                print(f"  FALSE {url}")
        twins = sum(len(v) - 1 for v in hits.values())
        n = len(articles)
        print(f"{name:16s} {len(hits):>3d}/{n:<3d} {len(false):>5d} {twins:>5d} "
              f"{statistics.mean(f1s) if f1s else 0:7.3f} {min(f1s) if f1s else 0:6.3f} "
              f"{100 * sum(titles) / max(n, 1):4.0f}% {100 * sum(dates) / max(n, 1):4.0f}% "
              f"{100 * sum(days) / max(n, 1):4.0f}%")
        totals["gold"] += n
        totals["found"] += len(hits)
        totals["false"] += len(false)
        totals["twins"] += twins
        f1_all += f1s
        title_all += titles
        date_all += dates
        day_all += days
    n = max(totals["gold"], 1)
    found_f1 = [f for f in f1_all if f > 0]
    print(f"TOTAL stored {totals['found']}/{totals['gold']} gold articles, {totals['false']} false, "
          f"{totals['twins']} twins; body F1 mean {statistics.mean(f1_all) if f1_all else 0:.3f} "
          f"(over stored {statistics.mean(found_f1) if found_f1 else 0:.3f}, "
          f"min {min(found_f1) if found_f1 else 0:.3f}); title {100 * sum(title_all) / n:.0f}% "
          f"date {100 * sum(date_all) / n:.0f}% day {100 * sum(day_all) / n:.0f}%")


if __name__ == "__main__":
    main()
