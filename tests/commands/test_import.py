"""``pantau import``: what ``pantau export`` wrote comes back unchanged; bad lines are named and skipped."""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
from datetime import datetime

import pytest
from helpers import WIB, cli_with_file_size_limit, make_article, run_cli

from pantau.cli import main
from pantau.documents import DocumentError, article_from_doc
from pantau.models import Region
from pantau.store.sqlite import SQLiteStore


@pytest.fixture
def exported(tmp_path, capsys):
    """An export of two stored articles, one with a quote, region and tags."""
    source = tmp_path / "source"
    store = SQLiteStore(source / "pantau.db")
    store.upsert(make_article("https://a.id/berita/1/x", 'Sekda mengimbau ASN netral. "Jangan unggah foto," katanya.',
                              outlet="a", title="Sekda imbau ASN netral", tags=("netralitas-asn", "imbauan"),
                              regions=(Region("Kepulauan Bangka Belitung", "Kabupaten Belitung"),),
                              speaker="Hendra", published=datetime(2024, 10, 1, 9, tzinfo=WIB)))
    store.upsert(make_article("https://b.id/2", "KPU menerima kotak suara.", outlet="b",
                              duplicate_of="https://a.id/berita/1/x"))
    store.close()
    code, out, _ = run_cli(capsys, "--data-dir", str(source), "export")
    assert code == 0 and out.count("\n") == 2
    path = tmp_path / "export.jsonl"
    path.write_text(out, encoding="utf-8")
    return path


def test_export_then_import_gives_the_same_export(exported, tmp_path, capsys):
    target = str(tmp_path / "target")
    code, out, err = run_cli(capsys, "--data-dir", target, "import", str(exported))
    assert (code, err) == (0, "")
    assert out == "imported 2 articles: 2 new, 0 updated, 0 unchanged; 0 lines skipped, 0 refused\n"
    _, again, _ = run_cli(capsys, "--data-dir", target, "export")
    assert again == exported.read_text(encoding="utf-8")
    code, out, _ = run_cli(capsys, "--data-dir", target, "search", "unggah", "--speaker", "Hendra", "--json")
    assert code == 0 and json.loads(out)["url"] == "https://a.id/berita/1/x"


def test_import_again_reports_unchanged(exported, tmp_path, capsys, monkeypatch):
    target = str(tmp_path / "target")
    run_cli(capsys, "--data-dir", target, "import", str(exported))
    monkeypatch.setattr("sys.stdin", io.StringIO(exported.read_text(encoding="utf-8")))
    code, out, _ = run_cli(capsys, "--data-dir", target, "import")  # no file: standard input
    assert code == 0 and "0 new, 0 updated, 2 unchanged" in out


def test_bad_lines_are_named_and_skipped_and_the_rest_stored(exported, tmp_path, capsys):
    good = exported.read_text(encoding="utf-8").splitlines()
    naive = json.loads(good[0]) | {"fetched": "2024-10-02T01:00:00"}
    mixed = tmp_path / "mixed.jsonl"
    mixed.write_text("\n".join(["{not json", good[0], "", json.dumps(naive), "[1, 2]", good[1]]) + "\n", "utf-8")
    target = str(tmp_path / "target")
    code, out, err = run_cli(capsys, "--data-dir", target, "import", str(mixed))
    assert code == 2
    assert err.splitlines() == [
        f"pantau: import: {mixed}:1: skipped, not JSON: Expecting property name enclosed in double quotes",
        f"pantau: import: {mixed}:4: skipped, fetched: Input should have timezone info",
        f"pantau: import: {mixed}:5: skipped, not a JSON object but list",
    ]
    assert "2 new" in out and "3 lines skipped" in out
    assert SQLiteStore(tmp_path / "target" / "pantau.db").count() == 2


def test_missing_file_is_refused_before_anything_is_written(exported, tmp_path, capsys):
    target = tmp_path / "target"
    code, _, err = run_cli(capsys, "--data-dir", str(target), "import", str(exported), str(tmp_path / "nope.jsonl"))
    assert code == 2 and err == f"pantau: error: import: no such file: {tmp_path / 'nope.jsonl'}\n"
    assert not (target / "pantau.db").exists()


