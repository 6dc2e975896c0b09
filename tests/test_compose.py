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
    assert "ports" not in pantau


def test_mailpit(compose: dict[str, Any]) -> None:
    mailpit = compose["services"]["mailpit"]
    assert mailpit["image"].startswith("axllent/mailpit:v")
    assert published(mailpit) == {1025: "127.0.0.1:1025", 8025: "127.0.0.1:8025"}


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
