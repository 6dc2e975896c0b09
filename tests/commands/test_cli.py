"""The command line as scripts use it: output shapes, filters, exit codes, one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import datetime

import pytest
from helpers import REPO, WIB, make_article, run_cli

from pantau.cli import main
from pantau.models import Region
from pantau.store.sqlite import SQLiteStore

SEED = REPO / "tools" / "seeds" / "antara-babel-sekda-belitung-foto-caleg.txt"
ANALYZE_KEYS = {"language", "title", "published", "body", "tags", "regions", "officials", "quotes"}


def test_analyze_text_matches_the_spec_shape(capsys):
    code, out, _ = run_cli(capsys, "analyze", "--text", str(SEED))
    assert code == 0
    result = json.loads(out)
    assert set(result) >= ANALYZE_KEYS
    assert result["language"] == "id" and result["title"] is None
    assert "netralitas-asn" in result["tags"]
    assert result["body"].count("Kami ingatkan ASN") == 1  # the template's repeat is gone
    for quote in result["quotes"]:
        assert result["body"][quote["start"]:quote["end"]] == quote["text"]
    assert {"province": "Kepulauan Bangka Belitung", "regency": "Kabupaten Belitung"} in result["regions"]


def test_analyze_jsonl_keeps_order_and_ids_and_reports_bad_lines(capsys, monkeypatch):
    import io

    lines = [json.dumps({"id": "a", "text": "Bupati mengimbau ASN netral saat pilkada."}),
             "{bukan json",
             json.dumps({"id": 7, "html": "<html><body><article><p>" + "Isi berita panjang. " * 30
                         + "</p></article></body></html>", "url": "https://contoh.id/berita/1/x"})]
    monkeypatch.setattr(sys, "stdin", io.StringIO("\n".join(lines) + "\n"))
    code, out, err = run_cli(capsys, "analyze", "--jsonl")
    results = [json.loads(line) for line in out.splitlines()]
    assert [r["id"] for r in results] == ["a", None, 7]
    assert "error" in results[1] and "line 2" in results[1]["error"]
    assert set(results[2]) >= ANALYZE_KEYS
    assert code == 2 and err.count("\n") == 1


@pytest.mark.parametrize("argv", [
    ["search", "--limit", "nol"],
    ["search", "--tag", "banjir"],
    ["search", "--since", "kemarin"],
    ["analyze", "--url", "https://a.id/x"],
    ["analyze", "--html", "halaman.html"],
    ["crawl", "--only", "tidak-ada"],
    ["--config", "tidak-ada.toml", "outlets"],
    ["perintah-asing"],
    [],
])
def test_bad_usage_exits_2_with_one_line_on_stderr(capsys, argv, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    try:
        code = main(argv)
    except SystemExit as exc:  # argparse's own exit
        code = exc.code
    _, err = capsys.readouterr()
    assert code == 2
    assert err.count("\n") == 1 and err.startswith("pantau") and "Traceback" not in err


def test_bad_usage_from_a_real_process_has_no_traceback(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "pantau.cli", "search", "--limit", "-3"],
                          capture_output=True, text=True, cwd=tmp_path)
    assert proc.returncode == 2 and proc.stderr.count("\n") == 1


def test_search_and_export_on_a_stored_article(capsys, data_dir):
    store = SQLiteStore(data_dir / "pantau.db")
    store.upsert(make_article("https://a.id/berita/1/x", 'Sekda mengimbau ASN netral. "Jangan unggah foto," katanya.',
                              outlet="a", title="Sekda imbau ASN netral", tags=("netralitas-asn", "imbauan"),
                              regions=(Region("Kepulauan Bangka Belitung", "Kabupaten Belitung"),),
                              speaker="Hendra", published=datetime(2024, 10, 1, 9, tzinfo=WIB)))
    store.close()
    code, out, _ = run_cli(capsys, "--data-dir", str(data_dir), "search", "unggah", "--tag", "imbauan",
                           "--region", "Belitung", "--outlet", "a", "--speaker", "Hendra",
                           "--since", "2024-10-01", "--until", "2024-10-01", "--json")
    hit = json.loads(out)
    assert code == 0 and hit["url"] == "https://a.id/berita/1/x" and "[unggah]" in hit["snippet"]
    assert set(hit) == {"id", "url", "title", "outlet", "published", "tags", "regions", "score", "snippet",
                        "duplicate_of", "speakers", "quotes"}
    code, out, _ = run_cli(capsys, "--data-dir", str(data_dir), "search", "unggah")
    assert code == 0 and "Sekda imbau ASN netral" in out and "[unggah]" in out
    code, out, _ = run_cli(capsys, "--data-dir", str(data_dir), "search", "unggah", "--since", "2024-10-02")
    assert "no articles match" in out
    code, out, _ = run_cli(capsys, "--data-dir", str(data_dir), "export")
    doc = json.loads(out)
    assert {"id", "url", "outlet", "fetched", "duplicate_of", *ANALYZE_KEYS} <= set(doc)
    assert doc["published"] == "2024-10-01T09:00:00+07:00"


def test_outlets_lists_registry_and_sources(capsys):
    code, out, _ = run_cli(capsys, "outlets")
    assert code == 0 and "antara-babel" in out and "feed     https://babel.antaranews.com/rss/terkini.xml" in out
