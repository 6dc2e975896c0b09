"""Every subcommand explains itself: a description, and a help line with its default for every option."""

from __future__ import annotations

import argparse

import pytest

from pantau.cli import build_parser


def _subparsers(parser: argparse.ArgumentParser, prefix: str = "pantau") -> list[tuple[str, argparse.ArgumentParser]]:
    found = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                found.append((f"{prefix} {name}", sub))
                found += _subparsers(sub, f"{prefix} {name}")
    return found


COMMANDS = _subparsers(build_parser())


def test_every_command_is_listed() -> None:
    names = {name.split()[1] for name, _ in COMMANDS}
    assert {"crawl", "search", "analyze", "export", "import", "outlets", "demo", "schedule", "status", "alerts",
            "kibana", "index", "browse"} <= names


@pytest.mark.parametrize(("name", "parser"), COMMANDS, ids=[n for n, _ in COMMANDS])
def test_description_and_option_help_with_default(name: str, parser: argparse.ArgumentParser) -> None:
    assert parser.description and len(parser.description) > 20, f"{name}: no description"
    for action in parser._actions:
        if isinstance(action, (argparse._HelpAction, argparse._SubParsersAction)):
            continue
        label = "/".join(action.option_strings) or action.dest
        assert action.help and action.help != argparse.SUPPRESS, f"{name} {label}: no help"
        if action.option_strings and not isinstance(action, argparse._VersionAction):
            assert "default" in action.help, f"{name} {label}: help does not state the default"


def test_global_options_state_their_defaults() -> None:
    for action in build_parser()._actions:
        if action.option_strings and not isinstance(action, (argparse._HelpAction, argparse._VersionAction)):
            assert action.help and "default" in action.help, action.option_strings
