"""The docker-compose deployment hangs together and is what README.md ("Run on a server") describes.

No Docker here, so these tests check what can be checked from the files: that the parts name each
other consistently (services, ports, volumes, environment, the deploy config, the Dockerfile, the
client and server majors), not that each file says what it says.
"""

from __future__ import annotations

import re
import tomllib
from importlib.metadata import version
from typing import Any
from urllib.parse import urlsplit

import pytest
import yaml
from helpers import REPO

from pantau.cli import build_parser
from pantau.config import load_config


@pytest.fixture(scope="module")
def compose() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((REPO / "docker-compose.yml").read_text(encoding="utf-8"))
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
    """The healthcheck as one command line (``CMD-SHELL`` takes a shell line, ``CMD`` an argument list)."""
    test = service["healthcheck"]["test"]
    assert test[0] in ("CMD-SHELL", "CMD")
    return " ".join(str(part) for part in test[1:])


def service_address(compose: dict[str, Any], url: str) -> tuple[str, int]:
    """The (service, container port) a URL inside the compose network points at."""
    parts = urlsplit(url if "://" in url else f"smtp://{url}")
    return str(parts.hostname), int(parts.port or 0)


def section_table_first_column(markdown: str, header: str) -> set[str]:
    """The back-quoted first cells of the Markdown table whose header row starts with ``header``."""
    lines = markdown.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(header))
    cells = set()
    for line in lines[start + 2:]:
        if not line.startswith("|"):
            break
        cells.add(line.split("|")[1].strip().strip("`"))
    return cells


def test_readme_lists_the_compose_services(compose: dict[str, Any]) -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert section_table_first_column(readme, "| service |") == set(compose["services"])


def test_without_security_every_published_port_is_bound_to_loopback(compose: dict[str, Any]) -> None:
    assert env(compose["services"]["elasticsearch"])["xpack.security.enabled"] == "false"
    for name, service in compose["services"].items():
        for container, host in published(service).items():
            assert host.startswith("127.0.0.1:"), (name, container, host)
    compose_text = (REPO / "docker-compose.yml").read_text()
    assert "xpack.security.enabled=true" in compose_text, "README points at the comment on enabling security"


def test_elasticsearch_server_major_is_the_client_major(compose: dict[str, Any]) -> None:
    match = re.fullmatch(r"docker\.elastic\.co/elasticsearch/elasticsearch:(\d+)\.\d+\.\d+",
                         compose["services"]["elasticsearch"]["image"])
    assert match, "pin an exact server version"
    assert version("elasticsearch").split(".")[0] == match.group(1), "the client speaks its own REST major"


def test_kibana_matches_and_reaches_elasticsearch(compose: dict[str, Any]) -> None:
    services = compose["services"]
    kibana = services["kibana"]
    es_version = services["elasticsearch"]["image"].rsplit(":", 1)[1]
    assert kibana["image"] == f"docker.elastic.co/kibana/kibana:{es_version}"
    assert service_address(compose, env(kibana)["ELASTICSEARCH_HOSTS"]) == ("elasticsearch", 9200)
    assert 9200 in published(services["elasticsearch"])


def test_services_waited_for_as_healthy_have_a_healthcheck(compose: dict[str, Any]) -> None:
    services = compose["services"]
    for name, service in services.items():
        for target, condition in (service.get("depends_on") or {}).items():
            assert target in services, (name, target)
            if condition["condition"] == "service_healthy":
                assert healthcheck_command(services[target]), (name, target)


def test_pantau_service_runs_a_real_command_on_its_mounted_config_and_volume(compose: dict[str, Any]) -> None:
    pantau = compose["services"]["pantau"]
    build_parser().parse_args(pantau["command"])  # a command the CLI knows (argparse exits otherwise)
    settings = env(pantau)
    mounts = {target: source for source, target, *_ in (v.split(":") for v in pantau["volumes"])}
    assert (REPO / mounts[settings["PANTAU_CONFIG"]]).is_file()
    assert mounts[settings["PANTAU_DATA_DIR"]] in compose["volumes"]
    assert service_address(compose, settings["PANTAU_ELASTICSEARCH_URL"]) == ("elasticsearch", 9200)
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
    assert pantau["depends_on"]["mailpit"]["condition"] == "service_healthy"  # alerts need the mail server
    # Docker's SIGKILL must come after the scheduler's own: a crawl gets STOP_GRACE to close (its alert
    # sending included), then the scheduler records the run
    assert seconds(pantau["stop_grace_period"]) >= STOP_GRACE + 30
    check = healthcheck_command(pantau)
    heartbeat = f"{env(pantau)['PANTAU_DATA_DIR']}/{HEARTBEAT_FILE}"
    assert heartbeat in check
    stale_after = int(re.search(r"-mmin -(\d+)", check).group(1)) * 60  # type: ignore[union-attr]
    assert stale_after >= 3 * HEARTBEAT_INTERVAL  # a missed beat or two is not "unhealthy"
    assert seconds(pantau["healthcheck"]["interval"]) <= stale_after


def test_deploy_config_is_valid_and_points_at_compose_services(compose: dict[str, Any]) -> None:
    config = load_config(REPO / "deploy" / "pantau.toml", data_dir="/data", environ={})
    assert config.smtp.host in compose["services"]
    assert config.smtp.port in published(compose["services"][config.smtp.host])
    assert service_address(compose, config.store.elasticsearch_url) == ("elasticsearch", 9200)


def test_named_volumes_are_declared_and_used(compose: dict[str, Any]) -> None:
    used = {v.split(":")[0] for s in compose["services"].values() for v in s.get("volumes", [])
            if not v.startswith((".", "/"))}
    assert used == set(compose["volumes"])


def test_dockerfile_installs_the_tested_versions_and_runs_pantau_unprivileged() -> None:
    text = (REPO / "Dockerfile").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith((" ", "#"))]
    instructions = [line.split(None, 1) for line in lines]
    assert instructions[0][0] == "FROM" and instructions[0][1].startswith("python:3.")
    install = re.search(r"^RUN pip install -c (\S+) \.", text, re.MULTILINE)
    assert install and (REPO / install.group(1)).is_file()
    users = [arg for op, arg in instructions if op == "USER"]
    assert users and users[-1] not in ("root", "0")
    scripts = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["scripts"]
    entrypoint = next(arg for op, arg in instructions if op == "ENTRYPOINT")
    cmd = next(arg for op, arg in instructions if op == "CMD")
    assert yaml.safe_load(entrypoint)[0] in scripts
    build_parser().parse_args(yaml.safe_load(cmd))


def test_dockerignore_keeps_what_pip_install_needs() -> None:
    ignored = {line.strip() for line in (REPO / ".dockerignore").read_text().splitlines()
               if line.strip() and not line.startswith("#")}
    assert {".git", "data", ".venv"} <= ignored
    project = tomllib.loads((REPO / "pyproject.toml").read_text())
    packages = {p.rstrip("*") for p in project["tool"]["setuptools"]["packages"]["find"]["include"]}
    needed = {"pyproject.toml", project["project"]["readme"], "LICENSE", "constraints.txt", *packages}
    assert all((REPO / name).exists() for name in needed)
    assert not needed & ignored
