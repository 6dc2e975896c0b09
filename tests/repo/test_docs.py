"""The contracts in docs/ agree with the code: their examples load, their tables name what exists."""

from __future__ import annotations

import argparse
import re
import typing
from pathlib import Path

import pytest
from helpers import REPO
from pydantic import BaseModel

from crawler.outlets import FILE_KEYS, NETWORK_KEYS, Outlet, load_outlets_file
from pantau.analysis.taxonomy import TAGS
from pantau.cli import COMMANDS, build_parser
from pantau.config import Config, load_config

DOCS = REPO / "docs"
CLI_DOC = (DOCS / "cli.md").read_text(encoding="utf-8")
README = (REPO / "README.md").read_text(encoding="utf-8")


def fenced(text: str, language: str) -> list[str]:
    """The code blocks of a markdown text in one language."""
    return re.findall(rf"^```{language}\n(.*?)^```", text, re.MULTILINE | re.DOTALL)


def test_taxonomy_table_lists_every_tag_with_its_labels() -> None:
    rows = re.findall(r"^\| `([a-z0-9-]+)` \| ([^|]+) \| ([^|]+) \|", (DOCS / "taxonomy.md").read_text(), re.MULTILINE)
    assert {tag: (label_id.strip(), label_en.strip()) for tag, label_id, label_en in rows} == TAGS


def test_configuration_example_is_a_valid_config(tmp_path: Path) -> None:
    (example,) = fenced((DOCS / "configuration.md").read_text(encoding="utf-8"), "toml")
    path = tmp_path / "pantau.toml"
    path.write_text(example, encoding="utf-8")
    config = load_config(path, data_dir=tmp_path, environ={})
    assert [rule.name for rule in config.alert] == ["imbauan-babel", "pelanggaran-harian"]


def config_sections() -> dict[str, type[BaseModel]]:
    """The headings of configuration.md for each part of the model: ``[crawl]``, ``[[alert]]`` …"""
    sections: dict[str, type[BaseModel]] = {}
    for name, field in Config.model_fields.items():
        kind = field.annotation
        if isinstance(kind, type) and issubclass(kind, BaseModel):
            sections[f"[{name}]"] = kind
        elif typing.get_origin(kind) is list:
            sections[f"[[{name}]]"] = typing.get_args(kind)[0]
    return sections


def documented_keys(heading: str) -> dict[str, str]:
    """A section's table of configuration.md: key -> the default column as written."""
    text = (DOCS / "configuration.md").read_text(encoding="utf-8")
    assert f"\n## {heading}" in text, f"configuration.md has no section {heading}"
    part = text.split(f"\n## {heading}", 1)[1].split("\n## ", 1)[0]
    return dict(re.findall(r"^\| `([a-z_]+)` \| ([^|]+?) \|", part, re.MULTILINE))


