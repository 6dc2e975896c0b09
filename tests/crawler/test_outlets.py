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

NETWORK = """networks:
  - id: kabar
    name: Jaringan Kabar
    evidence: ["https://kabar.id/tentang (the network's own page)"]
    template:
      home: https://{host}/
      feeds: ['https://{host}/rss']
      article_pattern: '^https://{host}/(read|amp)/\\d+/'
      example_article: https://{host}/read/1/judul-berita
      canonical_rewrites:
        - {pattern: '^/amp/(\\d+)/', replace: '/read/\\1/'}
        - {pattern: '^(/read/\\d+/[^/?]+)/\\d+/?(?=\\?|$)', replace: '\\1'}
    members:
      - {id: kabar-babel, name: Kabar Babel, host: babel.kabar.id, region: {province: Kepulauan Bangka Belitung}}
      - {id: kabar-bengkulu, name: Kabar Bengkulu, host: bengkulu.kabar.id, enabled: false,
         listings: ['https://{host}/kategori/{subdomain}']}
"""


def registry_file(tmp_path, text):
    path = tmp_path / "o.yaml"
    path.write_text(text)
    return path


# URLs of the seed outlets as the evidence shows them (crawler/outlets.yaml `evidence:`), and pages of the same
# hosts that are not articles: what each outlet's pattern must tell apart.
@pytest.mark.parametrize(("outlet", "url", "article"), [
    # Belitong Ekspres moved to bacakoran.co; its AMP twin and page N are the story, the old host is not it
    ("belitong-ekspres", "https://belitongekspres.bacakoran.co/amp/7426/masa-kampanye-pilkada", True),
    ("belitong-ekspres", "https://belitongekspres.bacakoran.co/read/7426/masa-kampanye-pilkada/15", True),
    ("belitong-ekspres", "https://belitongekspres.disway.id/read/643051/4-kapal-layani-pemudik", False),
    ("belitong-ekspres", "https://belitongekspres.bacakoran.co/", False),
    ("linesnews", "https://linesnews.co.id/dalang-penyelundupan-25-ton-timah/", True),
    ("linesnews", "https://linesnews.id/dalang-penyelundupan-25-ton-timah/", False),
    ("antara-babel", "https://babel.antaranews.com/berita/381390/sekda-belitung-ingatkan-asn", True),
    ("antara-babel", "https://babel.antaranews.com/amp/berita/381390/sekda-belitung-ingatkan-asn", True),
    ("antara-babel", "https://babel.antaranews.com/terkini", False),
    # Tribun's 2025 scheme /<section>/<id>/<slug> next to the dated one; an advertorial is not news
    ("bangka-pos", "https://bangka.tribunnews.com/lokal/1686511/tarif-penyeberangan-sadai-belitung", True),
    ("bangka-pos", "https://bangka.tribunnews.com/2024/10/04/judul-berita", True),
    ("bangka-pos", "https://bangka.tribunnews.com/iklan-online/1686511/promo", False),
])
def test_builtin_patterns_tell_evidenced_articles_from_other_pages(outlet, url, article):
    assert load_registry()[outlet].is_article(url) is article


def test_extra_file_adds_and_overrides_by_id(tmp_path):
    path = registry_file(tmp_path, VALID + VALID.replace("outlets:\n", "").replace("contoh-news", "antara-babel"))
    registry = load_registry([path])
    assert registry["contoh-news"].name == "Contoh News"
    assert registry["antara-babel"].home == "https://contoh.id/"
    assert registry["antara-babel"].network is None  # replaced whole, not merged with the ANTARA template
    assert [o.id for o in select(registry, ["contoh-news"])] == ["contoh-news"]


def test_a_file_with_use_builtin_false_is_the_whole_registry(tmp_path):
    path = registry_file(tmp_path, "use_builtin: false\n" + VALID)
    assert list(load_registry([path])) == ["contoh-news"]
    assert len(load_registry([registry_file(tmp_path, VALID)])) > 60


def test_network_members_expand_into_plain_outlets(tmp_path):
    outlets = load_outlets_file(registry_file(tmp_path, NETWORK))
    babel, bengkulu = outlets["kabar-babel"], outlets["kabar-bengkulu"]
    assert babel.home == "https://babel.kabar.id/" and babel.feeds == ("https://babel.kabar.id/rss",)
    assert babel.article_pattern == r"^https://babel\.kabar\.id/(read|amp)/\d+/"  # the host is escaped in a regex
    assert babel.example_article == "https://babel.kabar.id/read/1/judul-berita"
    assert babel.network == "kabar" and babel.enabled and babel.region is not None
    assert bengkulu.listings == ("https://bengkulu.kabar.id/kategori/bengkulu",)  # a member key replaces the template's
    assert not bengkulu.enabled
    assert not babel.is_article("https://bengkulu.kabar.id/read/1/judul")


