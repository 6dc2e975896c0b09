"""``pantau browse`` over HTTP: read-only, the search semantics of ``pantau search``, the Kibana saved
searches as canned queries, the dashboard's queries and nothing else, one-line errors."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from helpers import REPO, TESTS, free_port, run_pantau

from pantau.browse.config import dashboard, saved_search_titles
from pantau.browse.plugin import dashboard_queries

PREVIOUS_RELEASE = TESTS / "data" / "pantau-db-59542a1" / "pantau.db"  # see its README


@dataclass
class Demo:
    dir: Path
    stdout: str
    stderr: str


@pytest.fixture(scope="session")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Demo:
    """What ``pantau demo`` prints and the data dir it fills: the fixture site crawled by the real spider."""
    data = tmp_path_factory.mktemp("browse-data")
    proc = run_pantau("--data-dir", str(data), "demo", timeout=300)
    assert proc.returncode == 0, proc.stderr
    return Demo(data / "demo", proc.stdout, proc.stderr)


@pytest.fixture(scope="session")
def demo_dir(demo: Demo) -> Path:
    return demo.dir


@dataclass
class Browse:
    url: str
    db: Path


def start_browse(data_dir: Path, *extra: str) -> tuple[subprocess.Popen[str], str]:
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "pantau.cli", "--data-dir", str(data_dir), "browse",
                             "--port", str(port), *extra], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            text=True)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(url + "/-/versions.json", timeout=2):
                return proc, url
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                raise AssertionError(f"pantau browse did not start: {proc.communicate()[0]}") from None
            time.sleep(0.2)


@pytest.fixture(scope="session")
def browse(demo_dir: Path) -> Iterator[Browse]:
    proc, url = start_browse(demo_dir)
    yield Browse(url, demo_dir / "pantau.db")
    proc.terminate()
    proc.wait(timeout=10)


def get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode("utf-8")


def rows(browse: Browse, path: str, **args: str) -> list[dict[str, Any]]:
    status, body = get(f"{browse.url}{path}.json?" + urllib.parse.urlencode({**args, "_shape": "array"}))
    assert status == 200, body
    return list(json.loads(body))


def cli_search(data_dir: Path, query: str) -> set[str]:
    proc = run_pantau("--data-dir", str(data_dir), "search", query, "--limit", "100", "--json")
    assert proc.returncode == 0, proc.stderr
    return {json.loads(line)["url"] for line in proc.stdout.splitlines()}


def test_demo_says_how_to_browse_and_prints_nothing_needless(demo: Demo) -> None:
    assert demo.stdout.rstrip().splitlines()[-1] == (
        f"See it in a browser: pantau --data-dir {demo.dir} browse, then open http://127.0.0.1:8001/ "
        "(needs pip install 'pantau[browse]')")
    quotes = [line for line in demo.stdout.splitlines() if line.startswith("  - ")]
    assert quotes and all(line.endswith("”") for line in quotes)
    assert all(re.search(r"(\w…|[^…])”$", line) for line in quotes)  # cut at a word, marked only when cut
    assert "Disabled" not in demo.stderr and "AlertsPipeline" not in demo.stderr  # no alert rules: no warning
    for line in demo.stderr.splitlines():
        assert not re.search(r"fetched 0, new 0, updated 0, unchanged 0, duplicates 0, known 0, errors 0", line)


def test_search_means_what_pantau_search_means(browse: Browse, demo_dir: Path) -> None:
    for query in ("imbauan", "kenetralan", '"kepala desa"', "netral*", "imbauan -kampanye", "bawaslu OR kpu"):
        found = {r["url"] for r in rows(browse, "/pantau/article_list", _q=query, _size="max")}
        assert found == cli_search(demo_dir, query), query
    assert len(rows(browse, "/pantau/article_list", _q="imbauan")) >= 3  # mengimbau, imbau: the word forms


def test_facets_narrow_a_search(browse: Browse) -> None:
    hits = rows(browse, "/pantau/article_list", _q="imbauan")
    tagged = rows(browse, "/pantau/article_list", _q="imbauan", tags__arraycontains="netralitas-asn")
    assert tagged and len(tagged) < len(hits)
    assert all("netralitas-asn" in json.loads(r["tags"]) for r in tagged)
    status, page = get(f"{browse.url}/pantau/article_list?_q=imbauan")
    for facet in ("tags", "provinces", "regencies", "outlet", "speakers", "language", "month"):
        assert f'data-column="{facet}"' in page, facet


def test_a_query_without_words_is_refused(browse: Browse) -> None:
    status, body = get(f"{browse.url}/pantau/article_list.json?_q=%21%21")
    assert status == 400 and "has no word to search for" in body


def test_canned_queries_are_the_kibana_saved_searches(browse: Browse) -> None:
    status, body = get(f"{browse.url}/pantau.json")
    queries = {q["name"] for q in json.loads(body)["queries"]}
    assert queries == {search.removeprefix("pantau-search-") for search in saved_search_titles()}
    # each returns exactly the articles its Kibana query means, read from the whole article list
    everything = rows(browse, "/pantau/article_list", _size="max")
    for name, means in (("imbauan", lambda r: "imbauan" in json.loads(r["tags"])),
                        ("pelanggaran", lambda r: {"dugaan-pelanggaran", "sanksi"} & set(json.loads(r["tags"]))),
                        ("kutipan", lambda r: json.loads(r["speakers"]))):
        expected = sorted(r["id"] for r in everything if means(r))
        assert expected and sorted(r["id"] for r in rows(browse, f"/pantau/{name}")) == expected, name


def test_article_page_shows_tags_with_evidence_and_quotes_with_speakers(browse: Browse) -> None:
    article = next(r for r in rows(browse, "/pantau/kutipan") if json.loads(r["tags"]))
    status, page = get(f"{browse.url}/-/pantau/article/{article['id']}")
    assert status == 200
    assert article["title"] in page.replace("&#39;", "'") and "Topik" in page and "Kutipan" in page
    for speaker in json.loads(article["speakers"]):
        assert speaker in page
    for tag in json.loads(article["tags"]):  # every tag, each next to an evidence sentence
        assert f'data-tag="{tag}"' in page
    assert 0 < page.count('class="evidence"') <= len(json.loads(article["tags"]))
    assert get(f"{browse.url}/-/pantau/article/{'0' * 40}")[0] == 404


def test_demo_and_browse_name_the_antara_original_as_the_source_of_its_republication(demo: Demo,
                                                                                      browse: Browse) -> None:
    """The demo crawls every outlet at once, so either page of the syndicated story may be stored first."""
    listed = {r["outlet"]: r for r in rows(browse, "/pantau/article_list", _q='"foto bersama caleg"')}
    original, copy = listed["antara-babel"], listed["kabar-serumpun"]
    assert (original["duplicate_of"], copy["duplicate_of"]) == (None, original["url"])
    searched = demo.stdout.split('search "netralitas ASN"')[1].split("\nWho said what")[0]
    hits = re.split(r"(?m)^ *\d+\. ", searched)[1:]  # one block per hit, its URL on its last line
    by_url = {hit.strip().splitlines()[-1].strip(): hit for hit in hits}
    assert f"syndicated copy of {original['url']}" in by_url[copy["url"]]
    assert "syndicated copy" not in by_url[original["url"]]
    status, page = get(f"{browse.url}/-/pantau/article/{copy['id']}")
    assert status == 200 and f'Salinan sindikasi dari <a href="{original["url"]}">' in page


def test_arbitrary_sql_is_off_but_the_dashboard_queries_run(browse: Browse) -> None:
    assert get(f"{browse.url}/pantau.json?sql=select+1")[0] == 403
    for query in sorted(dashboard_queries()):
        args = {"sql": query, "_shape": "objects", "date_start": "2023-01-01", "date_end": "2030-01-01"}
        status, body = get(f"{browse.url}/pantau.json?" + urllib.parse.urlencode(args))
        assert status == 200 and json.loads(body)["rows"], query
    assert len(dashboard_queries()) == 4 * len(dashboard()["charts"])  # each chart, with and without each date


def test_sql_is_allowed_with_allow_sql(demo_dir: Path) -> None:
    proc, url = start_browse(demo_dir, "--allow-sql")
    try:
        status, body = get(f"{url}/pantau.json?sql=select+count(*)+as+n+from+articles&_shape=array")
        assert status == 200 and json.loads(body)[0]["n"] > 0
        status, _ = get(f"{url}/pantau.json?sql=delete+from+articles")
        assert status == 400  # read-only connection: Datasette refuses anything but SELECT
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_browsing_writes_nothing(browse: Browse) -> None:
    before = hashlib.sha256(browse.db.read_bytes()).hexdigest()
    for path in ("/pantau/article_list?_q=imbauan", "/pantau/imbauan", "/-/dashboards/netralitas", "/pantau"):
        assert get(browse.url + path)[0] == 200
    assert hashlib.sha256(browse.db.read_bytes()).hexdigest() == before
    status, body = get(f"{browse.url}/-/databases.json")
    assert [d["name"] for d in json.loads(body)] == ["pantau"]


def test_a_store_of_the_previous_release_is_brought_up_to_date_before_the_read_only_view(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    shutil.copyfile(PREVIOUS_RELEASE, data / "pantau.db")  # no article_list view in it yet
    proc, url = start_browse(data)
    try:
        assert len(rows(Browse(url, data / "pantau.db"), "/pantau/article_list", _size="max")) == 10
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_one_line_errors(tmp_path: Path) -> None:
    proc = run_pantau("--data-dir", str(tmp_path), "browse")
    assert proc.returncode == 2 and proc.stderr.count("\n") == 1
    assert proc.stderr.startswith(f"pantau: error: no pantau store in {tmp_path}")
    assert not (tmp_path / "pantau.db").exists()


def test_a_taken_port_is_one_line(demo_dir: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        proc = run_pantau("--data-dir", str(demo_dir), "browse", "--port", str(port))
    assert proc.returncode == 1 and proc.stderr == (
        f"pantau: error: port {port} on 127.0.0.1 is taken; choose another with --port\n")


# -- in a real browser: headless Debian chromium driven through its chromedriver ---------------------

CHROMIUM, CHROMEDRIVER = Path("/usr/bin/chromium"), Path("/usr/bin/chromedriver")
ARTIFACTS = REPO / "test-artifacts" / "browse"
BAR_BLUE = (76, 120, 168)  # vega's first category colour (#4c78a8): the bars' fill


@pytest.fixture
def chrome(tmp_path: Path) -> Iterator[Any]:
    if not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
        pytest.skip("needs Debian's chromium and chromium-driver (apt-get install chromium chromium-driver; "
                    ".ci/run installs them)")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--window-size=1280,1400", f"--user-data-dir={tmp_path / 'chromium-profile'}"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()


def shoot(driver: Any, name: str) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    driver.save_screenshot(str(path))
    return path


def test_in_a_browser_search_facet_article_dashboard(browse: Browse, chrome: Any) -> None:
    """Search "imbauan", apply a tag facet, open an article and find a quote with its speaker, open the
    dashboard and find its four charts drawn; screenshots of each step go to test-artifacts/browse/."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    wait = WebDriverWait(chrome, 30)
    chrome.get(f"{browse.url}/pantau/article_list")
    box = chrome.find_element(By.ID, "pantau-q")
    box.send_keys("imbauan")
    box.submit()
    wait.until(ec.url_contains("_q=imbauan"))
    heading = chrome.find_element(By.CSS_SELECTOR, ".content h3").text
    found = int(heading.split()[0])
    assert found >= 3 and "imbauan" in heading
    shoot(chrome, "1-search-imbauan")

    facet = chrome.find_element(By.CSS_SELECTOR, '.facet-info[data-column="tags"] a[href*="netralitas-asn"]')
    facet.click()
    wait.until(ec.url_contains("netralitas-asn"))
    assert "_q=imbauan" in chrome.current_url
    narrowed = int(chrome.find_element(By.CSS_SELECTOR, ".content h3").text.split()[0])
    assert 0 < narrowed < found
    shoot(chrome, "2-tag-facet")

    titles = chrome.find_elements(By.CSS_SELECTOR, "td.col-title a")
    assert len(titles) == narrowed
    for index in range(len(titles)):  # the first article of the page that quotes somebody
        chrome.find_elements(By.CSS_SELECTOR, "td.col-title a")[index].click()
        wait.until(ec.url_contains("/-/pantau/article/"))
        speakers = [s.text for s in chrome.find_elements(By.CSS_SELECTOR, ".quote .speaker b")]
        if any(s and not s.startswith("(") for s in speakers):
            break
        chrome.back()
    quote = chrome.find_element(By.CSS_SELECTOR, ".quote blockquote").text
    assert len(quote) > 10 and chrome.find_elements(By.CSS_SELECTOR, ".tags .evidence")
    shoot(chrome, "article")

    chrome.get(f"{browse.url}/-/dashboards/netralitas")
    charts = ("tags-time", "provinces", "outlets", "speakers")
    drawn = {chart: 0 for chart in charts}

    def bars_drawn(driver: Any) -> bool:
        for chart in charts:
            drawn[chart] = driver.execute_script(BAR_PIXELS, f"#chart-{chart}", list(BAR_BLUE))
        return all(count > 50 for count in drawn.values())

    wait.until(bars_drawn, message=f"chart pixels of the bar colour: {drawn}")
    shoot(chrome, "dashboard")


# Pixels of a colour in the canvas (vega's renderer) or svg marks of a chart container.
BAR_PIXELS = """
const el = document.querySelector(arguments[0]);
if (!el) return 0;
const svgMarks = el.querySelectorAll('svg .mark-rect path, svg .mark-rect rect').length;
if (svgMarks) return svgMarks * 100;
const canvas = el.querySelector('canvas');
if (!canvas || !canvas.width) return 0;
const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
const [r, g, b] = arguments[1];
let n = 0;
for (let i = 0; i < data.length; i += 4) {
  if (Math.abs(data[i] - r) < 8 && Math.abs(data[i + 1] - g) < 8 && Math.abs(data[i + 2] - b) < 8
      && data[i + 3] > 200) n++;
}
return n;
"""
