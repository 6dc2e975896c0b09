"""Delivery channels behind one small interface: SMTP, or .eml files when no host is set.

Kibana's email connector needs a paid Elastic licence and Scrapy's
``scrapy.mail`` is deprecated, so pantau sends with the standard library.
The password comes from the environment variable the config names, never
from the file, and never appears in an error message.
"""

from __future__ import annotations

import os
import smtplib
import ssl
import tempfile
from email.message import EmailMessage
from pathlib import Path
from typing import Protocol

from pantau.config import Config, SmtpConfig


class SendError(Exception):
    """A message could not be delivered now (it stays queued)."""


class Channel(Protocol):
    def send(self, message: EmailMessage) -> None:
        """Deliver or raise :class:`SendError`."""


class SmtpChannel:
    def __init__(self, smtp: SmtpConfig, password: str) -> None:
        self.smtp = smtp
        self.password = password

    def send(self, message: EmailMessage) -> None:
        s = self.smtp
        try:
            client: smtplib.SMTP
            if s.security == "ssl":
                client = smtplib.SMTP_SSL(s.host, s.port, timeout=s.timeout, context=ssl.create_default_context())
            else:
                client = smtplib.SMTP(s.host, s.port, timeout=s.timeout)
            with client:
                if s.security == "starttls":
                    client.starttls(context=ssl.create_default_context())
                if s.username:
                    client.login(s.username, self.password)
                client.send_message(message)
        except (OSError, smtplib.SMTPException) as exc:
            reason = f"SMTP {s.host}:{s.port}: {type(exc).__name__}: {exc}"
            raise SendError(reason.replace(self.password, "***") if self.password else reason) from None


class EmlChannel:
    """Writes each message as ``<outbox>/<timestamp>-<n>.eml`` (atomically: temp file, then rename)."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory

    def send(self, message: EmailMessage) -> None:
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.directory, prefix=".", suffix=".tmp")
            with os.fdopen(fd, "wb") as out:
                out.write(bytes(message))
            final = Path(tmp).with_name(Path(tmp).name.lstrip(".").replace(".tmp", ".eml"))
            os.replace(tmp, final)
        except OSError as exc:
            raise SendError(f"cannot write {self.directory}: {exc.strerror}") from None


def channel_for(config: Config) -> Channel:
    if config.smtp.host:
        return SmtpChannel(config.smtp, config.smtp_password())
    return EmlChannel(config.outbox_dir)