def toml_value(value: object) -> str:
    """A default as the docs write it: ``"3d"``, ``30``, ``true``, ``[]``."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, str):
        return f'"{value}"'
    return str(value)


def test_configuration_tables_name_every_key_with_its_default() -> None:
    sections = config_sections()
    assert {"[store]", "[crawl]", "[smtp]", "[health]", "[[alert]]"} <= set(sections)
    for heading, model in sections.items():
        documented = documented_keys(f"`{heading}`")
        assert set(documented) == set(model.model_fields), heading
        for key, field in model.model_fields.items():
            expected = "required" if field.is_required() else f"`{toml_value(field.default)}`"
            assert documented[key] == expected, f"{heading} {key}"
    top = documented_keys("Top level")
    assert set(top) == set(Config.model_fields) - {s.strip("[]") for s in sections} - {"config_file"}
    assert top["data_dir"] == f"`{toml_value(str(Config.model_fields['data_dir'].default))}`"


def test_readme_configuration_example_is_a_valid_config(tmp_path: Path) -> None:
    example = fenced(README.split("## Configuration and alerts", 1)[1], "toml")[0]
    path = tmp_path / "pantau.toml"
    path.write_text(example, encoding="utf-8")
    config = load_config(path, data_dir=tmp_path, environ={})
    assert config.health.recipients and config.alert


def test_outlets_example_is_a_valid_registry(tmp_path: Path) -> None:
    (example,) = fenced((DOCS / "outlets.md").read_text(encoding="utf-8"), "yaml")
    path = tmp_path / "outlets.yaml"
    path.write_text(example, encoding="utf-8")
    outlets = load_outlets_file(path)
    assert list(outlets) == ["antara-babel", "harian-rakyat-bengkulu"]
    assert outlets["harian-rakyat-bengkulu"].network == "disway"


def test_cli_reference_has_a_section_per_command() -> None:
    documented = set(re.findall(r"^### `pantau ([a-z]+)", CLI_DOC, re.MULTILINE))
    assert documented == {module.rstrip("_") for module in COMMANDS}  # import_.py registers "import"


# -- the outlet format: every key the loader accepts is documented, every example loads ---------------------


def outlets_table(heading: str) -> dict[str, str]:
    """A table of outlets.md: first column (a key) -> the whole row."""
    text = (DOCS / "outlets.md").read_text(encoding="utf-8")
    part = text.split(f"\n## {heading}\n", 1)[1].split("\n## ", 1)[0]
    return {m[1]: m[0] for m in re.finditer(r"^\| `([a-z_]+)` \|.*$", part, re.MULTILINE)}


def test_outlets_doc_names_every_field_the_loader_accepts() -> None:
    """Every key of a file, a network and an outlet, and the keys of the outlet's nested values."""
    assert set(outlets_table("Top level")) == FILE_KEYS
    assert set(outlets_table("Networks")) == NETWORK_KEYS
    rows = outlets_table("Outlet fields")
    assert set(rows) == set(Outlet.model_fields)
    text = (DOCS / "outlets.md").read_text(encoding="utf-8")
    for name, field in Outlet.model_fields.items():
        nested = [k for k in typing.get_args(field.annotation) + (field.annotation,)
                  if isinstance(k, type) and issubclass(k, BaseModel)]
        nested += [a for k in typing.get_args(field.annotation) for a in typing.get_args(k)
                   if isinstance(a, type) and issubclass(a, BaseModel)]
        subsection = text.split(f"\n### `{name}`\n", 1)[1].split("\n## ", 1)[0] if f"### `{name}`" in text else ""
        for model in nested:
            for key in model.model_fields:
                assert re.search(rf"\b{key}\b", rows[name] + subsection), f"{name}.{key} not in docs/outlets.md"


@pytest.mark.parametrize("doc", ["README.md", "docs/outlets.md"])
def test_registry_examples_load(doc: str, tmp_path: Path) -> None:
    """Every whole registry file the docs show (a block that starts with a top-level key) loads."""
    examples = [e for e in fenced((REPO / doc).read_text(encoding="utf-8"), "yaml")
                if re.match(r"(outlets|networks|use_builtin):", e)]
    assert examples
    for number, example in enumerate(examples):
        path = tmp_path / f"example-{number}.yaml"
        path.write_text(example, encoding="utf-8")
        assert load_outlets_file(path), example


# -- the CLI reference names every command, action and option there is, and none that is not ----------------


def command_tree() -> dict[str, argparse.ArgumentParser]:
    """Every parser by its command line: "pantau", "pantau crawl", "pantau outlets add" …"""
    tree: dict[str, argparse.ArgumentParser] = {"pantau": build_parser()}
    for name, parser in list(tree.items()):
        tree |= _children(name, parser)
    return tree


