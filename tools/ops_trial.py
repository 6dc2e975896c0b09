"""An operator's trial of pantau on loopback: the scheduler, crawls, flushes and mail overlapping.

Why: each promise (each alert mailed once, exit codes that tell the truth, no process left behind,
names checked, nothing lost on a full disk) has its own test; this script operates them together,
the way a deployment runs, and prints the figures an operator would check. It is evidence, not a
timed test: run it by hand (a few minutes) and copy the figures to BENCHMARKS.md.

    python tools/ops_trial.py                  # every scenario
    python tools/ops_trial.py --only a --only c

Everything runs on 127.0.0.1: the bundled fixture site (pantau.fixture_site), a real aiosmtpd
server (0.5 s per message), a port nobody listens on, a socket that accepts and never answers,
a server that answers 500. Each pantau process runs as the real CLI in its own process; every
process the trial starts carries PANTAU_OPS_TRIAL=<tag> in its environment, so the processes
left over are found by that tag in /proc, however they were re-parented.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import email
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from email.header import decode_header, make_header
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import yaml
from aiosmtpd.controller import Controller

from pantau.fixture_site import FixtureSite

TAG = uuid.uuid4().hex
SLOW_SMTP = 0.5  # seconds per message
RULES = """
[[alert]]
name = "semua"
recipients = ["analis@example.org"]

[[alert]]
name = "imbauan"
tags_any = ["imbauan"]
recipients = ["redaksi@example.org"]
"""


# -- parts ---------------------------------------------------------------------------------------------


class Inbox:
    """An aiosmtpd handler that takes ``delay`` seconds per message and keeps (rule, story) of each."""

    def __init__(self, delay: float) -> None:
        self.delay = delay
        self.received: list[tuple[str, str]] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802 - aiosmtpd API
        await asyncio.sleep(self.delay)
        message = email.message_from_bytes(envelope.content)
        story = str(make_header(decode_header(message["X-Pantau-Story"] or "")))
        self.received.append((str(message["X-Pantau-Rule"]), story))
        return "250 OK"

    def figures(self) -> tuple[int, int, int]:
        """(messages, distinct (rule, story), the most any one was received)."""
        counts = Counter(self.received)
        return len(self.received), len(counts), max(counts.values(), default=0)


@contextmanager
def smtp(port: int, delay: float = SLOW_SMTP) -> Iterator[Inbox]:
    inbox = Inbox(delay)
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield inbox
    finally:
        controller.stop()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def hanging_server(port: int = 0) -> Iterator[str]:
    """Accepts every connection and never answers."""
    listener = socket.socket()
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", port))
    listener.listen(64)
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                held.append(listener.accept()[0])
            except TimeoutError:
                continue
            except OSError:
                return

    threading.Thread(target=accept, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    finally:
        stop.set()
        for conn in held:
            conn.close()
        listener.close()


class _Fails(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 - http.server API
        self.send_response(500)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args: Any) -> None:
        pass


@contextmanager
def failing_server() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Fails)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def env() -> dict[str, str]:
    return {**os.environ, "PANTAU_OPS_TRIAL": TAG}


def pantau_argv(workdir: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "pantau.cli", "--config", str(workdir / "pantau.toml"),
            "--data-dir", str(workdir / "data"), *args]


def pantau(workdir: Path, *args: str, timeout: float = 600) -> subprocess.CompletedProcess[str]:
    return subprocess.run(pantau_argv(workdir, *args), capture_output=True, text=True, timeout=timeout, env=env())


def start(workdir: Path, *args: str, log: str) -> subprocess.Popen[str]:
    out = (workdir / f"{log}.log").open("a")
    return subprocess.Popen(pantau_argv(workdir, *args), stdout=out, stderr=subprocess.STDOUT, text=True, env=env())


def tagged_processes() -> set[int]:
    """Every live process this trial started, directly or not (by the tag in its environment)."""
    found = set()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            if f"PANTAU_OPS_TRIAL={TAG}".encode() in (entry / "environ").read_bytes():
                state = (entry / "stat").read_text().rsplit(")", 1)[1].split()[0]
                if state != "Z":
                    found.add(int(entry.name))
        except OSError:
            continue
    return found


def children(pid: int) -> set[int]:
    """The crawl children of a scheduler (its multiprocessing resource tracker aside)."""
    return {c for c in descendants(pid)
            if _parent(c) == pid and b"resource_tracker" not in _cmdline(c)}


def _parent(pid: int) -> int:
    try:
        return int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])
    except OSError:
        return 0


def _cmdline(pid: int) -> bytes:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return b""


def descendants(pid: int) -> set[int]:
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except OSError:
                continue
            children.setdefault(ppid, []).append(int(entry.name))
    found, todo = set(), [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.add(child)
            todo.append(child)
    return found


def left_after(pids: set[int], wait: float = 5.0) -> set[int]:
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline and pids & tagged_processes():
        time.sleep(0.2)
    return pids & tagged_processes()


def write_config(workdir: Path, smtp_port: int, crawl: str = "", rules: str = RULES) -> None:
    (workdir / "pantau.toml").write_text(
        f"[crawl]\nautothrottle = false\n{crawl}\n[smtp]\nhost = \"127.0.0.1\"\nport = {smtp_port}\n"
        f"sender = \"pantau@example.org\"\ntimeout = 5\n{rules}", encoding="utf-8")


def outbox(workdir: Path) -> Counter[str]:
    db = workdir / "data" / "pantau.db"
    if not db.exists():
        return Counter()
    with sqlite3.connect(db) as conn:
        return Counter(status for (status,) in conn.execute("SELECT status FROM alerts"))


def articles(workdir: Path) -> int:
    with sqlite3.connect(workdir / "data" / "pantau.db") as conn:
        return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])


def prepare(site: FixtureSite, root: Path, name: str, schedule: str | None = None) -> tuple[Path, Path]:
    """A scenario's work dir and its outlet registry (the fixture site's outlets, on this run's ports)."""
    workdir = root / name
    workdir.mkdir()
    return workdir, site.write_outlets_yaml(workdir / "outlets.yaml", schedule=schedule)


