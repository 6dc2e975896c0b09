"""Article analysis: the same stages behind ``pantau analyze`` and the crawl pipeline.

``core.analyze`` runs them in order; each stage is its own module so it can be
tested and improved alone: ``clean`` (body text only), ``language``,
``quotes`` (quotations, speakers and officials, built from ``spans``,
``mentions``, ``people`` and ``attribution``, with the word lists of
``lexicon``), ``regions`` and ``tags`` (taxonomy tags with evidence sentences,
its cue patterns compiled by ``prefilter`` for speed).
"""
