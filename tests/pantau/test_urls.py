from pantau.urls import article_id, canonical_url, declared_canonical


def test_generic_rules_leave_network_conventions_to_the_registry():
    # A trailing number is a page on Disway sites but a date part elsewhere: only an outlet's rewrites
    # (tests/crawler/test_outlets.py) may drop it. The generic AMP rule only strips the /amp prefix.
    assert canonical_url("https://batengupdate.com/2024/05/21") == "https://batengupdate.com/2024/05/21"
    assert canonical_url("https://contoh.id/amp/berita/7426/judul") == "https://contoh.id/berita/7426/judul"


def test_tracking_and_amp_parameters_are_dropped_and_query_sorted():
    url = "https://babel.antaranews.com/berita/381390/x?utm_source=fb&b=2&amp=1&a=1&fbclid=abc#komentar"
    assert canonical_url(url) == "https://babel.antaranews.com/berita/381390/x?a=1&b=2"


def test_amp_suffix_host_prefix_and_default_port():
    assert canonical_url("HTTPS://amp.Example.co.id:443/2024/10/01/judul/amp/") == \
        "https://example.co.id/2024/10/01/judul"
    assert canonical_url("http://127.0.0.1:8081/berita/1/x") == "http://127.0.0.1:8081/berita/1/x"


def test_article_id_is_deterministic_per_url():
    assert article_id("https://a.id/x") == article_id("https://a.id/x") != article_id("https://a.id/y")


def test_declared_canonical_any_attribute_order_quoting_and_entities() -> None:
    page = ('<html><head><meta charset="utf-8"><link rel="amphtml" href="/amp/1/x">'
            "<LINK href='https://a.example/read/1/x?p=1&amp;q=2' REL='Canonical'></head><body></body></html>")
    assert declared_canonical(page) == "https://a.example/read/1/x?p=1&q=2"
    assert declared_canonical('<head><link rel=canonical href=/berita/2/y></head>') == "/berita/2/y"


def test_declared_canonical_only_in_the_head() -> None:
    # a canonical link quoted in the body (an embed, a code sample) does not name this page
    page = '<html><head><title>x</title></head><body><link rel="canonical" href="https://other.example/"></body>'
    assert declared_canonical(page) is None
    assert declared_canonical('<head><link rel="canonical" href="  "></head>') is None
