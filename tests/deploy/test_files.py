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
    setup = re.search(r'command: \["python", "-m", "geo", (.+)\]', compose).group(1)
    args = build_parser().parse_args([a.strip().strip('"') for a in setup.split(",")])
    assert (args.command, args.action, args.reader) == ("datasets", "setup", "atlas_reader")


@pytest.mark.parametrize("script, shell", [("db-init.sh", "sh"), ("packages.sh", "bash")])
def test_shell_scripts_are_valid(script, shell):
    subprocess.run([shell, "-n", str(DEPLOY / script)], check=True, timeout=30)
