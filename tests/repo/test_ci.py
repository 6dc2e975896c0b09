"""The README's "Run the tests" commands are the ones CI runs, so the README's test command stays honest."""

from __future__ import annotations

import re

from helpers import REPO


def commands(script: str) -> list[str]:
    """Shell commands of a script, one per line or per ``&&`` part, comments left out."""
    return [part.strip() for line in script.splitlines() for part in line.split("&&")
            if part.strip() and not part.strip().startswith("#")]


def test_readme_test_commands_are_what_ci_runs() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    block = re.search(r"^## Run the tests\n+```sh\n(.*?)^```", readme, re.MULTILINE | re.DOTALL)
    assert block, "README.md has a 'Run the tests' section starting with a sh block"
    ci = [c for c in commands((REPO / ".ci" / "run").read_text(encoding="utf-8"))
          if not c.startswith(("set ", "cd ", "export "))]  # CI's own setup: strict shell, quiet pip
    assert ci == commands(block.group(1))


def test_every_pantau_module_has_a_layer() -> None:
    """A new module of ``pantau`` must be placed in the import-linter layers, or its imports go unchecked."""
    import tomllib

    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    [layers] = [c["layers"] for c in config["tool"]["importlinter"]["contracts"] if c["type"] == "layers"]
    placed = {name.strip() for layer in layers for name in re.split(r"[|:]", layer.replace("\\", " "))}
    modules = {f"pantau.{p.stem}" for p in (REPO / "pantau").glob("*.py") if p.stem != "__init__"} | \
        {f"pantau.{p.name}" for p in (REPO / "pantau").iterdir() if (p / "__init__.py").exists()}
    assert modules - placed == set()
