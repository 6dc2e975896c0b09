"""``pantau browse``: the embedded store in a browser, read-only, built on Datasette.

Datasette is the maintained web UI for SQLite; pantau gives it (``config.py``) the
facets, the Kibana saved searches as canned queries and the Kibana dashboard's charts
(through the datasette-dashboards plugin), and adds (``plugin.py``) pantau's own search
semantics, the article page and the link between them. Nothing here writes: the store
is opened read-only and arbitrary SQL is off unless asked for.
"""