def _children(name: str, parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    found: dict[str, argparse.ArgumentParser] = {}
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for child, sub in action.choices.items():
                found[f"{name} {child}"] = sub
                found |= _children(f"{name} {child}", sub)
    return found


def options(parser: argparse.ArgumentParser) -> set[str]:
    return {o for a in parser._actions for o in a.option_strings if o.startswith("--") and o != "--help"}


def section(text: str, command: str) -> str:
    """The part of cli.md about one command line: its ``####`` subsection if it has one, else the ``###``
    section of the command it belongs to (``pantau alerts flush``: ``pantau alerts``)."""
    found = re.search(rf"^#### `{re.escape(command)}(?! [a-z])[ `].*?(?=^#{{2,4}} )", text,
                      re.MULTILINE | re.DOTALL)
    words = command.split()
    for end in range(len(words), 1, -1):
        found = found or re.search(rf"^### `{re.escape(' '.join(words[:end]))}[ `].*?(?=^#{{2,3}} )", text,
                                   re.MULTILINE | re.DOTALL)
    assert found, f"docs/cli.md has no section for {command}"
    return found[0]


def test_cli_reference_names_every_action_and_option() -> None:
    tree = command_tree()
    invocation = CLI_DOC.split("## Invocation", 1)[1].split("\n## ", 1)[0]
    missing = [f"pantau {o}" for o in options(tree.pop("pantau")) if f"`{o}" not in invocation]
    for command, parser in tree.items():
        text = section(CLI_DOC, command)
        if len(command.split()) > 2 and not re.search(rf"\b{re.escape(command.split()[-1])}\b", text):
            missing.append(command)
        missing += [f"{command} {o}" for o in sorted(options(parser)) if not re.search(rf"`[^`]*{o}\b", text)]
    assert not missing, f"in `pantau … --help` but not in docs/cli.md: {missing}"


def documented_command_lines(text: str) -> list[str]:
    """The command lines docs name in headings and table rows: ``pantau crawl [--only ID]… [--json]``."""
    return re.findall(r"^(?:#{3,4} |\| )`(pantau [a-z][^`]*)`", text, re.MULTILINE)


@pytest.mark.parametrize("doc", ["docs/cli.md", "README.md"])
def test_documented_commands_and_options_exist(doc: str) -> None:
    tree = command_tree()
    lines = documented_command_lines(CLI_DOC if doc == "docs/cli.md" else README)
    assert len(lines) >= len(COMMANDS)
    wrong = []
    for line in lines:
        words = [w for w in re.split(r"[\s\[\]|…]+", line) if w]
        command = "pantau"
        for word in words[1:]:  # the longest command the line starts with
            if f"{command} {word}" not in tree:
                break
            command = f"{command} {word}"
        below = {o for name, p in tree.items() if name == command or name.startswith(command + " ")
                 for o in options(p)}
        if command == "pantau":
            wrong.append(line)
        wrong += [f"{line}: {o}" for o in re.findall(r"--[a-z][a-z-]*", line) if o not in below]
    assert not wrong, f"{doc} names commands or options that do not exist: {wrong}"


def test_readme_command_table_has_a_row_per_command() -> None:
    table = README.split("## Commands", 1)[1].split("\n## ", 1)[0]
    rows = {line.split()[1] for line in documented_command_lines(table)}
    assert rows == {module.rstrip("_") for module in COMMANDS}


@pytest.mark.parametrize("doc", ["docs/cli.md", "README.md"])
def test_search_syntax_table_means_what_it_says(doc: str) -> None:
    """Each query of the table parses; the ones it says are refused are refused."""
    from pantau.store.query import QuerySyntaxError, parse_query

    table = (CLI_DOC if doc == "docs/cli.md" else README).split("| query | finds |", 1)[1].split("\n\n", 1)[0]
    rows = [line.split(" | ") for line in table.splitlines() if line.startswith("| `")]
    assert len(rows) >= 6
    for first, *rest in rows:
        for query in re.findall(r"`([^`]+)`", first):
            if "refused" in " ".join(rest):
                with pytest.raises(QuerySyntaxError):
                    parse_query(query)
            else:
                assert not parse_query(query).empty, query
