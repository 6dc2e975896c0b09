"""``--write FILE``: one entry added or replaced by id, the rest of the registry file left as it was."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from crawler.outlets import load_outlets_file
from crawler.registry_file import registry_yaml, write_entry
from pantau.errors import ConfigError

REGISTRY = """\
# Regional outlets we watch.
outlets:
  - id: contoh-satu
    name: Contoh Satu
    home: https://satu.contoh.id/
    feeds: [https://satu.contoh.id/feed/]
    # the AMP twins are /amp/berita/<id>/
    article_pattern: '^https://satu\\.contoh\\.id/(amp/)?berita/\\d+/'

  # kept while its sitemap is checked
  - id: contoh-dua
    name: Contoh Dua
    home: https://dua.contoh.id/
    sitemaps: [https://dua.contoh.id/sitemap.xml]
    article_pattern: '^https://dua\\.contoh\\.id/read/\\d+/'

use_builtin: true
"""


def entry(ident: str, name: str = "Baru") -> dict[str, object]:
    return {"id": ident, "name": name, "home": "https://baru.contoh.id/", "feeds": ["https://baru.contoh.id/rss"],
            "article_pattern": r"^https://baru\.contoh\.id/\d{4}/\d{2}/\d{2}/[^/?#-]+(?:-[^/?#-]+){2,}/?$",
            "region": {"province": "Bengkulu", "regency": None}}


def test_new_entry_goes_at_the_end_of_the_outlets_list(tmp_path: Path) -> None:
    path = tmp_path / "outlets.yaml"
    path.write_text(REGISTRY)
    assert write_entry(path, entry("contoh-baru")) == "added"
    text = path.read_text()
    assert text.startswith(REGISTRY.split("\nuse_builtin:")[0])  # everything before is byte for byte the same
    assert text.endswith("\nuse_builtin: true\n")  # other top-level keys stay after the list
    assert list(load_outlets_file(path)) == ["contoh-satu", "contoh-dua", "contoh-baru"]
    assert yaml.safe_load(text)["use_builtin"] is True
    assert load_outlets_file(path)["contoh-baru"].article_regex.pattern == entry("x")["article_pattern"]


def test_same_id_replaces_the_entry_in_place_and_keeps_the_comments(tmp_path: Path) -> None:
    path = tmp_path / "outlets.yaml"
    path.write_text(REGISTRY)
    assert write_entry(path, entry("contoh-satu", "Satu Baru")) == "replaced"
    text = path.read_text()
    assert text.count("id: contoh-satu") == 1 and "# kept while its sitemap is checked" in text
    assert "# Regional outlets we watch." in text
    outlets = load_outlets_file(path)
    assert list(outlets) == ["contoh-satu", "contoh-dua"]
    assert outlets["contoh-satu"].name == "Satu Baru" and outlets["contoh-dua"].name == "Contoh Dua"


def test_missing_file_is_created(tmp_path: Path) -> None:
    path = tmp_path / "new.yaml"
    assert write_entry(path, entry("contoh-baru")) == "added"
    assert path.read_text() == registry_yaml(entry("contoh-baru"))
    assert list(load_outlets_file(path)) == ["contoh-baru"]


def test_an_invalid_result_leaves_the_file_untouched(tmp_path: Path) -> None:
    path = tmp_path / "outlets.yaml"
    broken = REGISTRY.replace("    sitemaps: [https://dua.contoh.id/sitemap.xml]\n", "")  # contoh-dua: no source
    path.write_text(broken)
    with pytest.raises(ConfigError) as refused:
        write_entry(path, entry("contoh-baru"))
    assert str(refused.value).startswith(f"{path}: outlet contoh-dua:")
    assert path.read_text() == broken
    assert [p.name for p in tmp_path.iterdir()] == ["outlets.yaml"]  # no temporary file left behind


def test_a_flow_style_list_is_not_rewritten(tmp_path: Path) -> None:
    path = tmp_path / "outlets.yaml"
    path.write_text("outlets: []\n")
    with pytest.raises(ConfigError, match="add the entry by hand"):
        write_entry(path, entry("contoh-baru"))
    assert path.read_text() == "outlets: []\n"
