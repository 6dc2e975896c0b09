from pantau.urls import article_id, canonical_url


def test_amp_twin_of_bacakoran_maps_to_read_page():
    assert canonical_url("https://belitongekspres.bacakoran.co/amp/7426/judul-berita") == \
        "https://belitongekspres.bacakoran.co/read/7426/judul-berita"


def test_tracking_and_amp_parameters_are_dropped_and_query_sorted():
    url = "https://babel.antaranews.com/berita/381390/x?utm_source=fb&b=2&amp=1&a=1&fbclid=abc#komentar"
    assert canonical_url(url) == "https://babel.antaranews.com/berita/381390/x?a=1&b=2"


def test_amp_suffix_host_prefix_and_default_port():
    assert canonical_url("HTTPS://amp.Example.co.id:443/2024/10/01/judul/amp/") == \
        "https://example.co.id/2024/10/01/judul"
    assert canonical_url("http://127.0.0.1:8081/berita/1/x") == "http://127.0.0.1:8081/berita/1/x"


def test_article_id_is_deterministic_per_url():
    assert article_id("https://a.id/x") == article_id("https://a.id/x") != article_id("https://a.id/y")