@pytest.mark.parametrize(("change", "reason"), [
    ({"url": None}, "url: Input should be a valid string"),
    ({"quotes": [{"text": "x", "speaker": None}]}, "quotes.0.role: Field required (and 2 more)"),
    ({"published": "kemarin"}, "published: Input should be a valid datetime"),
    ({"body": 3, "language": 4}, "language: Input should be a valid string (and 1 more)"),
    ({"url": "a.id/1"}, "url: Value error, not an absolute http(s) URL: 'a.id/1'"),
    ({"url": "javascript:alert(1)"}, "url: Value error, not an absolute http(s) URL"),
    ({"duplicate_of": "https://a.id/1"}, "document: Value error, duplicate_of: an article cannot be a copy of itself"),
    ({"duplicate_of": "/berita/2"}, "duplicate_of: Value error, not an absolute http(s) URL"),
    ({"tags": ["netralitas-asn", "banjir"]}, "tags: Value error, tag(s) not in the taxonomy: ['banjir']"),
    ({"tag_evidence": [{"tag": "imbauan", "sentences": ["x"]}]}, "document: Value error, tag_evidence: 'imbauan' "
                                                                 "is not among the article's tags"),
    ({"quotes": [{"text": "isi", "speaker": None, "role": None, "start": 1, "end": 4}]},
     "document: Value error, quotes.0: the text is not at start 1, end 4 of the body"),
    ({"quotes": [{"text": "isi", "speaker": None, "role": None, "start": 0, "end": 99}]},
     "document: Value error, quotes.0: the text is not at start 0, end 99"),
])
def test_document_errors_name_the_field(change, reason):
    doc = make_article("https://a.id/1", "isi").to_doc() | change
    with pytest.raises(DocumentError) as info:
        article_from_doc(doc)
    assert str(info.value).startswith(reason)


def test_document_round_trip_keeps_every_field():
    article = make_article("https://a.id/1", 'Kata "netral," ujar Sekda.', tags=("imbauan",), speaker="Hendra",
                           regions=(Region("Bengkulu", None),), duplicate_of="https://b.id/2")
    assert article_from_doc(json.loads(json.dumps(article.to_doc()))) == article


def test_a_full_disk_stops_the_import_keeps_whole_batches_and_a_rerun_completes(tmp_path):
    """The disk fills for real (RLIMIT_FSIZE: the kernel refuses writes past it, as on a full disk).

    A batch of 500 of these articles writes about 5 MB: the limit lets the first one in, not the second.
    """
    lines = [json.dumps(make_article(f"https://a.id/berita/{i}/x", f"Artikel {i}. " + " ".join(
        f"kata{(i * 31 + j) % 997}" for j in range(300)), fingerprint=f"f{i}").to_doc()) for i in range(1200)]
    export = tmp_path / "export.jsonl"
    export.write_text("\n".join(lines) + "\n", encoding="utf-8")
    argv = ["--data-dir", str(tmp_path / "data"), "import", str(export)]
    proc = subprocess.run(cli_with_file_size_limit(argv, 8 * 1024 * 1024), capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1 and proc.stdout == ""
    assert re.fullmatch(r"pantau: error: import stopped after \d+ articles \(the last batch not stored\): "
                        r".+; importing again is safe\n", proc.stderr), proc.stderr
    kept = SQLiteStore(tmp_path / "data" / "pantau.db").count()
    assert 0 < kept < 1200 and kept % 500 == 0  # whole batches, nothing half-written
    code = main(argv)
    assert code == 0 and SQLiteStore(tmp_path / "data" / "pantau.db").count() == 1200


def test_the_fingerprint_is_computed_again_and_the_url_stored_canonical():
    doc = make_article("https://a.id/berita/1/x", "Sekda mengimbau ASN netral.", title="Imbauan").to_doc()
    article = article_from_doc(doc | {"fingerprint": "made-up", "url": "HTTPS://A.ID/berita/1/x?utm_source=wa"})
    assert article.fingerprint == doc["fingerprint"] != "made-up"
    assert article.url == "https://a.id/berita/1/x"


def test_import_reads_standard_input_and_pipes(exported, tmp_path):
    """``pantau import -`` and ``pantau import <(zcat x.gz)`` (a /dev/fd path): a pipe is a file too."""
    text = exported.read_text(encoding="utf-8")
    stdin = subprocess.run([sys.executable, "-m", "pantau.cli", "--data-dir", str(tmp_path / "a"), "import", "-"],
                           input=text, capture_output=True, text=True, timeout=60)
    assert stdin.returncode == 0 and "2 new" in stdin.stdout, stdin.stderr
    read_end, write_end = os.pipe()
    proc = subprocess.Popen([sys.executable, "-m", "pantau.cli", "--data-dir", str(tmp_path / "b"), "import",
                             f"/dev/fd/{read_end}"], pass_fds=(read_end,), stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    os.close(read_end)
    with os.fdopen(write_end, "w", encoding="utf-8") as pipe:
        pipe.write(text)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0 and "2 new" in out, err
