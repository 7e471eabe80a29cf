"""The layout's rules, checked on the source (README, "Layout"): small modules, no import cycle,
streamlit only in geo/ui, one home for settings and text rules, ruff clean."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from geo.config import PACKAGE_DIR, ROOT

MAX_LINES = 600


def _modules() -> dict[str, Path]:
    """Dotted name → file, for every module of the ``geo`` package."""
    out = {}
    for path in sorted(PACKAGE_DIR.rglob("*.py")):
        parts = path.relative_to(PACKAGE_DIR.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        out[name] = path
    return out


def _imports(path: Path) -> set[str]:
    """Every module named by an import anywhere in the file (top level or inside a function)."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names |= {f"{node.module}.{a.name}" for a in node.names}
    return names


def test_no_module_is_longer_than_600_lines():
    long = {name: n for name, path in _modules().items()
            if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert not long, f"split these by concern: {long}"


def test_only_geo_ui_imports_streamlit():
    offenders = [name for name, path in _modules().items()
                 if not name.startswith("geo.ui") and any(i.split(".")[0] in ("streamlit", "streamlit_folium")
                                                          for i in _imports(path))]
    assert not offenders


def test_no_import_cycle_between_modules():
    modules = _modules()
    graph = {name: {i for i in _imports(path) if i in modules and i != name and not name.startswith(i + ".")}
             for name, path in modules.items()}
    seen: dict[str, int] = {}  # 1: on the stack, 2: done
    cycles = []

    def visit(node: str, stack: list[str]) -> None:
        seen[node] = 1
        for nxt in sorted(graph[node]):
            if seen.get(nxt) == 1:
                cycles.append(stack[stack.index(nxt):] + [nxt])
            elif nxt not in seen:
                visit(nxt, stack + [nxt])
        seen[node] = 2

    for name in sorted(graph):
        if name not in seen:
            visit(name, [name])
    assert not cycles, cycles


@pytest.mark.parametrize(("needle", "home"), [
    ("os.environ", "geo/config.py"),        # every ATLAS_* setting is read in one place
    ("unicodedata", "geo/text.py"),         # one accent fold
    ("FORMULA", "geo/text.py"),             # one spreadsheet-cell guard
])
def test_one_home_per_rule(needle, home):
    found = sorted(str(p.relative_to(ROOT)) for p in PACKAGE_DIR.rglob("*.py")
                   if needle in p.read_text(encoding="utf-8"))
    assert found == [home]


def test_pages_and_app_import_no_library_but_streamlit_and_geo():
    allowed = {"streamlit", "geo", "pathlib", "__future__"}
    for path in [ROOT / "app.py", *sorted((ROOT / "pages").glob("*.py"))]:
        roots = {i.split(".")[0] for i in _imports(path)}
        assert roots <= allowed, (path.name, roots - allowed)


def test_ruff_is_clean():
    done = subprocess.run([sys.executable, "-m", "ruff", "check", "--no-cache", "--output-format", "concise", "."],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr


def test_every_setting_is_in_config_and_in_the_readme():
    import re

    from geo import config

    named = {m for p in [*PACKAGE_DIR.rglob("*.py"), *(ROOT / "tests").rglob("*.py")]
             for m in re.findall(r"(?<![.\w])ATLAS_[A-Z_]+[A-Z]\b", p.read_text(encoding="utf-8"))}
    assert named <= {s.name for s in config.SETTINGS}, named - {s.name for s in config.SETTINGS}
    assert config.settings_table() in (ROOT / "README.md").read_text(encoding="utf-8")