def show(label: str, value: object) -> None:
    print(f"  {label:<44} {value}", flush=True)


def show_mail(inbox: Inbox, workdir: Path, expected: tuple[int, int] | None = None) -> None:
    if expected:
        show("articles stored / reference", f"{articles(workdir)} / {expected[0]}")
        show("distinct alerts expected (reference)", expected[1])
    messages, distinct, most = inbox.figures()
    show("messages received / distinct (rule, story)", f"{messages} / {distinct} (most per alert: {most})")
    show("outbox rows by status", dict(outbox(workdir)))
    listing = pantau(workdir, "alerts", "list").stdout.strip().splitlines()
    for line in listing:
        if "sent" in line and "queued" in line:
            show("alerts list", line.strip())


def show_status(workdir: Path, outlets: Path) -> None:
    for line in pantau(workdir, "status", "--outlets", str(outlets)).stdout.rstrip().splitlines():
        print("    | " + line)


def one_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.strip()]


# -- scenarios ------------------------------------------------------------------------------------------


def reference(site: FixtureSite, root: Path) -> tuple[int, int]:
    """One crawl alone with a fast mail server: (articles, distinct alerts) the other scenarios should reach."""
    workdir, outlets = prepare(site, root, "ref")
    port = free_port()
    write_config(workdir, port)
    with smtp(port, delay=0) as inbox:
        proc = pantau(workdir, "crawl", "--outlets", str(outlets), "--quiet")
    print(f"reference: one crawl alone, exit {proc.returncode}")
    show("articles stored", articles(workdir))
    show_mail(inbox, workdir)
    return articles(workdir), inbox.figures()[1]


