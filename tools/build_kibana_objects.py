#!/usr/bin/env python3
"""Generate ``pantau/kibana/saved_objects.ndjson``, the Kibana views ``pantau kibana setup`` imports.

Written as Python so reviewers read objects, not escaped JSON strings: the
fields Kibana wants as JSON-in-a-string (``searchSourceJSON``, ``panelsJSON``,
``optionsJSON``) are encoded here, once. Shapes and version stamps follow the rules
of docs/kibana.md (Kibana 8.x, target 8.9 or newer).

    python tools/build_kibana_objects.py          # rewrite the file
    python tools/build_kibana_objects.py --check  # exit 1 if the file is stale (used by the tests)
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

OUTPUT = Path(__file__).resolve().parents[1] / "pantau" / "kibana" / "saved_objects.ndjson"

DATA_VIEW_ID = "pantau-articles-dv"
CORE_VERSION = "8.8.0"
# Shape versions written below; each at or below what Kibana 8.9+ knows (docs/kibana.md, rule 2).
TYPE_VERSIONS = {
    "index-pattern": "7.11.0",
    "search": "7.9.3",
    "lens": "8.9.0",
    "dashboard": "8.7.0",
}
SEARCH_INDEX_REF = "kibanaSavedObjectMeta.searchSourceJSON.index"
COUNT_COLUMN = "col-count"


def _obj(
    type_: str, id_: str, attributes: dict[str, Any], references: list[dict[str, str]]
) -> dict[str, Any]:
    return {
        "id": id_,
        "type": type_,
        "coreMigrationVersion": CORE_VERSION,
        "typeMigrationVersion": TYPE_VERSIONS[type_],
        "managed": False,
        "references": references,
        "attributes": attributes,
    }


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def data_view() -> dict[str, Any]:
    return _obj("index-pattern", DATA_VIEW_ID, {
        "title": "pantau-articles*",
        "name": "Pantau: artikel",
        "timeFieldName": "published",
        "fields": "[]",
        "fieldFormatMap": "{}",
        "runtimeFieldMap": "{}",
        "allowNoIndex": False,
    }, [])


def saved_search(id_: str, title: str, description: str, kql: str, columns: list[str]) -> dict[str, Any]:
    source = {"query": {"query": kql, "language": "kuery"}, "filter": [], "indexRefName": SEARCH_INDEX_REF}
    return _obj("search", id_, {
        "title": title,
        "description": description,
        "columns": columns,
        "sort": [["published", "desc"]],
        "grid": {},
        "hideChart": False,
        "isTextBasedQuery": False,
        "kibanaSavedObjectMeta": {"searchSourceJSON": _json(source)},
    }, [{"name": SEARCH_INDEX_REF, "type": "index-pattern", "id": DATA_VIEW_ID}])


SEARCHES = [
    saved_search(
        "pantau-search-imbauan", "Imbauan netralitas terbaru",
        "Imbauan dan peringatan netralitas ASN, terbaru dulu.",
        'tags : "imbauan"', ["title", "outlet", "regions.province", "tags"],
    ),
    saved_search(
        "pantau-search-pelanggaran", "Dugaan pelanggaran & sanksi",
        "Artikel tentang dugaan pelanggaran netralitas ASN atau sanksinya.",
        'tags : ("dugaan-pelanggaran" or "sanksi")', ["title", "outlet", "regions.province", "tags"],
    ),
    saved_search(
        "pantau-search-kutipan", "Kutipan pejabat",
        "Artikel yang memuat kutipan langsung dengan pembicara yang dikenali.",
        "quotes:{ speaker:* }", ["title", "speakers", "outlet", "regions.province"],
    ),
]


def _count() -> dict[str, Any]:
    return {
        "label": "Jumlah artikel", "dataType": "number", "operationType": "count",
        "sourceField": "___records___", "isBucketed": False, "scale": "ratio",
        "params": {"emptyAsNull": True},
    }


def _terms(field: str, label: str, size: int, other: bool) -> dict[str, Any]:
    return {
        "label": label, "dataType": "string", "operationType": "terms", "sourceField": field,
        "isBucketed": True, "scale": "ordinal",
        "params": {
            "size": size, "orderBy": {"type": "column", "columnId": COUNT_COLUMN},
            "orderDirection": "desc", "otherBucket": other, "missingBucket": False,
        },
    }


def _date_histogram() -> dict[str, Any]:
    return {
        "label": "published", "dataType": "date", "operationType": "date_histogram",
        "sourceField": "published",
        "isBucketed": True, "scale": "interval",
        "params": {"interval": "auto", "includeEmptyRows": True, "dropPartials": False},
    }


def lens(id_: str, title: str, vis_type: str, layer: str, columns: dict[str, dict[str, Any]],
         visualization: dict[str, Any]) -> dict[str, Any]:
    state = {
        "query": {"query": "", "language": "kuery"},
        "filters": [],
        "internalReferences": [],
        "adHocDataViews": {},
        "datasourceStates": {"formBased": {"layers": {layer: {
            "columnOrder": list(columns), "incompleteColumns": {}, "columns": columns,
        }}}},
        "visualization": visualization,
    }
    attributes = {"title": title, "description": "", "visualizationType": vis_type, "state": state}
    ref_name = f"indexpattern-datasource-layer-{layer}"
    return _obj("lens", id_, attributes, [{"name": ref_name, "type": "index-pattern", "id": DATA_VIEW_ID}])


def top_bar(id_: str, title: str, layer: str, field: str, label: str) -> dict[str, Any]:
    """Horizontal bars: the ``size`` most frequent values of a keyword field, by article count."""
    columns = {"col-term": _terms(field, label, 15, other=False), COUNT_COLUMN: _count()}
    return lens(id_, title, "lnsXY", layer, columns, {
        "preferredSeriesType": "bar_horizontal", "valueLabels": "show",
        "legend": {"isVisible": False, "position": "right"},
        "layers": [{"layerId": layer, "layerType": "data", "seriesType": "bar_horizontal",
                    "xAccessor": "col-term", "accessors": [COUNT_COLUMN]}],
    })


LENSES = [
    lens("pantau-lens-tags-time", "Artikel per hari menurut tag", "lnsXY", "layer-tags",
         {"col-tag": _terms("tags", "Tag", 10, other=True), "col-time": _date_histogram(),
          COUNT_COLUMN: _count()},
         {
             "preferredSeriesType": "bar_stacked", "valueLabels": "hide",
             "legend": {"isVisible": True, "position": "right"},
             "layers": [{"layerId": "layer-tags", "layerType": "data", "seriesType": "bar_stacked",
                         "xAccessor": "col-time", "splitAccessor": "col-tag", "accessors": [COUNT_COLUMN]}],
         }),
    top_bar("pantau-lens-provinces", "Artikel per provinsi", "layer-prov", "regions.province", "Provinsi"),
    top_bar("pantau-lens-outlets", "Artikel per media", "layer-outlet", "outlet", "Media"),
    # ``speakers`` is the flat keyword copy of quotes[].speaker (Lens cannot aggregate nested
    # fields), so the count is "articles quoting this person", not individual quotes.
    lens("pantau-lens-speakers", "Pejabat paling sering dikutip", "lnsDatatable", "layer-speakers",
         {"col-speaker": _terms("speakers", "Pembicara", 20, other=False), COUNT_COLUMN: _count()},
         {"layerId": "layer-speakers", "layerType": "data",
          "columns": [{"columnId": "col-speaker"}, {"columnId": COUNT_COLUMN}]}),
]

# (object, x, y, w, h) on Kibana's 48-unit grid.
LAYOUT: list[tuple[dict[str, Any], int, int, int, int]] = [
    (LENSES[0], 0, 0, 48, 14),
    (LENSES[1], 0, 14, 16, 16),
    (LENSES[2], 16, 14, 16, 16),
    (LENSES[3], 32, 14, 16, 16),
    (SEARCHES[0], 0, 30, 48, 16),
    (SEARCHES[1], 0, 46, 48, 16),
    (SEARCHES[2], 0, 62, 48, 16),
]


def dashboard() -> dict[str, Any]:
    """By-reference panels with unprefixed ``panel_<n>`` names, which every 8.x Kibana resolves.

    See docs/kibana.md, rule 4.
    """
    panels: list[dict[str, Any]] = []
    references: list[dict[str, str]] = []
    for n, (obj, x, y, w, h) in enumerate(LAYOUT):
        index = f"p{n + 1}"
        panels.append({
            "panelIndex": index, "gridData": {"x": x, "y": y, "w": w, "h": h, "i": index},
            "type": obj["type"], "panelRefName": f"panel_{n}", "embeddableConfig": {},
        })
        references.append({"name": f"panel_{n}", "type": obj["type"], "id": obj["id"]})
    options = {"useMargins": True, "syncColors": False, "syncCursor": True, "syncTooltips": False,
               "hidePanelTitles": False}
    return _obj("dashboard", "pantau-dash-netralitas", {
        "title": "Pantau: netralitas ASN",
        "description": "Pemberitaan netralitas ASN: tag per waktu, wilayah, media, pejabat yang dikutip.",
        "timeRestore": True, "timeFrom": "now-90d", "timeTo": "now",
        "refreshInterval": {"pause": True, "value": 60000},
        "optionsJSON": _json(options),
        "panelsJSON": _json(panels),
        "kibanaSavedObjectMeta": {"searchSourceJSON": _json({"query": {"query": "", "language": "kuery"},
                                                             "filter": []})},
    }, references)


def build() -> str:
    objects = [data_view(), *SEARCHES, *LENSES, dashboard()]
    return "".join(_json(o) + "\n" for o in objects)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if the committed file differs")
    args = parser.parse_args()
    text = build()
    if args.check:
        if not OUTPUT.is_file() or OUTPUT.read_text(encoding="utf-8") != text:
            print(f"{OUTPUT} is stale: run python tools/build_kibana_objects.py", file=sys.stderr)
            return 1
        return 0
    OUTPUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUTPUT} ({text.count(chr(10))} objects)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
