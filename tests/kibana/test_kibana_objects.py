"""The Kibana saved objects file is import-ready, and ``pantau kibana setup`` sends and reports it right.

The file checks are the rules of docs/kibana.md (what Kibana 8.x accepts on import and what
breaks objects silently). The command runs against a loopback fake Kibana that records the
multipart request and replies in the import API's format.
"""

from __future__ import annotations

import argparse
import base64
import json
import re
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from email.parser import BytesParser
from email.policy import HTTP
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from helpers import REPO

from pantau.analysis.taxonomy import TAG_IDS
from pantau.browse.config import dashboard as browse_dashboard
from pantau.commands import kibana as kibana_command
from pantau.config import Config
from pantau.errors import PantauError, UsageError
from pantau.store.elastic import load_index_template

NDJSON = REPO / "pantau" / "kibana" / "saved_objects.ndjson"
DATA_VIEW_ID = "pantau-articles-dv"
SEMVER = re.compile(r"^\d+\.\d+\.\d+$")
JSON_STRING_FIELDS = {"searchSourceJSON", "panelsJSON", "optionsJSON", "visState", "uiStateJSON",
                      "fields", "fieldFormatMap", "runtimeFieldMap", "fieldAttrs"}
# Newest shape version each type may claim for Kibana 8.9+ (docs/kibana.md, rule 2), and the oldest that
# knows the shapes written (formBased Lens, by-value-capable dashboards need >= 8.6.0).
MAX_TYPE_VERSION = {"index-pattern": "7.11.0", "search": "7.9.3", "lens": "8.9.0", "dashboard": "8.9.0"}
MIN_TYPE_VERSION = {"lens": "8.6.0", "dashboard": "8.6.0"}
SEARCH_KEYS = {"title", "description", "columns", "sort", "grid", "hideChart", "isTextBasedQuery",
               "kibanaSavedObjectMeta"}
DASHBOARD_KEYS = {"title", "description", "panelsJSON", "optionsJSON", "timeRestore", "timeFrom", "timeTo",
                  "refreshInterval", "kibanaSavedObjectMeta"}


def version(v: str) -> tuple[int, ...]:
    return tuple(int(p) for p in v.split("."))


def load_objects() -> list[dict[str, Any]]:
    raw = NDJSON.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf"), "BOM"
    text = raw.decode("utf-8")
    assert text.endswith("\n")
    objects = []
    for n, line in enumerate(text.split("\n")[:-1], 1):
        assert line.strip(), f"blank line {n}"
        obj = json.loads(line)
        assert line == json.dumps(obj, ensure_ascii=False, separators=(",", ":")), f"line {n} is not compact"
        objects.append(obj)
    return objects


def decoded(obj: dict[str, Any]) -> dict[str, Any]:
    """Attributes with every JSON-string field parsed (asserting they are strings that parse)."""

    def walk(value: Any) -> Any:
        if isinstance(value, dict):
            out = {}
            for key, item in value.items():
                if key in JSON_STRING_FIELDS:
                    assert isinstance(item, str), f"{obj['id']}: {key} must be a JSON string"
                    out[key] = json.loads(item)
                else:
                    out[key] = walk(item)
            return out
        if isinstance(value, list):
            return [walk(v) for v in value]
        return value

    return walk(obj["attributes"])  # type: ignore[no-any-return]


