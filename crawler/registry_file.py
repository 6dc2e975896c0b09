"""Write one outlet entry into a registry file, by id, keeping the rest of the file as it is.

``pantau outlets add --write FILE`` adds the entry at the end of the file's top-level
``outlets:`` list, or replaces the entry with the same id there. The file is edited as text at
the lines PyYAML's composer reports for that list, so comments, blank lines, key order and
anything else in the file (other top-level keys) stay untouched. The result is validated with
the registry's own loader before it replaces the file; an invalid result leaves the file as it
was and says why in one line.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import yaml

from crawler.outlets import load_outlets_file
from pantau.errors import ConfigError


class _Pattern(str):
    """A regex, written single-quoted (backslashes stay as typed, as in the README's examples)."""


class _Dumper(yaml.SafeDumper):
    pass


_Dumper.add_representer(_Pattern, lambda d, v: d.represent_scalar("tag:yaml.org,2002:str", str(v), style="'"))


def entry_yaml(entry: dict[str, Any], indent: int = 0) -> str:
    """The entry as one item of a YAML list (``- id: …``), indented by ``indent`` spaces."""
    data = dict(entry, article_pattern=_Pattern(entry["article_pattern"]))
    text = yaml.dump([data], Dumper=_Dumper, sort_keys=False, default_flow_style=None, allow_unicode=True,
                     width=1000)
    return "".join(" " * indent + ln if ln.strip() else ln for ln in text.splitlines(keepends=True))


def registry_yaml(entry: dict[str, Any]) -> str:
    """A registry file with one entry (what ``pantau outlets add`` prints)."""
    return "outlets:\n" + entry_yaml(entry, 2)


def _last_line(node: yaml.Node) -> int:
    """The 0-based line after the node's last scalar (a block node's own end mark may sit past comments)."""
    ends: list[yaml.Mark] = []
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, yaml.MappingNode):
            for key, value in current.value:
                stack += [key, value]
        elif isinstance(current, yaml.SequenceNode):
            stack += current.value
        else:
            ends.append(current.end_mark)
    last = max(ends, key=lambda m: (m.line, m.column))
    return last.line + (1 if last.column > 0 else 0)


def _item_id(item: yaml.Node) -> str | None:
    if isinstance(item, yaml.MappingNode):
        for key, value in item.value:
            if getattr(key, "value", None) == "id" and isinstance(value, yaml.ScalarNode):
                return str(value.value)
    return None


def upserted(text: str, entry: dict[str, Any], source: str) -> tuple[str, str]:
    """``text`` with the entry added to (or replacing its id in) the ``outlets:`` list, and "added"/"replaced"."""
    if not text.strip():
        return registry_yaml(entry), "added"
    try:
        root = yaml.compose(text)
    except yaml.YAMLError as exc:
        raise ConfigError(f"{source}: not valid YAML: {str(exc).splitlines()[0]}") from None
    if not isinstance(root, yaml.MappingNode):
        raise ConfigError(f"{source}: expected a mapping with an 'outlets' list")
    lines = text.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    outlets = next((v for k, v in root.value if getattr(k, "value", None) == "outlets"), None)
    if outlets is None:
        return "".join(lines) + "\n" + registry_yaml(entry), "added"
    if not isinstance(outlets, yaml.SequenceNode) or outlets.flow_style or not outlets.value:
        raise ConfigError(f"{source}: 'outlets' is not a block list of entries; add the entry by hand")
    items = outlets.value
    indent = items[0].start_mark.column - 2
    for item in items:
        if _item_id(item) == entry["id"]:
            start, end = item.start_mark.line, _last_line(item)
            return "".join(lines[:start] + [entry_yaml(entry, indent)] + lines[end:]), "replaced"
    end = _last_line(items[-1])
    return "".join(lines[:end] + ["\n", entry_yaml(entry, indent)] + lines[end:]), "added"


def write_entry(path: Path, entry: dict[str, Any]) -> str:
    """Add or replace the entry in the registry file ``path`` (created if missing); "added" or "replaced"."""
    try:
        text = path.read_text(encoding="utf-8") if path.exists() else ""
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read outlet file: {exc.strerror}") from None
    new_text, action = upserted(text, entry, str(path))
    temporary = path.with_name(f".{path.name}.pantau-new")
    try:
        temporary.write_text(new_text, encoding="utf-8")
        try:
            load_outlets_file(temporary)
        except ConfigError as exc:
            raise ConfigError(str(exc).replace(str(temporary), str(path))) from None
        os.replace(temporary, path)
    except OSError as exc:
        raise ConfigError(f"{path}: cannot write outlet file: {exc.strerror}") from None
    finally:
        temporary.unlink(missing_ok=True)
    return action
