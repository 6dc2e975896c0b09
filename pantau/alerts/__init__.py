"""Email alerts: rules decide, a durable outbox remembers, a channel delivers.

Every alert is written to the outbox (SQLite, ``UNIQUE(rule, story)``) before
anything is sent, so a dead SMTP server loses nothing and a re-crawl, an
updated copy or a syndicated duplicate can never send twice.
"""
