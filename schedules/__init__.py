"""The scheduled service (``pantau schedule``): APScheduler 3.x jobs that only start work.

One job per outlet (its cron or the config default, with jitter), one per
digest rule, one that retries the alert outbox. Each crawl runs in a child
process with a time limit (Twisted's reactor cannot be restarted in-process),
and every run is recorded for ``pantau status``.
"""