def ref_names(value: Any) -> Iterator[str]:
    """Every ``...RefName`` value inside decoded attributes."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key.endswith("RefName"):
                yield item
            else:
                yield from ref_names(item)
    elif isinstance(value, list):
        for item in value:
            yield from ref_names(item)


def test_generated_file_is_fresh() -> None:
    result = subprocess.run([sys.executable, str(REPO / "tools" / "build_kibana_objects.py"), "--check"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_line_shape_ids_and_versions() -> None:
    objects = load_objects()
    keys = [(o["type"], o["id"]) for o in objects]
    assert len(keys) == len(set(keys)), "duplicate type+id rejects the whole import"
    for obj in objects:
        assert re.fullmatch(r"[a-z0-9-]+", obj["id"])
        assert isinstance(obj["references"], list) and isinstance(obj["attributes"], dict)
        tmv = obj["typeMigrationVersion"]
        assert SEMVER.match(tmv), obj["id"]
        assert version(tmv) <= version(MAX_TYPE_VERSION[obj["type"]]), obj["id"]
        assert version(tmv) >= version(MIN_TYPE_VERSION.get(obj["type"], "0.0.0")), obj["id"]
        assert SEMVER.match(obj["coreMigrationVersion"]) and version(obj["coreMigrationVersion"]) <= (8, 8, 0)
        assert "migrationVersion" not in obj


def test_json_string_fields_and_ref_names_resolve() -> None:
    for obj in load_objects():
        attrs = decoded(obj)
        names = {r["name"] for r in obj["references"]}
        assert len(names) == len(obj["references"]), f"{obj['id']}: duplicate reference names"
        for name in ref_names(attrs):
            assert name in names, f"{obj['id']}: {name} has no reference"
        if obj["type"] == "lens":
            assert isinstance(obj["attributes"]["state"], dict), "Lens state is an object, not a string"


def test_every_object_reaches_the_data_view_by_id() -> None:
    objects = {(o["type"], o["id"]): o for o in load_objects()}
    assert ("index-pattern", DATA_VIEW_ID) in objects

    def reaches(key: tuple[str, str], seen: frozenset[tuple[str, str]] = frozenset()) -> bool:
        if key == ("index-pattern", DATA_VIEW_ID):
            return True
        assert key in objects, f"reference to {key} not in the file"
        return any(reaches((r["type"], r["id"]), seen | {key})
                   for r in objects[key]["references"] if (r["type"], r["id"]) not in seen)

    for key in objects:
        assert reaches(key), f"{key} does not lead to the data view"


def test_data_view_time_field_is_a_date_in_the_mapping() -> None:
    view = next(o for o in load_objects() if o["type"] == "index-pattern")
    props = load_index_template("pantau-articles", 1)["template"]["mappings"]["properties"]
    assert view["attributes"]["title"] == "pantau-articles*"
    assert props[view["attributes"]["timeFieldName"]]["type"] == "date"


def kql_fields(kql: str) -> list[str]:
    """The fields a KQL query names, a nested one as ``parent.child`` (quoted values skipped)."""
    fields: list[str] = []
    parents: list[str] = []
    for m in re.finditer(r'"[^"]*"|([A-Za-z_][\w.]*)\s*:\s*(\{)?|\}', kql):
        if m.group(0) == "}":
            parents.pop()
        elif m.group(1):
            name = ".".join([*parents[-1:], m.group(1)])
            fields.append(name)
            if m.group(2):
                parents.append(name)
    return fields


def mapping_node(props: dict[str, Any], path: str) -> dict[str, Any] | None:
    node: dict[str, Any] = {"properties": props}
    for part in path.split("."):
        found = node.get("properties", {}).get(part)
        if found is None:
            return None
        node = found
    return node


def test_kql_fields_reads_nested_and_skips_values() -> None:
    assert kql_fields('tags : ("a" or "b:c") and quotes:{ speaker:* and role : "x" } and outlet:y') == [
        "tags", "quotes", "quotes.speaker", "quotes.role", "outlet"]


def test_saved_searches_query_fields_of_the_mapping_and_tags_of_the_taxonomy() -> None:
    props = load_index_template("pantau-articles", 1)["template"]["mappings"]["properties"]
    searches = [o for o in load_objects() if o["type"] == "search"]
    assert searches
    for obj in searches:
        assert set(obj["attributes"]) <= SEARCH_KEYS, "the search schema forbids other keys"
        source = decoded(obj)["kibanaSavedObjectMeta"]["searchSourceJSON"]
        assert source["indexRefName"] == "kibanaSavedObjectMeta.searchSourceJSON.index"
        query = source["query"]
        assert query["language"] == "kuery" and query["query"].strip(), obj["id"]
        for field in kql_fields(query["query"]):
            assert mapping_node(props, field) is not None, (obj["id"], field)
        for values in re.findall(r'\btags\s*:\s*(\([^)]*\)|"[^"]*")', query["query"]):
            assert set(re.findall(r'"([^"]*)"', values)) <= TAG_IDS, (obj["id"], values)
        for column in obj["attributes"].get("columns", []):
            assert mapping_node(props, column) is not None, (obj["id"], column)
        for field, _direction in obj["attributes"].get("sort", []):
            assert (mapping_node(props, field) or {}).get("type") == "date", (obj["id"], field)


def _aggregatable(props: dict[str, Any], path: str) -> bool:
    """Keyword/date field outside nested objects: what Lens can bucket on."""
    node: dict[str, Any] = {"properties": props}
    for part in path.split("."):
        node = node["properties"][part]
        if node.get("type") == "nested":
            return False
    return node.get("type") in ("keyword", "date")


def test_lens_columns_layers_and_fields() -> None:
    props = load_index_template("pantau-articles", 1)["template"]["mappings"]["properties"]
    lenses = [o for o in load_objects() if o["type"] == "lens"]
    titles = [lens["attributes"]["title"] for lens in lenses]
    assert all(titles) and len(set(titles)) == len(titles)
    assert len(lenses) == len(browse_dashboard()["charts"]), "pantau browse draws each chart of the dashboard"
    for lens in lenses:
        state = lens["attributes"]["state"]
        assert "indexpattern" not in state["datasourceStates"]
        layers = state["datasourceStates"]["formBased"]["layers"]
        ref_names_ = {r["name"] for r in lens["references"]}
        for layer_id, layer in layers.items():
            assert f"indexpattern-datasource-layer-{layer_id}" in ref_names_
            assert layer["columnOrder"] == list(layer["columns"])
            for column in layer["columns"].values():
                required = {"label", "dataType", "operationType", "isBucketed", "scale", "sourceField"}
                assert required <= set(column)
                if column["sourceField"] != "___records___":
                    assert _aggregatable(props, column["sourceField"]), column["sourceField"]
        vis = state["visualization"]
        vis_layers = vis.get("layers") or [vis]
        for vis_layer in vis_layers:
            columns = layers[vis_layer["layerId"]]["columns"]
            used = [vis_layer.get("xAccessor"), vis_layer.get("splitAccessor"),
                    *vis_layer.get("accessors", []),
                    *(c["columnId"] for c in vis_layer.get("columns", []))]
            assert all(c in columns for c in used if c), lens["id"]


def test_dashboard_panels() -> None:
    objects = load_objects()
    dash = next(o for o in objects if o["type"] == "dashboard")
    attrs = decoded(dash)
    assert set(dash["attributes"]) <= DASHBOARD_KEYS
    assert attrs["timeRestore"] is True and attrs["timeFrom"] and attrs["timeTo"]
    refs = {r["name"]: r for r in dash["references"]}
    panels = attrs["panelsJSON"]
    assert len({p["panelIndex"] for p in panels}) == len(panels)
    for panel in panels:
        grid = panel["gridData"]
        assert grid["i"] == panel["panelIndex"] and grid["x"] + grid["w"] <= 48
        assert refs[panel["panelRefName"]]["type"] == panel["type"]
    panel_targets = {(refs[p["panelRefName"]]["type"], refs[p["panelRefName"]]["id"]) for p in panels}
    assert panel_targets == {(o["type"], o["id"]) for o in objects if o["type"] in ("lens", "search")}


# ------------------------------------------------------------------------ pantau kibana setup


class FakeKibana(BaseHTTPRequestHandler):
    """Records the import request; replies like Kibana's import API (docs/kibana.md, "The import request")."""

    requests: list[dict[str, Any]] = []
    reply: Callable[[list[dict[str, Any]]], tuple[int, dict[str, Any]]]

    def do_POST(self) -> None:  # noqa: N802 (http.server naming)
        body = self.rfile.read(int(self.headers["Content-Length"]))
        message = BytesParser(policy=HTTP).parsebytes(
            f"Content-Type: {self.headers['Content-Type']}\r\n\r\n".encode() + body)
        parts = list(message.iter_parts())
        record = {"path": self.path, "headers": self.headers, "parts": parts}  # case-insensitive
        FakeKibana.requests.append(record)
        payload = parts[0].get_payload(decode=True).decode()
        uploaded = [json.loads(line) for line in payload.splitlines() if line]
        status, payload = type(self).reply(uploaded)
        data = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args: Any) -> None:
        pass


