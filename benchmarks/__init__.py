"""pantau's benchmarks: crawl throughput, per-stage cost, memory, store and search (``python -m benchmarks``)."""