def scenario_a(site: FixtureSite, root: Path, expected: tuple[int, int], cycles: int) -> None:
    print(f"a. scheduler every minute + manual crawl + flush loop, SMTP {SLOW_SMTP} s/message; "
          "kill -9 mid-cycle, restart, SIGTERM")
    workdir, outlets = prepare(site, root, "a", schedule="* * * * *")
    port = free_port()
    write_config(workdir, port, crawl="jitter = 10\njob_time_limit = 300\n")
    with smtp(port) as inbox:
        t0 = time.monotonic()
        scheduler = start(workdir, "schedule", "--run-now", "--outlets", str(outlets), log="schedule")
        stop_flushing = threading.Event()
        flushes: Counter[int] = Counter()

        def flush_loop() -> None:
            while not stop_flushing.is_set():
                flushes[pantau(workdir, "alerts", "flush").returncode] += 1
                stop_flushing.wait(2)

        flusher = threading.Thread(target=flush_loop, daemon=True)
        flusher.start()
        time.sleep(3)
        manual = start(workdir, "crawl", "--outlets", str(outlets), "--quiet", log="manual")
        # kill -9 while the first cycle's crawls run: two crawl children or more, a few seconds in
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and len(children(scheduler.pid)) < 2:
            time.sleep(0.2)
        time.sleep(3)
        family = descendants(scheduler.pid)
        os.kill(scheduler.pid, signal.SIGKILL)
        scheduler.wait()
        killed_at = time.monotonic() - t0
        show("scheduler killed at (s) / its processes", f"{killed_at:.0f} / {len(family)}")
        show("its processes alive 5 s later", sorted(left_after(family)))
        runs = [line.split() for line in pantau(workdir, "status", "--outlets", str(outlets)).stdout.splitlines()[1:]]
        show("status outcomes after the kill", dict(Counter(row[5] for row in runs if len(row) > 5)))

        scheduler = start(workdir, "schedule", "--outlets", str(outlets), log="schedule")
        restarted = time.monotonic()
        show("manual crawl exit code", manual.wait(timeout=600))
        # let `cycles` minute cycles run, then SIGTERM in the middle of the next one
        target = restarted + 60 * cycles
        while time.monotonic() < target:
            time.sleep(1)
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline and not children(scheduler.pid):
            time.sleep(0.2)
        time.sleep(1)
        family = descendants(scheduler.pid)
        show("crawl children running at SIGTERM", len(children(scheduler.pid)))
        termed = time.monotonic()
        scheduler.send_signal(signal.SIGTERM)
        code = scheduler.wait(timeout=180)
        show("SIGTERM: scheduler exit code / seconds to exit", f"{code} / {time.monotonic() - termed:.1f}")
        show("its processes alive after exit", sorted(left_after(family)))
        stop_flushing.set()
        flusher.join()
        final = pantau(workdir, "alerts", "flush")
        show("flush loop exit codes", dict(flushes))
        show("final flush exit code", final.returncode)
        show_mail(inbox, workdir, expected)
    show_status(workdir, outlets)
    show("trial processes still running", sorted(tagged_processes()))


def scenario_b(site: FixtureSite, root: Path, expected: tuple[int, int]) -> None:
    print("b. SMTP dead (refuses) or hung (accepts, never answers) for a crawl, then back: queued alerts go out once")
    for kind in ("dead", "hung"):
        workdir, outlets = prepare(site, root, f"b-{kind}")
        port = free_port()
        write_config(workdir, port, crawl="alert_send_budget = 5\n")
        with hanging_server(port) if kind == "hung" else contextlib.nullcontext():
            t = time.monotonic()
            crawl = pantau(workdir, "crawl", "--outlets", str(outlets), "--quiet")
            took = time.monotonic() - t
            show(f"crawl with SMTP {kind} (budget 5 s): exit / seconds", f"{crawl.returncode} / {took:.1f}")
        for line in one_lines(crawl.stderr):
            show("  stderr", line[:150])
        show("outbox rows by status", dict(outbox(workdir)))
        port = free_port()  # the mail server back (on a new port: the hung one's may linger)
        write_config(workdir, port, crawl="alert_send_budget = 5\n")
        with smtp(port) as inbox:
            flushes = [subprocess.Popen(pantau_argv(workdir, "alerts", "flush"), env=env(), stdout=subprocess.PIPE,
                                        stderr=subprocess.PIPE, text=True) for _ in range(3)]
            codes = [p.wait(timeout=600) for p in flushes]
            show("then three concurrent flushes: exit codes", codes)
            show_mail(inbox, workdir, expected)


