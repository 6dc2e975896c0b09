"""``pantau search`` as a person reads it: dates it filters on, notes, copies, quotes in --json, refusals."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest
from helpers import WIB, make_article, run_cli

from pantau.config import load_config
from pantau.errors import ConfigError
from pantau.store.base import PREFIX_TERMS_MAX
from pantau.store.sqlite import SQLiteStore


def _store(data_dir: Path) -> None:
    store = SQLiteStore(data_dir / "pantau.db")
    body = 'Sekda mengimbau ASN netral. "Jangan unggah foto bersama calon," katanya.'
    store.upsert(make_article("https://a.id/1", body, outlet="a", title="Sekda imbau ASN", speaker="Hendra Caya",
                              published=datetime(2024, 10, 1, 9, tzinfo=WIB)))
    store.upsert(make_article("https://b.id/1", body, outlet="b", title="Sekda imbau ASN (salinan)",
                              duplicate_of="https://a.id/1", published=datetime(2024, 10, 2, 9, tzinfo=WIB)))
    store.close()


def test_search_says_which_wib_days_it_keeps(capsys, data_dir):
    _store(data_dir)
    argv = ("--data-dir", str(data_dir), "search", "imbauan")
    _, out, _ = run_cli(capsys, *argv, "--since", "2024-10-01", "--until", "2024-10-31")
    assert out.startswith("published 2024-10-01 00:00 – 2024-10-31 23:59 WIB (UTC+7)\n")
    _, out, _ = run_cli(capsys, *argv, "--since", "2024-10-02")
    assert out.startswith("published on or after 2024-10-02 00:00 WIB (UTC+7)\n")
    _, out, _ = run_cli(capsys, *argv, "--until", "2024-10-01")
    assert out.startswith("published on or before 2024-10-01 23:59 WIB (UTC+7)\n") and "https://a.id/1" in out
    _, out, _ = run_cli(capsys, *argv)
    assert out.startswith(" 1. ")  # no date filter, no date line


def test_a_syndicated_copy_is_marked_and_json_has_quotes_and_speakers(capsys, data_dir):
    _store(data_dir)
    _, out, _ = run_cli(capsys, "--data-dir", str(data_dir), "search", "imbauan")
    copy = out[out.index("(salinan)"):]
    assert "syndicated copy of https://a.id/1" in copy.split("https://b.id/1")[0]
    assert out.count("syndicated copy of") == 1
    _, out, _ = run_cli(capsys, "--data-dir", str(data_dir), "search", "imbauan", "--json")
    hits = {h["url"]: h for h in map(json.loads, out.splitlines())}
    assert hits["https://a.id/1"]["speakers"] == ["Hendra Caya"] and hits["https://a.id/1"]["duplicate_of"] is None
    assert hits["https://a.id/1"]["quotes"] == [
        {"text": "Jangan unggah foto bersama calon,", "speaker": "Hendra Caya", "role": "Sekretaris Daerah"}]
    assert hits["https://b.id/1"]["duplicate_of"] == "https://a.id/1"


def test_a_query_without_words_is_refused_in_one_line(capsys, data_dir):
    _store(data_dir)
    code, out, err = run_cli(capsys, "--data-dir", str(data_dir), "search", "!!")
    assert code == 2 and out == ""
    assert err == "pantau: error: the query '!!' has no word to search for (letters or digits)\n"


def test_exclusion_from_the_command_line(capsys, data_dir):
    _store(data_dir)
    _, out, _ = run_cli(capsys, "--data-dir", str(data_dir), "search", "imbauan -salinan")
    assert "https://a.id/1" in out and "https://b.id/1" not in out
    _, out, _ = run_cli(capsys, "--data-dir", str(data_dir), "search", "--", "-salinan")
    assert "https://a.id/1" in out and "https://b.id/1" not in out


def test_a_capped_prefix_is_noted_on_stderr(capsys, data_dir):
    store = SQLiteStore(data_dir / "pantau.db")
    store.upsert(make_article("https://a.id/1", " ".join(f"ka{i:04d}" for i in range(PREFIX_TERMS_MAX + 1))))
    store.close()
    code, out, err = run_cli(capsys, "--data-dir", str(data_dir), "search", "ka*")
    assert code == 0 and "https://a.id/1" in out
    assert err.startswith(f"pantau: note: ka* starts more than {PREFIX_TERMS_MAX} words") and err.count("\n") == 1


def test_an_alert_rule_query_without_words_is_refused_at_load(tmp_path):
    path = tmp_path / "pantau.toml"
    path.write_text('[[alert]]\nname = "a"\nrecipients = ["x@y.id"]\nquery = "--"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"\[\[alert\]\] #1\.query.*has no word to search for"):
        load_config(path, environ={})
