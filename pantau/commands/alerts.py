"""``pantau alerts``: the alert rules and what each sent; ``send-test RULE``; ``flush`` retries queued alerts now."""

from __future__ import annotations

import argparse
from datetime import datetime

from pantau.config import AlertRule, Config
from pantau.errors import PantauError, UsageError
from pantau.wib import cli_time

RECENT = 5


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("alerts", help="list alert rules and recent sends; send-test RULE; flush",
                       description="The alert rules of pantau.toml and what each sent, queued or failed to send "
                                   "(times in WIB); send a test message; retry queued alerts or send a digest now.")
    actions = p.add_subparsers(dest="alerts_command", metavar="ACTION")
    actions.add_parser("list", help="rules, recent sends, queued and failing alerts (the default)",
                       description="Each rule with its recent sends, queued alerts and failing ones (WIB times, "
                                   "the story of each, the last error).")
    test = actions.add_parser("send-test", help="send a test message for a rule through the configured channel",
                              description="Send a test message to a rule's recipients through the configured "
                                          "channel (SMTP, or .eml files in the outbox).")
    test.add_argument("rule", help="the name of an [[alert]] rule")
    actions.add_parser("flush", help="send every queued immediate alert now (ignores the retry wait)",
                       description="Send every queued immediate alert now, without waiting for its retry time.")
    digest = actions.add_parser("digest", help="send a digest rule's queued articles now",
                                description="Send a digest rule's queued articles now, in one message.")
    digest.add_argument("rule", help="the name of a digest [[alert]] rule")
    p.set_defaults(func=run)


def wib(stamp: str | None) -> str:
    """A stored UTC timestamp as ``pantau status`` shows times: minutes, in WIB."""
    if not stamp:
        return "-"
    return cli_time(datetime.fromisoformat(stamp))


def _rule(config: Config, name: str) -> AlertRule:
    for rule in config.alert:
        if rule.name == name:
            return rule
    known = ", ".join(r.name for r in config.alert) or "none configured"
    raise UsageError(f"no alert rule named {name!r} (rules: {known})")


def run(args: argparse.Namespace, config: Config) -> int:
    from pantau.alerts.channels import SendError, channel_for
    from pantau.alerts.email import trial_message
    from pantau.alerts.outbox import Outbox
    from pantau.store import open_store

    action = args.alerts_command or "list"
    channel = channel_for(config)
    if action == "send-test":
        try:
            channel.send(trial_message(_rule(config, args.rule), config.smtp.sender))
        except SendError as exc:
            raise PantauError(f"test message not sent: {exc}") from None
        where = f"SMTP {config.smtp.host}:{config.smtp.port}" if config.smtp.host else str(config.outbox_dir)
        print(f"test message for rule {args.rule} sent via {where}")
        return 0
    outbox = Outbox(config.db_path)
    try:
        if action in ("flush", "digest"):
            store = open_store(config)
            try:
                if action == "digest":
                    carried = outbox.send_digest(_rule(config, args.rule), store, channel, config.smtp.sender)
                    print(f"digest {args.rule}: {carried} article(s) sent")
                    return 0
                outbox.conn.execute("UPDATE alerts SET next_try = created WHERE status = 'queued'")
                done = outbox.deliver_due(config.alert, store, channel, config.smtp.sender)
            finally:
                store.close()
            print(f"sent {done.sent}, still queued after failure {done.failed}")
            return 1 if done.failed else 0
        if not config.alert:
            print("no [[alert]] rules configured (see README, pantau.toml)")
        for rule in config.alert:
            filters = [f"{k}={v}" for k, v in (("tags_any", rule.tags_any), ("tags_all", rule.tags_all),
                                               ("regions", rule.regions), ("outlets", rule.outlets),
                                               ("query", rule.query)) if v]
            rows = outbox.rows("rule = ?", (rule.name,))
            delivered = [r for r in rows if r.status == "sent"]
            queued = [r for r in rows if r.status == "queued"]
            failing = [r for r in queued if r.last_error]
            sending = [r for r in queued if r.claimed_by and outbox.sender_alive(r.claimed_by)]
            scope = " ".join(filters) or "all neutrality stories"
            print(f"{rule.name}  ({rule.mode}) → {', '.join(rule.recipients)}  {scope}")
            print(f"    sent {len(delivered)}, queued {len(queued)}, failing {len(failing)}"
                  + (f", being sent now {len(sending)}" if sending else ""))
            for r in delivered[-RECENT:]:
                print(f"    sent {wib(r.sent)}  {r.story}")
            for r in failing[-RECENT:]:
                print(f"    failing {r.story}: {r.attempts} attempt(s), next {wib(r.next_try)}; {r.last_error}")
    finally:
        outbox.close()
    return 0
