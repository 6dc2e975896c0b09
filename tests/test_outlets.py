import lxml.html
import pytest

from crawler.outlets import load_outlets_file, load_registry, select
from pantau.errors import ConfigError

VALID = """outlets:
  - id: contoh-news
    name: Contoh News
    home: https://contoh.id/
    feeds: [https://contoh.id/feed/]
    article_pattern: '^https://contoh\\.id/berita/\\d+/'
"""


def test_builtin_registry_has_the_five_seed_outlets():
    registry = load_registry()
    assert set(registry) >= {"antara-babel", "antara-bengkulu", "belitong-ekspres", "trawang-news", "linesnews"}
    be = registry["belitong-ekspres"]
    assert be.article_regex.match("https://belitongekspres.bacakoran.co/amp/7426/masa-kampanye-pilkada")
    assert be.article_regex.match("https://belitongekspres.bacakoran.co/read/7426/masa-kampanye-pilkada")
    assert registry["antara-babel"].article_regex.match(
        "https://babel.antaranews.com/berita/381390/sekda-belitung-ingatkan-asn")
    assert not registry["antara-babel"].article_regex.match("https://babel.antaranews.com/terkini")


def test_extra_file_adds_and_overrides_by_id(tmp_path):
    path = tmp_path / "o.yaml"
    path.write_text(VALID + VALID.replace("outlets:\n", "").replace("contoh-news", "antara-babel"))
    registry = load_registry([path])
    assert registry["contoh-news"].name == "Contoh News"
    assert registry["antara-babel"].home == "https://contoh.id/"
    assert [o.id for o in select(registry, ["contoh-news"])] == ["contoh-news"]


@pytest.mark.parametrize(("mutation", "fragment"), [
    (("feeds: [https://contoh.id/feed/]", "feeds: []"), "outlet contoh-news: (outlet)"),  # no source
    (("id: contoh-news", "id: Contoh News"), "outlet Contoh News: id"),
    (("'^https://contoh\\.id/berita/\\d+/'", "'^https://(contoh'"), "outlet contoh-news: article_pattern"),
    (("feeds: [https://contoh.id/feed/]", "feeds: [contoh.id/feed]"), "outlet contoh-news: feeds"),
    (("name: Contoh News", "name: Contoh News\n    schedule: 'tiap jam'"), "outlet contoh-news: schedule"),
    (("name: Contoh News", "name: Contoh News\n    lokasi: x"), "outlet contoh-news: lokasi"),
    (("outlets:", "outlets: ["), "not valid YAML"),
])
def test_invalid_file_is_refused_whole_naming_file_outlet_and_field(tmp_path, mutation, fragment):
    path = tmp_path / "bad.yaml"
    path.write_text(VALID.replace(*mutation))
    with pytest.raises(ConfigError) as err:
        load_outlets_file(path)
    assert str(path) in str(err.value) and fragment in str(err.value)


def test_unknown_only_id_is_a_usage_error():
    with pytest.raises(ConfigError, match="unknown outlet id"):
        select(load_registry(), ["tidak-ada"])


HINTED = VALID + """    extraction:
      container: 'div.isi-berita, article .entry-content'
      drop: ['p.promo-inline', '.baca-juga']
"""


def test_extraction_hint_is_read_and_compiled_to_xpath(tmp_path):
    path = tmp_path / "o.yaml"
    path.write_text(HINTED)
    outlet = load_outlets_file(path)["contoh-news"]
    hint = outlet.extraction_hint
    assert hint is not None and hint.container and len(hint.drop) == 2
    tree = lxml.html.fromstring("<html><body><article><div class='entry-content'><p class='promo-inline'>x</p>"
                                "</div></article></body></html>")
    assert [el.get("class") for el in tree.xpath(hint.container)] == ["entry-content"]
    assert [el.get("class") for el in tree.xpath(hint.drop[0])] == ["promo-inline"]
    assert load_outlets_file(tmp_path.joinpath("o.yaml"))["contoh-news"].host == "contoh.id"


@pytest.mark.parametrize(("bad", "field"), [
    ("container: 'div..isi'", "extraction.container"),
    ("drop: ['p[class=']", "extraction.drop"),
    ("wadah: div.isi", "extraction.wadah"),
])
def test_a_bad_extraction_hint_is_refused_naming_the_field(tmp_path, bad, field):
    path = tmp_path / "bad.yaml"
    path.write_text(VALID + f"    extraction:\n      {bad}\n")
    with pytest.raises(ConfigError) as err:
        load_outlets_file(path)
    assert f"outlet contoh-news: {field}" in str(err.value)