@pytest.mark.parametrize(("url", "story"), [
    ("https://babel.kabar.id/read/21186/judul-berita/15", "https://babel.kabar.id/read/21186/judul-berita"),
    ("https://babel.kabar.id/read/21186/judul-berita/15/", "https://babel.kabar.id/read/21186/judul-berita"),
    ("https://babel.kabar.id/amp/21186/judul-berita/3", "https://babel.kabar.id/read/21186/judul-berita"),
    ("https://babel.kabar.id/read/21186/judul-berita/2?utm_source=wa",
     "https://babel.kabar.id/read/21186/judul-berita?utm_source=wa"),
    ("https://babel.kabar.id/read/21186/judul-berita", "https://babel.kabar.id/read/21186/judul-berita"),
    ("https://babel.kabar.id/read/21186/15-tahun-kabar", "https://babel.kabar.id/read/21186/15-tahun-kabar"),
])
def test_page_numbers_and_amp_twins_are_one_story_by_the_networks_rewrites(tmp_path, url, story):
    outlet = load_outlets_file(registry_file(tmp_path, NETWORK))["kabar-babel"]
    assert outlet.story_url(url) == story
    assert outlet.canonical(url) == "https://babel.kabar.id/read/21186/" + story.split("/")[-1].split("?")[0]


def test_rewrites_belong_to_their_outlet_only(tmp_path):
    # A trailing number on an outlet without the rule is part of the address (a date, an id).
    outlet = load_outlets_file(registry_file(tmp_path, VALID))["contoh-news"]
    assert outlet.canonical("https://contoh.id/berita/2024/05/21") == "https://contoh.id/berita/2024/05/21"


def test_disabled_outlets_are_listed_but_only_crawled_when_named(tmp_path):
    registry = load_outlets_file(registry_file(tmp_path, NETWORK))
    assert [o.id for o in select(registry, [])] == ["kabar-babel"]
    assert [o.id for o in select(registry, ["kabar-bengkulu"])] == ["kabar-bengkulu"]


@pytest.mark.parametrize(("mutation", "fragment"), [
    (("feeds: [https://contoh.id/feed/]", "feeds: []"), "outlet contoh-news: (outlet)"),  # no source
    (("id: contoh-news", "id: Contoh News"), "outlet Contoh News: id"),
    (("'^https://contoh\\.id/berita/\\d+/'", "'^https://(contoh'"), "outlet contoh-news: article_pattern"),
    (("feeds: [https://contoh.id/feed/]", "feeds: [contoh.id/feed]"), "outlet contoh-news: feeds"),
    (("name: Contoh News", "name: Contoh News\n    schedule: 'tiap jam'"), "outlet contoh-news: schedule"),
    (("name: Contoh News", "name: Contoh News\n    lokasi: x"), "outlet contoh-news: lokasi"),
    (("outlets:", "outlets: ["), "not valid YAML"),
    (("name: Contoh News", "name: Contoh News\n    example_article: https://contoh.id/foto/1/x"),
     "does not match example_article"),
    (("'^https://contoh\\.id/berita/\\d+/'", "'^https://contoh\\.id/'"), "matches a page that is not an article"),
    (("name: Contoh News", "name: Contoh News\n    canonical_rewrites: [{pattern: '^/(a)/', replace: '\\2'}]"),
     "outlet contoh-news: canonical_rewrites.0"),
    (("outlets:", "use_builtin: 'no'\noutlets:"), "use_builtin"),
])
def test_invalid_file_is_refused_whole_naming_file_outlet_and_field(tmp_path, mutation, fragment):
    path = registry_file(tmp_path, VALID.replace(*mutation))
    with pytest.raises(ConfigError) as err:
        load_outlets_file(path)
    assert str(path) in str(err.value) and fragment in str(err.value)


@pytest.mark.parametrize(("mutation", "fragment"), [
    (("host: babel.kabar.id", "host: 'https://babel.kabar.id/'"), "outlet kabar-babel (network kabar): host"),
    (("kategori/{subdomain}", "kategori/{kota}"), "outlet kabar-bengkulu (network kabar): unknown placeholder {kota}"),
    (("name: Kabar Babel", "name: Kabar Babel, lokasi: x"), "outlet kabar-babel (network kabar): lokasi"),
    (("  - id: kabar\n", "  - id: kabar\n    anggota: []\n"), "network kabar: anggota"),
    (("id: kabar-bengkulu", "id: kabar-babel"), "outlet kabar-babel: id: duplicate id"),
    (("    members:\n", "    members: []\n    unused:\n"), "network kabar: needs a 'template' mapping"),
])
def test_invalid_network_is_refused_naming_network_member_and_field(tmp_path, mutation, fragment):
    path = registry_file(tmp_path, NETWORK.replace(*mutation))
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
