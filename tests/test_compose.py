"""The docker-compose deployment is wired as README.md ("Run on a server") describes (no Docker needed)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from pantau.config import load_config

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def compose() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((ROOT / "docker-compose.yml").read_text(encoding="utf-8"))
    return data


def env(service: dict[str, Any]) -> dict[str, str]:
    raw = service.get("environment") or {}
    if isinstance(raw, dict):
        return {k: str(v) for k, v in raw.items()}
    return dict(item.split("=", 1) for item in raw)


def published(service: dict[str, Any]) -> dict[int, str]:
    """container port -> host binding ("127.0.0.1:9200")."""
    out = {}
    for mapping in service.get("ports", []):
        host, _, container = str(mapping).rpartition(":")
        out[int(container)] = host
    return out


def healthcheck_command(service: dict[str, Any]) -> str:
    test = service["healthcheck"]["test"]
    assert test[0] == "CMD-SHELL"
    return str(test[1])


def test_services(compose: dict[str, Any]) -> None:
    assert set(compose["services"]) == {"elasticsearch", "kibana", "pantau", "mailpit"}


def test_elasticsearch(compose: dict[str, Any]) -> None:
    es = compose["services"]["elasticsearch"]
    match = re.fullmatch(r"docker\.elastic\.co/elasticsearch/elasticsearch:(8\.\d+\.\d+)", es["image"])
    assert match, "pin an exact 8.x version"
    settings = env(es)
    assert settings["discovery.type"] == "single-node"
    assert settings["xpack.security.enabled"] == "false"
    assert settings["ES_JAVA_OPTS"] == "-Xms1g -Xmx1g"
    assert "esdata:/usr/share/elasticsearch/data" in es["volumes"]
    assert published(es) == {9200: "127.0.0.1:9200"}
    check = healthcheck_command(es)
    assert "curl" in check and "localhost:9200/_cluster/health" in check
    compose_text = (ROOT / "docker-compose.yml").read_text()
    assert "xpack.security.enabled=true" in compose_text, "comment on enabling security"


def test_kibana(compose: dict[str, Any]) -> None:
    kibana = compose["services"]["kibana"]
    es_version = compose["services"]["elasticsearch"]["image"].rsplit(":", 1)[1]
    assert kibana["image"] == f"docker.elastic.co/kibana/kibana:{es_version}"
    assert kibana["depends_on"]["elasticsearch"]["condition"] == "service_healthy"
    assert env(kibana)["ELASTICSEARCH_HOSTS"] == "http://elasticsearch:9200"
    assert published(kibana) == {5601: "127.0.0.1:5601"}
    assert "localhost:5601/api/status" in healthcheck_command(kibana)


def test_pantau(compose: dict[str, Any]) -> None:
    pantau = compose["services"]["pantau"]
    assert pantau["build"] == "."
    assert pantau["command"] == ["schedule"]
    settings = env(pantau)
    assert settings["PANTAU_ELASTICSEARCH_URL"] == "http://elasticsearch:9200"
    assert settings["PANTAU_CONFIG"] == "/etc/pantau/pantau.toml"
    assert settings["PANTAU_DATA_DIR"] == "/data"
    assert "./deploy/pantau.toml:/etc/pantau/pantau.toml:ro" in pantau["volumes"]
    assert "pantau-data:/data" in pantau["volumes"]
    assert pantau["depends_on"]["elasticsearch"]["condition"] == "service_healthy"
    assert pantau["depends_on"]["mailpit"]["condition"] == "service_healthy"
    assert "ports" not in pantau


def seconds(duration: str) -> int:
    """A compose duration ("2m", "120s", "1m30s") in seconds."""
    parts = re.findall(r"(\d+)(h|m|s)", duration)
    assert parts and "".join(n + u for n, u in parts) == duration, duration
    return sum(int(n) * {"h": 3600, "m": 60, "s": 1}[u] for n, u in parts)


def test_pantau_stops_cleanly_and_reports_its_health(compose: dict[str, Any]) -> None:
    from schedules.jobs import STOP_GRACE
    from schedules.service import HEARTBEAT_FILE, HEARTBEAT_INTERVAL

    pantau = compose["services"]["pantau"]
    assert pantau["init"] is True  # PID 1 reaps and forwards SIGTERM to the scheduler
    # Docker's SIGKILL must come after the scheduler's own: a crawl gets STOP_GRACE to close (its alert
    # sending included), then the scheduler records the run
    assert seconds(pantau["stop_grace_period"]) >= STOP_GRACE + 30
    check = healthcheck_command(pantau)
    heartbeat = f"{env(pantau)['PANTAU_DATA_DIR']}/{HEARTBEAT_FILE}"
    assert heartbeat in check
    stale_after = int(re.search(r"-mmin -(\d+)", check).group(1)) * 60  # type: ignore[union-attr]
    assert stale_after >= 3 * HEARTBEAT_INTERVAL  # a missed beat or two is not "unhealthy"
    assert seconds(pantau["healthcheck"]["interval"]) <= stale_after


def test_mailpit(compose: dict[str, Any]) -> None:
    mailpit = compose["services"]["mailpit"]
    assert mailpit["image"].startswith("axllent/mailpit:v")
    assert published(mailpit) == {1025: "127.0.0.1:1025", 8025: "127.0.0.1:8025"}
    assert mailpit["healthcheck"]["test"] == ["CMD", "/mailpit", "readyz"]  # pantau waits for it to be healthy


def test_named_volumes(compose: dict[str, Any]) -> None:
    assert set(compose["volumes"]) == {"esdata", "pantau-data"}


def test_deploy_config_is_valid_and_mails_to_mailpit() -> None:
    config = load_config(ROOT / "deploy" / "pantau.toml", data_dir="/data", environ={})
    assert config.smtp.host == "mailpit" and config.smtp.port == 1025
    assert config.store.elasticsearch_url == "http://elasticsearch:9200"
    assert config.store.index == "pantau-articles"


def test_dockerfile() -> None:
    text = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith((" ", "#"))]
    instructions = [line.split(None, 1) for line in lines]
    assert instructions[0] == ["FROM", "python:3.11-slim"]
    assert re.search(r"^RUN pip install \.", text, re.MULTILINE)
    users = [arg for op, arg in instructions if op == "USER"]
    assert users and users[-1] not in ("root", "0")
    assert ["CMD", '["schedule"]'] in instructions and ["ENTRYPOINT", '["pantau"]'] in instructions


def test_dockerignore_keeps_what_pip_install_needs() -> None:
    ignored = {line.strip() for line in (ROOT / ".dockerignore").read_text().splitlines()
               if line.strip() and not line.startswith("#")}
    assert {".git", "data", ".venv"} <= ignored
    assert not {"pyproject.toml", "README.md", "pantau", "crawler", "pipelines", "schedules"} & ignored
