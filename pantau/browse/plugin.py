"""pantau's Datasette plugin: its search semantics, the article page, and the dashboard's queries.

* ``?_q=`` on the article list applies ``pantau search``'s parser and stemming (the same FTS5
  expressions, built by :class:`~pantau.store.sqlite.FtsExpressions` on Datasette's read-only
  connection), so ``imbauan`` finds ``mengimbau`` here too; facets then narrow the hits.
* ``/-/pantau/article/<id>``: title, outlet, date, region, each tag with its evidence and each
  quote with its speaker and role; titles everywhere link to it.
* The dashboard plugin fetches its charts as SQL; with arbitrary SQL off, exactly the configured
  chart queries (in the forms the dashboard's date filter gives them) are let through, nothing else.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Callable
from functools import cache
from typing import Any, TypeVar, cast

from datasette import hookimpl as _hookimpl
from datasette.filters import FilterArguments
from datasette.utils.asgi import BadRequest, NotFound, Response
from markupsafe import Markup, escape

from pantau.analysis.taxonomy import label
from pantau.browse.config import ARTICLE_LIST, ARTICLE_PATH, DATABASE, dashboard
from pantau.errors import UsageError
from pantau.outlet_names import outlet_name
from pantau.store.query import parse_query
from pantau.store.sqlite import FtsExpressions
from pantau.text import evidence_by_sentence, place_line, published_line, shorten

_Hook = TypeVar("_Hook", bound=Callable[..., Any])
hookimpl = cast(Callable[[_Hook], _Hook], _hookimpl)  # Datasette's marker, untyped: keeps the hooks typed

DASHBOARD_ACTOR = "pantau-dashboard"
_IN_FTS = "id {} (SELECT a.id FROM articles a WHERE a.rowid IN " \
          "(SELECT rowid FROM articles_fts WHERE articles_fts MATCH :{}))"


@hookimpl
def filters_from_request(request: Any, database: str, table: str, datasette: Any) -> Any:
    if table != ARTICLE_LIST or not request.args.get("_q", "").strip():
        return None
    text = request.args["_q"]

    async def inner() -> FilterArguments:
        try:
            must, must_not = await datasette.get_database(database).execute_fn(
                lambda conn: FtsExpressions(conn).build(parse_query(text)))
        except UsageError as exc:
            raise BadRequest(str(exc)) from None
        where, params = [], {}
        if must:
            where.append(_IN_FTS.format("IN", "pantau_must"))
            params["pantau_must"] = must
        if must_not:
            where.append(_IN_FTS.format("NOT IN", "pantau_must_not"))
            params["pantau_must_not"] = must_not
        return FilterArguments(where, params, [f"cocok dengan “{text}”"], {"pantau_query": text})

    return inner


@hookimpl
def render_cell(row: Any, value: Any, column: str, table: str | None, database: str, datasette: Any) -> Any:
    """A title links to its article page (in the list and in the canned queries, which select ``id``)."""
    if column != "title" or database != DATABASE or "id" not in row.keys():  # noqa: SIM118  (sqlite3.Row: in = values)
        return None
    return Markup(f'<a href="{datasette.urls.path(ARTICLE_PATH + str(row["id"]))}">'
                  f"{escape(value or '(tanpa judul)')}</a>")


@hookimpl
def register_routes() -> list[tuple[str, Any]]:
    return [(r"^/-/pantau/article/(?P<id>[0-9a-f]{40})$", article_page)]


@hookimpl
def menu_links(datasette: Any) -> list[dict[str, str]]:
    return [{"href": datasette.urls.table(DATABASE, ARTICLE_LIST), "label": "Artikel"},
            {"href": datasette.urls.path("/-/dashboards/netralitas"), "label": "Dasbor netralitas ASN"}]


async def article_page(request: Any, datasette: Any) -> Response:
    rows = await datasette.get_database(DATABASE).execute(
        "SELECT doc FROM articles WHERE id = ?", [request.url_vars["id"]])
    if not rows.rows:
        raise NotFound("no such article")
    doc = json.loads(rows.rows[0][0])
    return Response.html(await datasette.render_template("pantau_article.html", article_context(doc),
                                                          request=request))


def article_context(doc: dict[str, Any]) -> dict[str, Any]:
    """What the article page shows, from the stored document."""
    return {
        "doc": doc,
        "outlet_name": outlet_name(doc["outlet"]),
        "when": published_line(doc.get("published")),
        "regions": [place_line(r) for r in doc["regions"]],
        "tags": [([(label(t), t) for t in grouped], sentence) for grouped, sentence in evidence_by_sentence(doc)],
        "quotes": doc.get("quotes") or [],
        "lead": shorten(doc.get("body") or "", 600),
    }


@cache
def dashboard_queries() -> frozenset[str]:
    """Every SQL text the dashboard can ask for: each chart's query with each set of its date filters."""
    from datasette_dashboards import replace_opts_in_query

    filters = list(dashboard()["filters"])
    queries = set()
    for chart in dashboard()["charts"].values():
        for n in range(len(filters) + 1):
            for chosen in itertools.combinations(filters, n):
                queries.add(replace_opts_in_query(chart["query"], {f: "x" for f in chosen}))
    return frozenset(queries)


@hookimpl
def actor_from_request(datasette: Any, request: Any) -> dict[str, str] | None:
    """The dashboard's pages and its chart queries act as a reader allowed exactly those queries."""
    path = request.path
    if path.startswith("/-/dashboards/") or (
            path == f"/{DATABASE}.json" and request.args.get("sql") in dashboard_queries()):
        return {"id": DASHBOARD_ACTOR, "display": "hanya baca"}
    return None


@hookimpl
def permission_allowed(actor: dict[str, Any] | None, action: str) -> bool | None:
    if action == "execute-sql" and actor and actor.get("id") == DASHBOARD_ACTOR:
        return True
    return None
