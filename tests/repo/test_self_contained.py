"""The repository stands alone: nothing it ships points at the workshop it was built in.

A clean clone has no ``../shared`` beside it and no ``/work`` tree, so a README link, a docstring
or a test path into either is a dead reference for every reader and a skipped check in CI.
"""

import re
import subprocess
from pathlib import Path

from helpers import REPO

OUTSIDE = re.compile(r"\.\./shared\b|(?<![\w.])shared/(?:gold|spec|pages|seeds|tools|outlets)/|/work/")


def tracked_text_files() -> list[Path]:
    listed = subprocess.run(["git", "ls-files"], cwd=REPO, capture_output=True, text=True, check=True)
    suffixes = {".py", ".md", ".toml", ".yaml", ".yml", ".cfg", ".txt", ".sh", ""}
    return [REPO / name for name in listed.stdout.splitlines() if Path(name).suffix in suffixes]


def test_no_tracked_file_points_outside_the_repository() -> None:
    offenders = []
    for path in tracked_text_files():
        if not path.is_file() or path == Path(__file__):
            continue
        for number, line in enumerate(path.read_text(errors="replace").splitlines(), 1):
            if OUTSIDE.search(line):
                offenders.append(f"{path.relative_to(REPO)}:{number}: {line.strip()[:100]}")
    assert not offenders, "\n".join(offenders)


def test_the_pattern_catches_each_kind_of_outside_path() -> None:
    for line in ("see ../shared/spec/taxonomy.md", "from `shared/gold/real/`", "cd /work/main"):
        assert OUTSIDE.search(line), line
    for line in ("tests/gold_real/201.json", "a shared/ lock", "docs/taxonomy.md"):
        assert not OUTSIDE.search(line), line
