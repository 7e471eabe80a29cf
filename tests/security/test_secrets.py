"""Issue 23, item 3: the values of ``deploy/env.example`` (``change-me…``) and short secrets are
refused, by the app at start (``python -m geo serve`` exits saying which) and by the deployment's
nginx configuration (``python -m deploy.nginx``, which the proxy container runs). One check,
:func:`geo.config.secret_problems`."""

from __future__ import annotations

import re
import secrets
import subprocess
import sys

import pytest

from geo.config import ROOT, secret_problems

pytestmark = pytest.mark.security
EXAMPLE = dict(re.findall(r"^(ATLAS_[A-Z_]+)=(.*)$", (ROOT / "deploy" / "env.example").read_text(), flags=re.M))
#: The example's database password and cookie secret (the compose file's variables, not the app's settings).
DB_PASSWORD = next(v for k, v in EXAMPLE.items() if k.endswith("_DB_PASSWORD"))
COOKIE = next(v for k, v in EXAMPLE.items() if k.endswith("_COOKIE_SECRET"))


def test_every_value_of_the_example_file_is_refused():
    assert len(EXAMPLE) >= 5
    for name, value in EXAMPLE.items():
        assert secret_problems(name, value), (name, value)
    assert secret_problems("X", "aB3" * 5) and secret_problems("X", "a" * 40)  # short; one letter
    assert secret_problems("X", secrets.token_urlsafe(32)) == []


def serve(env: dict[str, str]) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in __import__("os").environ.items() if not k.startswith(("ATLAS_", "STREAMLIT_"))}
    return subprocess.run([sys.executable, "-m", "geo", "serve", "--server.headless", "true", "--server.port", "9"],
                          env=clean | env, capture_output=True, text=True, timeout=60, cwd=ROOT)


@pytest.mark.parametrize("env, said", [
    ({"ATLAS_PROXY_SECRET": EXAMPLE["ATLAS_PROXY_SECRET"]}, "ATLAS_PROXY_SECRET is still a placeholder"),
    ({"ATLAS_PROXY_SECRET": "s3cret-but-short"[:12]}, "ATLAS_PROXY_SECRET is 12 characters long"),
    ({"ATLAS_PROXY_SECRET": secrets.token_urlsafe(32),
      "ATLAS_DATABASE_URL": f"postgresql://atlas_editor:{DB_PASSWORD}@db/atlas"},
     "the password in ATLAS_DATABASE_URL"),
    ({"ATLAS_READER_DATABASE_URL": f"postgresql://atlas_reader:{DB_PASSWORD}@db/atlas"},
     "the password in ATLAS_READER_DATABASE_URL"),
    ({"STREAMLIT_SERVER_COOKIE_SECRET": COOKIE}, "STREAMLIT_SERVER_COOKIE_SECRET"),
])
def test_the_app_refuses_to_start_with_a_placeholder_or_short_secret(env, said):
    out = serve(env)
    assert out.returncode == 2, out.stdout + out.stderr
    assert "refusing to start" in out.stderr and said in out.stderr, out.stderr


def test_the_proxy_configuration_refuses_the_placeholder_secret(tmp_path):
    args = [sys.executable, "-m", "deploy.nginx", "--upstream", "127.0.0.1:8601", "--folder", str(tmp_path)]
    out = subprocess.run([*args, "--secret", EXAMPLE["ATLAS_PROXY_SECRET"]], capture_output=True, text=True,
                         timeout=60, cwd=ROOT)
    assert out.returncode == 2 and "placeholder" in out.stderr and out.stdout == "", out.stderr
    good = subprocess.run([*args, "--secret", secrets.token_urlsafe(32)], capture_output=True, text=True,
                          timeout=60, cwd=ROOT)
    assert good.returncode == 0 and "proxy_pass" in good.stdout, good.stderr
