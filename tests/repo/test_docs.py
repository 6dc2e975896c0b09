"""The contracts in docs/ agree with the code: their examples load, their tables name what exists."""

from __future__ import annotations

import re
from pathlib import Path

from helpers import REPO

from crawler.outlets import load_outlets_file
from pantau.analysis.taxonomy import TAGS
from pantau.cli import COMMANDS
from pantau.config import load_config

DOCS = REPO / "docs"


def fenced(name: str, language: str) -> list[str]:
    text = (DOCS / name).read_text(encoding="utf-8")
    return re.findall(rf"^```{language}\n(.*?)^```", text, re.MULTILINE | re.DOTALL)


def test_taxonomy_table_lists_every_tag_with_its_labels() -> None:
    rows = re.findall(r"^\| `([a-z0-9-]+)` \| ([^|]+) \| ([^|]+) \|", (DOCS / "taxonomy.md").read_text(), re.MULTILINE)
    assert {tag: (label_id.strip(), label_en.strip()) for tag, label_id, label_en in rows} == TAGS


def test_configuration_example_is_a_valid_config(tmp_path: Path) -> None:
    (example,) = fenced("configuration.md", "toml")
    path = tmp_path / "pantau.toml"
    path.write_text(example, encoding="utf-8")
    config = load_config(path, data_dir=tmp_path, environ={})
    assert [rule.name for rule in config.alert] == ["imbauan-babel", "pelanggaran-harian"]


def test_configuration_tables_name_every_key_of_each_section() -> None:
    from pantau.config import AlertRule, CrawlConfig, SmtpConfig, StoreConfig

    text = (DOCS / "configuration.md").read_text(encoding="utf-8")
    for heading, model in (("[store]", StoreConfig), ("[crawl]", CrawlConfig), ("[smtp]", SmtpConfig),
                           ("[[alert]] rules", AlertRule)):
        section = text.split(f"## `{heading.split(' ')[0]}`")[1].split("\n## ")[0]
        documented = set(re.findall(r"^\| `([a-z_]+)` \|", section, re.MULTILINE))
        assert documented == set(model.model_fields), heading


def test_outlets_example_is_a_valid_registry(tmp_path: Path) -> None:
    (example,) = fenced("outlets.md", "yaml")
    path = tmp_path / "outlets.yaml"
    path.write_text(example, encoding="utf-8")
    assert list(load_outlets_file(path)) == ["antara-babel"]


def test_cli_reference_has_a_section_per_command() -> None:
    documented = set(re.findall(r"^### `pantau ([a-z]+)", (DOCS / "cli.md").read_text(), re.MULTILINE))
    assert documented == {module.rstrip("_") for module in COMMANDS}  # import_.py registers "import"
