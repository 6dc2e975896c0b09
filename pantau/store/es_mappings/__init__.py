"""Versioned Elasticsearch index templates, ``index_template_v<N>.json``.

A package (not a bare directory) so the JSON files ship in the wheel. A mapping
change is a new file with the next version number plus
``ElasticStore.migrate(N)``, which reindexes; files are never edited in place
once released, because existing indices were created from them.
"""
