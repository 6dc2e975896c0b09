#!/usr/bin/env python3
"""Score pantau's page extraction on saved real pages against hand-made gold.

Usage: score_pages.py PAGES_DIR [--cmd "pantau analyze --jsonl"] [--min body_f1_mean=0.95 ...] [--show]

PAGES_DIR holds the HTML files and gold.json (a list of {file, url, site, title, published, body});
tests/pages_real/ is such a directory. Every page goes to `pantau analyze --jsonl` as
{"id", "html", "url"}; the output's body, title and published are compared with the gold: body token
F1 (score_analysis.token_f1), title exact match (whitespace collapsed), published date (YYYY-MM-DD as
printed by the page, compared in Asia/Jakarta). Metrics: body_f1_mean, body_f1_median, body_f1_min,
title_acc, date_acc. The last line is a summary (scripts parse it).
Exit 1 when a --min floor is not met, 2 on bad input.

The project's copy of the team's scorer: keep metrics and output format unchanged.
"""

from __future__ import annotations

import argparse
import json
import shlex
import statistics
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from score_analysis import token_f1  # noqa: E402  (a sibling script, not a package)

WIB = timezone(timedelta(hours=7))


def local_date(value: object) -> str | None:
    if not value:
        return None
    try:
        when = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        return str(value)[:10]
    return (when.astimezone(WIB) if when.tzinfo else when).date().isoformat()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("pages_dir")
    ap.add_argument("--cmd", default="pantau analyze --jsonl")
    ap.add_argument("--min", action="append", default=[])
    ap.add_argument("--show", action="store_true")
    ap.add_argument("--timeout", type=int, default=600)
    args = ap.parse_args()
    d = Path(args.pages_dir)
    try:
        gold = json.loads((d / "gold.json").read_text())
    except (OSError, ValueError) as exc:
        print(f"bad gold: {exc}")
        sys.exit(2)
    lines = [json.dumps({"id": g["file"], "html": (d / g["file"]).read_bytes().decode("utf-8", "replace"),
                         "url": g["url"]}) for g in gold]
    run = subprocess.run(shlex.split(args.cmd), input="\n".join(lines) + "\n", capture_output=True,
                         text=True, timeout=args.timeout)
    out: dict[Any, dict[str, Any]] = {}
    for line in run.stdout.splitlines():
        try:
            rec = json.loads(line)
            out[rec.get("id")] = rec
        except ValueError:
            continue
    if run.returncode != 0 and not out:
        print(f"{args.cmd} exited {run.returncode}: {run.stderr.strip()[-300:]}")
        sys.exit(2)
    f1s, titles, dates = [], 0, 0
    for g in gold:
        rec = out.get(g["file"]) or {}
        f1 = token_f1(rec.get("body") or "", g["body"])
        f1s.append(f1)
        t_ok = " ".join((rec.get("title") or "").split()) == " ".join(g["title"].split())
        d_ok = local_date(rec.get("published")) == g["published"][:10]
        titles += t_ok
        dates += d_ok
        if args.show and (f1 < 0.95 or not t_ok or not d_ok):
            print(f"{g['file']:28s} body F1 {f1:.3f}  title {'ok' if t_ok else repr(rec.get('title'))}  "
                  f"date {'ok' if d_ok else rec.get('published')}")
    n = len(gold)
    m = {"body_f1_mean": statistics.mean(f1s), "body_f1_median": statistics.median(f1s),
         "body_f1_min": min(f1s), "title_acc": titles / n, "date_acc": dates / n}
    for k, v in m.items():
        print(f"{k:16s} {v:.3f}")
    below = []
    for spec in args.min:
        k, _, v = spec.partition("=")
        if k not in m:
            print(f"unknown metric {k}")
            sys.exit(2)
        if m[k] < float(v):
            below.append(f"{k} {m[k]:.3f}<{float(v):.2f}")
    summary = (f"n={n} body F1 mean {m['body_f1_mean']:.3f} median {m['body_f1_median']:.3f} "
               f"min {m['body_f1_min']:.3f} title {100 * m['title_acc']:.0f}% date {100 * m['date_acc']:.0f}%")
    print(("BELOW: " + "; ".join(below) + " | " if below else "") + summary)
    sys.exit(1 if below else 0)


if __name__ == "__main__":
    main()
