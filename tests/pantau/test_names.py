"""Region and outlet names people type are resolved to what articles carry, or refused with a suggestion."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from helpers import WIB, make_article, run_cli, run_pantau

from pantau.alerts.rules import rule_matches
from pantau.analysis.region_names import UnknownRegion, official_region, resolve_region
from pantau.config import AlertRule, load_config
from pantau.errors import ConfigError
from pantau.models import Region
from pantau.store.base import SearchRequest
from pantau.store.sqlite import SQLiteStore


@pytest.mark.parametrize(("typed", "official"), [
    ("Babel", "Kepulauan Bangka Belitung"),
    ("bangka belitung", "Kepulauan Bangka Belitung"),
    ("KEPULAUAN BANGKA BELITUNG", "Kepulauan Bangka Belitung"),
    ("Basel", "Kabupaten Bangka Selatan"),
    ("Kab. Belitung", "Kabupaten Belitung"),
    ("kabupaten  belitung", "Kabupaten Belitung"),
    ("Belitung", "Kabupaten Belitung"),
    ("Provinsi Bengkulu", "Bengkulu"),
    ("Bengkulu", "Bengkulu"),  # the province, which covers its capital
    ("Kota Bengkulu", "Kota Bengkulu"),
    ("Bogor", "Bogor"),  # regency and city: both (the stores read a bare name as Kabupaten X or Kota X)
    ("Jaksel", "Kota Administrasi Jakarta Selatan"),
])
def test_region_names_resolve_to_official_names(typed: str, official: str) -> None:
    assert resolve_region(typed) == official


@pytest.mark.parametrize(("typed", "hint"), [
    ("Belitong", "did you mean 'Belitung'?"),
    ("Babell", "did you mean 'Babel'"),
    ("Atlantis", "give a province or a regency/city"),
])
def test_unknown_regions_are_refused_in_one_line_with_a_hint(typed: str, hint: str) -> None:
    with pytest.raises(UnknownRegion) as info:
        resolve_region(typed)
    assert str(info.value).startswith(f"unknown region {typed!r}") and hint in str(info.value)
    assert "\n" not in str(info.value)


@pytest.mark.parametrize("typed", ["Bengkulu", "provinsi bengkulu", "Prov. Bengkulu", "Propinsi Bengkulu"])
def test_outlets_add_reads_a_province_as_search_and_rules_do(typed: str) -> None:
    assert resolve_region(typed) == "Bengkulu" == official_region(typed, None).province


def test_a_name_shared_by_a_regency_and_a_city_matches_both_in_store_and_rules(data_dir: Path) -> None:
    """"Bogor" stays bare when resolved; the store (with and without words) and a rule read it as both."""
    store = SQLiteStore(data_dir / "pantau.db")
    places = {"https://a.id/kab": Region("Jawa Barat", "Kabupaten Bogor"),
              "https://a.id/kota": Region("Jawa Barat", "Kota Bogor"),
              "https://a.id/bekasi": Region("Jawa Barat", "Kota Bekasi")}
    docs = []
    for url, region in places.items():
        article = make_article(url, "ASN diimbau netral.", tags=("netralitas-asn",), regions=(region,))
        store.upsert(article)
        docs.append(article.to_doc())
    bogor = resolve_region("bogor")
    assert {h.url for h in store.search(SearchRequest(query="ASN", region=bogor))} == \
        {h.url for h in store.search(SearchRequest(region=bogor))} == {"https://a.id/kab", "https://a.id/kota"}
    rule = AlertRule(name="bogor", recipients=["a@b.id"], regions=[bogor])
    assert [d["url"] for d in docs if rule_matches(rule, d, store)] == ["https://a.id/kab", "https://a.id/kota"]


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "pantau.toml"
    path.write_text(text)
    return path


def test_alert_rule_regions_load_as_official_names_and_match(tmp_path: Path, data_dir: Path) -> None:
    path = write(tmp_path, '[[alert]]\nname = "babel"\nrecipients = ["a@b.id"]\nregions = ["Babel", "basel"]\n')
    rule = load_config(path, environ={}).alert[0]
    assert rule.regions == ["Kepulauan Bangka Belitung", "Kabupaten Bangka Selatan"]
    store = SQLiteStore(data_dir / "pantau.db")
    in_babel = make_article("https://a.id/1", "ASN diimbau netral.", tags=("netralitas-asn",),
                            regions=(Region("Kepulauan Bangka Belitung", "Kabupaten Belitung"),)).to_doc()
    elsewhere = make_article("https://a.id/2", "ASN diimbau netral.", tags=("netralitas-asn",),
                             regions=(Region("Bengkulu", None),)).to_doc()
    assert rule_matches(rule, in_babel, store) and not rule_matches(rule, elsewhere, store)


def test_an_unknown_region_in_a_rule_is_refused_at_load(tmp_path: Path) -> None:
    path = write(tmp_path, '[[alert]]\nname = "x"\nrecipients = ["a@b.id"]\nregions = ["Bangka Belitong"]\n')
    with pytest.raises(ConfigError) as info:
        load_config(path, environ={})
    assert "[[alert]] #1.regions" in str(info.value) and "did you mean 'Bangka Belitung'" in str(info.value)


def test_an_unknown_outlet_in_a_rule_is_refused_by_crawl_and_schedule(tmp_path: Path) -> None:
    path = write(tmp_path, '[[alert]]\nname = "x"\nrecipients = ["a@b.id"]\noutlets = ["antara-bbel"]\n')
    for command in (["crawl", "--only", "antara-babel"], ["schedule"]):
        proc = run_pantau("--config", str(path), "--data-dir", str(tmp_path / "data"), *command, timeout=60)
        assert proc.returncode == 2 and proc.stderr.count("\n") == 1, proc.stderr
        assert "[[alert]] x: outlets: unknown outlet 'antara-bbel'; did you mean 'antara-babel'" in proc.stderr


def test_an_unknown_outlet_to_crawl_is_refused_with_a_suggestion(tmp_path: Path) -> None:
    proc = run_pantau("--data-dir", str(tmp_path / "data"), "crawl", "--only", "antara-bengkolu", timeout=60)
    assert proc.returncode == 2 and "did you mean 'antara-bengkulu'" in proc.stderr


@pytest.fixture
def stored(data_dir: Path) -> Path:
    store = SQLiteStore(data_dir / "pantau.db")
    store.upsert(make_article("https://a.id/berita/1/x", "Sekda Belitung mengimbau ASN netral.", outlet="contoh",
                              tags=("netralitas-asn",), published=datetime(2024, 10, 1, 9, tzinfo=WIB),
                              regions=(Region("Kepulauan Bangka Belitung", "Kabupaten Belitung"),)))
    store.close()
    return data_dir


@pytest.mark.parametrize("region", ["Babel", "Kab. Belitung", "belitung", "Kepulauan Bangka Belitung"])
def test_search_region_takes_short_and_official_names(stored: Path, capsys: pytest.CaptureFixture[str],
                                                      region: str) -> None:
    code, out, _ = run_cli(capsys, "--data-dir", str(stored), "search", "ASN", "--region", region)
    assert code == 0 and "https://a.id/berita/1/x" in out


def test_search_refuses_an_unknown_region_and_outlet(stored: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        run_cli(capsys, "--data-dir", str(stored), "search", "ASN", "--region", "Belitong")
    _, err = capsys.readouterr()
    assert exit_info.value.code == 2 and "did you mean 'Belitung'" in err and err.count("\n") == 1
    code, _, err = run_cli(capsys, "--data-dir", str(stored), "search", "ASN", "--outlet", "antara-babell")
    assert code == 2 and err.startswith("pantau: error: unknown outlet 'antara-babell'; did you mean 'antara-babel'")
    assert err.count("\n") == 1
    code, out, _ = run_cli(capsys, "--data-dir", str(stored), "search", "ASN", "--outlet", "contoh")
    assert code == 0 and "https://a.id/berita/1/x" in out  # not registered, but stored (imported): known