def all_ok(objects: list[dict[str, Any]]) -> tuple[int, dict[str, Any]]:
    results = [
        {"type": o["type"], "id": o["id"], "meta": {"title": o["attributes"]["title"]}, "overwrite": True}
        for o in objects
    ]
    return 200, {"success": True, "successCount": len(results), "successResults": results, "warnings": []}


def lens_missing_reference(objects: list[dict[str, Any]]) -> tuple[int, dict[str, Any]]:
    _, payload = all_ok([o for o in objects if o["id"] != "pantau-lens-outlets"])
    payload["success"] = False
    payload["errors"] = [{"type": "lens", "id": "pantau-lens-outlets", "meta": {"title": "Artikel per media"},
                          "error": {"type": "missing_references",
                                    "references": [{"type": "index-pattern", "id": DATA_VIEW_ID}]}}]
    return 200, payload


def bad_request(objects: list[dict[str, Any]]) -> tuple[int, dict[str, Any]]:
    return 400, {"statusCode": 400, "error": "Bad Request", "message": "Invalid file extension .txt"}


@pytest.fixture()
def kibana() -> Iterator[tuple[str, type[FakeKibana]]]:
    FakeKibana.requests = []
    FakeKibana.reply = staticmethod(all_ok)  # type: ignore[assignment]
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeKibana)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/", FakeKibana
    server.shutdown()
    server.server_close()