def scenario_c(site: FixtureSite, root: Path) -> None:
    print("c. one outlet hangs (accepts, never answers), one answers 500; two good outlets")
    workdir, outlets = prepare(site, root, "c")
    registry = yaml.safe_load(outlets.read_text(encoding="utf-8"))
    good = [o for o in registry["outlets"] if o["id"] in ("antara-babel", "linesnews")]
    port = free_port()
    write_config(workdir, port, crawl="download_timeout = 5\n")
    with hanging_server() as hang, failing_server() as fail, smtp(port, delay=0):
        bad = [{"id": oid, "name": oid, "home": base + "/", "feeds": [base + "/feed/"], "listings": [base + "/terkini"],
                "article_pattern": "^" + base + "/berita/", "region": good[0]["region"]}
               for oid, base in (("hang-news", hang), ("error-news", fail))]
        outlets.write_text(yaml.safe_dump({"use_builtin": False, "outlets": good + bad}), encoding="utf-8")
        for mode in ("table", "json"):
            t = time.monotonic()
            crawl = pantau(workdir, "crawl", "--outlets", str(outlets), "--quiet",
                           *(["--json"] if mode == "json" else []), timeout=300)
            took = time.monotonic() - t
            show(f"--{mode}: exit code / seconds", f"{crawl.returncode} / {took:.1f}")
            lines = one_lines(crawl.stderr)
            show("stderr lines / with 'Traceback'", f"{len(lines)} / {sum('Traceback' in x for x in lines)}")
            for line in lines:
                show("  stderr", line[:160])
            if mode == "table":
                for line in crawl.stdout.splitlines():
                    print("    | " + line)


def scenario_d(site: FixtureSite, root: Path, expected: tuple[int, int]) -> None:
    print("d. full disk (RLIMIT_FSIZE 64 KiB over the store) mid-crawl, then space again")
    workdir, outlets = prepare(site, root, "d")
    port = free_port()
    write_config(workdir, port)
    with smtp(port, delay=0) as inbox:
        first = pantau(workdir, "crawl", "--outlets", str(outlets), "--quiet", "--only", "antara-babel")
        show("first crawl (one outlet) exit / articles", f"{first.returncode} / {articles(workdir)}")
        limit = (workdir / "data" / "pantau.db").stat().st_size + 64 * 1024
        argv = [*pantau_argv(workdir)[3:], "crawl", "--outlets", str(outlets), "--quiet"]
        code = (f"import resource, runpy, sys; resource.setrlimit(resource.RLIMIT_FSIZE, ({limit},) * 2); "
                f"sys.argv = ['pantau', *{argv!r}]; "
                "runpy.run_module('pantau.cli', run_name='__main__')")
        full = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env(), timeout=600)
        lines = one_lines(full.stderr)
        show("crawl on a full disk: exit / stderr lines", f"{full.returncode} / {len(lines)}")
        show("  'Traceback' in stderr", "Traceback" in full.stderr)
        kinds = Counter(" ".join(line.split()[:3]) for line in lines)
        for kind, n in kinds.most_common():
            show(f"  stderr lines starting {kind!r}", n)
        for line in lines[-3:]:
            show("  stderr", line[:160])
        show("articles / outbox after the full disk", f"{articles(workdir)} / {dict(outbox(workdir))}")
        again = pantau(workdir, "crawl", "--outlets", str(outlets), "--quiet")
        flush = pantau(workdir, "alerts", "flush")
        show("crawl with space again: exit / flush exit", f"{again.returncode} / {flush.returncode}")
        show_mail(inbox, workdir, expected)
    print("d. the outbox refuses its writes (a SQLite trigger failing them as a full disk does) while the store "
          "takes the pages")
    workdir, outlets = prepare(site, root, "d-outbox")
    port = free_port()
    write_config(workdir, port)
    with smtp(port, delay=0) as inbox:
        pantau(workdir, "crawl", "--outlets", str(outlets), "--quiet", "--only", "antara-bengkulu")
        with sqlite3.connect(workdir / "data" / "pantau.db") as conn:
            conn.execute("CREATE TRIGGER refuse BEFORE INSERT ON alerts "
                         "BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END")
        refused = pantau(workdir, "crawl", "--outlets", str(outlets), "--quiet")
        show("crawl with the outbox refusing: exit / stderr lines",
             f"{refused.returncode} / {len(one_lines(refused.stderr))}")
        with sqlite3.connect(workdir / "data" / "pantau.db") as conn:
            conn.execute("DROP TRIGGER refuse")
        again = pantau(workdir, "crawl", "--outlets", str(outlets), "--quiet", "--only", "antara-bengkulu")
        show("then a crawl of one outlet: exit", again.returncode)
        show_mail(inbox, workdir, expected)


