"""The deployment files that cannot run here (docker does not run on this machine) are checked
for what can be checked: the settings they set exist, the files they copy exist, the commands
they run parse, the shell scripts are valid."""

from __future__ import annotations

import re
import subprocess

import pytest

from geo import config
from geo.cli.main import build_parser
from geo.config import ROOT

DEPLOY = ROOT / "deploy"


def test_every_atlas_setting_the_compose_file_sets_exists():
    compose = (DEPLOY / "compose.yaml").read_text(encoding="utf-8")
    set_there = set(re.findall(r"^\s+(ATLAS_[A-Z_]+):", compose, flags=re.M))
    known = {s.name for s in config.SETTINGS}
    passwords = {n for n in set_there if n.endswith("_DB_PASSWORD")}  # the database container's own
    assert {"ATLAS_DATABASE_URL", "ATLAS_READER_DATABASE_URL", "ATLAS_PROXY_SECRET"} <= set_there
    assert set_there - passwords <= known
    example = (DEPLOY / "env.example").read_text(encoding="utf-8")
    needed = set(re.findall(r"\$\{(ATLAS_[A-Z_]+):\?\}", compose))
    assert needed == set(re.findall(r"^(ATLAS_[A-Z_]+)=", example, flags=re.M))


def test_the_dockerfile_copies_files_that_exist():
    docker = (DEPLOY / "Dockerfile").read_text(encoding="utf-8")
    for sources in re.findall(r"^COPY (.+) \S+$", docker, flags=re.M):
        for source in sources.split():
            assert (ROOT / source).exists(), source


def test_the_commands_the_containers_run_parse():
    compose = (DEPLOY / "compose.yaml").read_text(encoding="utf-8")
    setup = re.search(r'command: \["sh", "-c", "(.+)"\]', compose).group(1)
    check, run = setup.split(" && exec ")
    assert check == "python -c 'from geo.config import check_secrets; check_secrets()'"
    assert run.startswith("python -m geo ")
    args = build_parser().parse_args(run.removeprefix("python -m geo ").split())
    assert (args.command, args.action, args.reader) == ("datasets", "setup", "atlas_reader")


def _services(compose: str) -> dict[str, str]:
    """Each service of the compose file and its text (no YAML parser is installed: its layout)."""
    block = re.search(r"^services:\n(.*?)(?=^\S)", compose, flags=re.M | re.S).group(1)
    parts = re.split(r"^  ([a-z0-9]+):\n", block, flags=re.M)
    return dict(zip(parts[1::2], parts[2::2], strict=True))


def _service(compose: str, name: str) -> str:
    return _services(compose)[name]


def test_containers_listen_as_narrowly_as_compose_allows():
    compose = (DEPLOY / "compose.yaml").read_text(encoding="utf-8")
    docker = (DEPLOY / "Dockerfile").read_text(encoding="utf-8")
    assert "0.0.0.0" not in docker.split("FROM base AS proxy")[0]  # the app image: loopback by default
    assert "ENV STREAMLIT_SERVER_ADDRESS=127.0.0.1" in docker
    apps = re.findall(r"^  (app\d+):", compose, flags=re.M)
    assert apps == ["app1", "app2"]
    for app in apps:
        text = _service(compose, app)
        bound = re.search(r"STREAMLIT_SERVER_ADDRESS: (\S+)", text).group(1)
        assert re.search(rf"ipv4_address: {re.escape(bound)}$", text, flags=re.M), app
        assert "ports:" not in text
    published = re.findall(r"^    ports:\n\s+- \"(.+)\"", compose, flags=re.M)
    assert published == ["127.0.0.1:8080:8080"]  # the proxy only, on the host's loopback
    assert re.search(r"^  backend:\n    internal: true", compose, flags=re.M)
    for name in ("db", "setup", "app1", "app2"):
        assert "front" not in _service(compose, name), name


def test_the_admin_password_goes_to_the_database_and_the_setup_only():
    compose = (DEPLOY / "compose.yaml").read_text(encoding="utf-8")
    admin = re.search(r"POSTGRES_PASSWORD: \$\{(\w+):\?\}", compose).group(1)  # the compose file's variable
    holders = {name for name, text in _services(compose).items() if admin in text}
    assert holders == {"db", "setup"}
    assert "atlas_admin" not in compose.split("x-app: &app")[0].split("x-app-env: &app-env")[1]


def test_the_database_grants_match_the_local_deployments():
    from deploy import postgres

    init = (DEPLOY / "db-init.sh").read_text(encoding="utf-8")
    assert "GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO atlas_editor" in init
    assert "GRANT SELECT ON TABLES TO atlas_reader" in init
    assert "REVOKE CREATE ON SCHEMA public FROM PUBLIC" in init and "OWNER TO atlas_editor" not in init
    source = (DEPLOY / "postgres.py").read_text(encoding="utf-8")
    assert "GRANT SELECT, INSERT, UPDATE, DELETE ON {tables} TO {EDITOR}" in source
    assert "REVOKE CREATE ON SCHEMA public FROM PUBLIC" in source
    assert postgres.PG_HBA.splitlines()[1].split() == ["local", "all", "all", "scram-sha-256"]


@pytest.mark.parametrize("script, shell", [("db-init.sh", "sh"), ("packages.sh", "bash")])
def test_shell_scripts_are_valid(script, shell):
    subprocess.run([shell, "-n", str(DEPLOY / script)], check=True, timeout=30)
