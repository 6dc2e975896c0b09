"""What Datasette shows of the store: facets, canned queries, the dashboard (Datasette metadata).

The canned queries are the Kibana saved searches, under the same titles (read from the
packaged Kibana objects, so the two never drift apart); the dashboard has the charts of
the Kibana dashboard "Pantau: netralitas ASN". Everything reads the tables the SQLite store
keeps current on every write (``article_list``, ``article_facets``, ``article_tags``), so
the view is as fresh as the store.
"""

from __future__ import annotations

import json
from typing import Any

from pantau.kibana import saved_objects_ndjson

DATABASE = "pantau"  # Datasette names a database after its file, pantau.db
ARTICLE_LIST = "article_list"
DASHBOARD = "netralitas"
ARTICLE_PATH = "/-/pantau/article/"
# the store's internal tables: not what an analyst browses
HIDDEN_TABLES = (
    "pages", "aliases", "sources", "sketches", "body_sketches", "alerts", "runs", "word_forms",
    "article_places", "article_people", "article_facets", "articles_fts", "articles_fts_config",
    "articles_fts_content", "articles_fts_data", "articles_fts_docsize", "articles_fts_idx",
)

_LIST_COLUMNS = "title, outlet, day, provinces, regencies, tags, speakers, id"
_HAS_TAG = "id IN (SELECT a.id FROM articles a JOIN article_tags t ON t.article = a.rowid WHERE t.tag IN ({}))"
# Kibana saved search id -> the same search over the store (KQL in tools/build_kibana_objects.py)
SAVED_SEARCH_SQL = {
    "pantau-search-imbauan": f"SELECT {_LIST_COLUMNS} FROM article_list WHERE {_HAS_TAG.format(repr('imbauan'))}",
    "pantau-search-pelanggaran": f"SELECT {_LIST_COLUMNS} FROM article_list "
                                 f"WHERE {_HAS_TAG.format(repr('dugaan-pelanggaran') + ', ' + repr('sanksi'))}",
    "pantau-search-kutipan": f"SELECT {_LIST_COLUMNS} FROM article_list WHERE speakers != '[]'",
}


def saved_search_titles() -> dict[str, str]:
    """Kibana saved search id -> title, from the packaged Kibana objects."""
    objects = [json.loads(line) for line in saved_objects_ndjson().decode("utf-8").splitlines() if line.strip()]
    return {o["id"]: o["attributes"]["title"] for o in objects if o["type"] == "search"}


def canned_queries() -> dict[str, dict[str, Any]]:
    titles = saved_search_titles()
    return {
        search_id.removeprefix("pantau-search-"): {
            "title": titles[search_id], "sql": sql + " ORDER BY day DESC LIMIT 200",
            "description": "Pencarian tersimpan Kibana yang sama, atas penyimpanan lokal (terbaru dulu).",
        }
        for search_id, sql in SAVED_SEARCH_SQL.items()
    }


_DAYS = "[[ AND a.day >= :date_start ]] [[ AND a.day <= :date_end ]]"


def _bar(x_field: str, x_title: str) -> dict[str, Any]:
    """A horizontal bar chart of article counts per value, largest first (Kibana's top-values bars)."""
    return {
        "mark": {"type": "bar", "tooltip": True},
        "encoding": {
            "y": {"field": x_field, "type": "nominal", "title": x_title, "sort": "-x"},
            "x": {"field": "articles", "type": "quantitative", "title": "Jumlah artikel"},
        },
    }


def dashboard() -> dict[str, Any]:
    """The Kibana dashboard's charts as a datasette-dashboards dashboard, with a date range filter."""
    charts = {
        "tags-time": {
            "title": "Artikel per bulan menurut tag",
            "query": "SELECT substr(a.day, 1, 7) || '-01' AS month, t.tag AS tag, count(*) AS articles "
                     "FROM articles a JOIN article_tags t ON t.article = a.rowid "
                     f"WHERE 1 = 1 {_DAYS} GROUP BY 1, 2 ORDER BY 1",
            "display": {
                "mark": {"type": "bar", "tooltip": True},
                "encoding": {
                    "x": {"field": "month", "type": "temporal", "timeUnit": "yearmonth", "title": "Bulan"},
                    "y": {"field": "articles", "type": "quantitative", "aggregate": "sum",
                          "title": "Jumlah artikel"},
                    "color": {"field": "tag", "type": "nominal", "title": "Tag"},
                },
            },
        },
        "provinces": {
            "title": "Artikel per provinsi",
            "query": "SELECT p.value AS province, count(*) AS articles FROM articles a "
                     "JOIN article_facets f ON f.article = a.rowid, json_each(f.provinces) p "
                     f"WHERE 1 = 1 {_DAYS} GROUP BY 1 ORDER BY 2 DESC LIMIT 15",
            "display": _bar("province", "Provinsi"),
        },
        "outlets": {
            "title": "Artikel per media",
            "query": f"SELECT a.outlet AS outlet, count(*) AS articles FROM articles a WHERE 1 = 1 {_DAYS} "
                     "GROUP BY 1 ORDER BY 2 DESC LIMIT 15",
            "display": _bar("outlet", "Media"),
        },
        "speakers": {
            "title": "Pejabat paling sering dikutip",
            "query": "SELECT s.value AS speaker, count(*) AS articles FROM articles a "
                     "JOIN article_facets f ON f.article = a.rowid, json_each(f.speakers) s "
                     f"WHERE 1 = 1 {_DAYS} GROUP BY 1 ORDER BY 2 DESC LIMIT 20",
            "display": _bar("speaker", "Pembicara"),
        },
    }
    for chart in charts.values():
        chart.update(db=DATABASE, library="vega-lite")
    return {
        "title": "Pantau: netralitas ASN",
        "description": "Pemberitaan netralitas ASN: tag per waktu, wilayah, media, pejabat yang dikutip "
                       "(grafik yang sama dengan dasbor Kibana).",
        "layout": [["tags-time", "tags-time"], ["provinces", "outlets"], ["speakers", "speakers"]],
        "filters": {
            "date_start": {"name": "Sejak", "type": "date"},
            "date_end": {"name": "Sampai", "type": "date"},
        },
        "charts": charts,
    }


def metadata() -> dict[str, Any]:
    """Datasette metadata for a store opened as database ``pantau``."""
    tables: dict[str, Any] = {name: {"hidden": True} for name in HIDDEN_TABLES}
    tables[ARTICLE_LIST] = {
        "title": "Artikel",
        "description": "Cari dengan kata (bentuk kata Indonesia ikut: imbauan = mengimbau = imbau), "
                       '"frasa persis", a OR b, awalan*, -kata untuk mengecualikan; lalu saring dengan faset.',
        "facets": ["outlet", "month", "language", {"array": "tags"}, {"array": "provinces"},
                   {"array": "regencies"}, {"array": "speakers"}],
    }
    return {
        "title": "pantau",
        "description": "Berita netralitas ASN yang disimpan pantau (hanya baca).",
        "databases": {DATABASE: {"tables": tables, "queries": canned_queries()}},
        "plugins": {"datasette-dashboards": {DASHBOARD: dashboard()}},
    }