def scenario_e(site: FixtureSite, root: Path) -> None:
    print("e. invalid inputs: one line on stderr and an exit code each")
    workdir, outlets = prepare(site, root, "e")
    broken = workdir / "broken.yaml"
    broken.write_text("use_builtin: false\noutlets:\n  - id: x\n    feeds: [http://127.0.0.1:1/\n", encoding="utf-8")
    port = free_port()
    cases: list[tuple[str, str, list[str]]] = [
        ("broken outlets YAML (crawl)", "", ["crawl", "--outlets", str(broken), "--quiet"]),
        ("broken outlets YAML (schedule)", "", ["schedule", "--outlets", str(broken)]),
        ("rule region Babel (alias: resolves)", 'regions = ["Babel"]', ["alerts", "list"]),
        ("rule region Atlantis", 'regions = ["Atlantis"]', ["alerts", "list"]),
        ("rule region Atlantis (crawl)", 'regions = ["Atlantis"]', ["crawl", "--outlets", str(outlets)]),
        ("rule outlet no-such-outlet (crawl)", 'outlets = ["no-such-outlet"]',
         ["crawl", "--outlets", str(outlets), "--quiet"]),
        ("rule outlet no-such-outlet (schedule)", 'outlets = ["no-such-outlet"]',
         ["schedule", "--outlets", str(outlets)]),
        ("crawl --only no-such-outlet", "", ["crawl", "--outlets", str(outlets), "--only", "no-such-outlet"]),
        ("schedule --only no-such-outlet", "", ["schedule", "--outlets", str(outlets), "--only", "no-such-outlet"]),
        ("search --outlet no-such-outlet", "", ["search", "pilkada", "--outlet", "no-such-outlet"]),
        ("search --region Babel (alias)", "", ["search", "pilkada", "--region", "Babel"]),
        ("search --region Atlantis", "", ["search", "pilkada", "--region", "Atlantis"]),
    ]
    write_config(workdir, port, rules="")
    with smtp(port, delay=0):
        pantau(workdir, "crawl", "--outlets", str(outlets), "--quiet", "--only", "antara-babel")
        for label, extra, argv in cases:
            rule = f'[[alert]]\nname = "r"\nrecipients = ["a@example.org"]\n{extra}\n' if extra else ""
            write_config(workdir, port, rules=rule)
            try:
                proc = pantau(workdir, *argv, timeout=60)
                lines, code = one_lines(proc.stderr), str(proc.returncode)
            except subprocess.TimeoutExpired:
                lines, code = [], "still running after 60 s"
            show(label, f"exit {code}, {len(lines)} stderr line(s)" + ("" if not lines else f": {lines[-1][:110]}"))
            if any("Traceback" in x for x in lines):
                show("  TRACEBACK", lines[-1][:150])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", action="append", choices=list("abcde"), help="run only these scenarios")
    parser.add_argument("--cycles", type=int, default=2, help="scheduler minutes after the restart (scenario a)")
    parser.add_argument("--keep", action="store_true", help="keep the trial's data dirs (printed)")
    args = parser.parse_args()
    chosen = args.only or list("abcde")
    root = Path(tempfile.mkdtemp(prefix="pantau-ops-trial-"))
    print(f"trial data under {root}; processes tagged PANTAU_OPS_TRIAL={TAG}")
    with FixtureSite() as site:
        expected = reference(site, root) if set(chosen) & {"a", "b", "d"} else (0, 0)
        for name in chosen:
            t = time.monotonic()
            {"a": lambda: scenario_a(site, root, expected, args.cycles), "b": lambda: scenario_b(site, root, expected),
             "c": lambda: scenario_c(site, root), "d": lambda: scenario_d(site, root, expected),
             "e": lambda: scenario_e(site, root)}[name]()
            show(f"scenario {name} took (s)", f"{time.monotonic() - t:.0f}")
    left = tagged_processes()
    print(f"processes of the trial still running at the end: {sorted(left) or 'none'}")
    if not args.keep:
        import shutil
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