def run_setup(*argv: str) -> int:
    parser = argparse.ArgumentParser(prog="pantau")
    kibana_command.register(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["kibana", "setup", *argv])
    return args.func(args, Config())  # type: ignore[no-any-return]


def test_setup_posts_the_ndjson_and_reports_each_object(
    kibana: tuple[str, type[FakeKibana]], capsys: pytest.CaptureFixture[str]
) -> None:
    url, fake = kibana
    assert run_setup("--kibana", url) == 0
    (request,) = fake.requests
    assert request["path"] == "/api/saved_objects/_import?overwrite=true"
    assert request["headers"]["kbn-xsrf"]
    assert "Authorization" not in request["headers"]
    (part,) = request["parts"]
    assert part.get_param("name", header="content-disposition") == "file"
    assert part.get_filename() == "pantau.ndjson"
    assert part.get_payload(decode=True) == NDJSON.read_bytes()
    out = capsys.readouterr().out.splitlines()
    assert len(out) == len(load_objects()) + 1
    assert all(line.startswith("ok ") for line in out[:-1])
    assert any("dashboard" in line and "Pantau: netralitas ASN" in line for line in out)
    assert out[-1].startswith(f"imported {len(load_objects())} of {len(load_objects())} objects")


def test_setup_exits_1_and_names_the_failed_object(
    kibana: tuple[str, type[FakeKibana]], capsys: pytest.CaptureFixture[str]
) -> None:
    url, fake = kibana
    fake.reply = staticmethod(lens_missing_reference)  # type: ignore[assignment]
    assert run_setup("--kibana", url) == 1
    out = capsys.readouterr().out
    expected = f"error  lens           Artikel per media: missing_references (index-pattern {DATA_VIEW_ID})"
    assert expected in out
    assert "1 failed" in out


def test_setup_sends_basic_auth_from_the_named_variable(
    kibana: tuple[str, type[FakeKibana]], monkeypatch: pytest.MonkeyPatch
) -> None:
    url, fake = kibana
    monkeypatch.setenv("KIBANA_PW", "rahasia")
    assert run_setup("--kibana", url, "--username", "elastic", "--password-env", "KIBANA_PW") == 0
    expected = "Basic " + base64.b64encode(b"elastic:rahasia").decode()
    assert fake.requests[0]["headers"]["Authorization"] == expected


def test_setup_refuses_username_without_password(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PANTAU_KIBANA_PASSWORD", raising=False)
    with pytest.raises(UsageError, match=r"\$PANTAU_KIBANA_PASSWORD is empty"):
        run_setup("--username", "elastic")


def test_refused_request_and_unreachable_kibana_are_one_line_errors(
    kibana: tuple[str, type[FakeKibana]]
) -> None:
    url, fake = kibana
    fake.reply = staticmethod(bad_request)  # type: ignore[assignment]
    with pytest.raises(PantauError, match=r"refused the import: HTTP 400 Invalid file extension \.txt$"):
        run_setup("--kibana", url)
    with pytest.raises(PantauError, match="cannot reach Kibana at http://127.0.0.1:1"):
        run_setup("--kibana", "http://127.0.0.1:1")
