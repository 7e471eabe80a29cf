"""docs/ARCHITECTURE.md stays true: every package under geo/ is named in it, every path it names
exists, and the import boundaries it states hold (nothing outside tests/ imports tests; geo/ imports
neither the pages, nor the deployment, nor the benchmarks; the deployment does not import the
benchmarks)."""

from __future__ import annotations

import ast
import re
import subprocess

import pytest

from geo.config import PACKAGE_DIR, ROOT

DOC = ROOT / "docs" / "ARCHITECTURE.md"
#: A path of the repository in backquotes: a top-level name of the repository, then anything.
TOP = ("app.py", "entry", "pages", "geo", "data", "deploy", "bench", "tests", "docs", "static")
PATH = re.compile(r"`((?:" + "|".join(re.escape(t) for t in TOP) + r")(?:/[^`\s]*)?)`")


def _named() -> set[str]:
    return {m.group(1) for m in PATH.finditer(DOC.read_text(encoding="utf-8"))}


def test_every_package_under_geo_is_named():
    packages = {str(p.parent.relative_to(ROOT)) + "/" for p in PACKAGE_DIR.rglob("__init__.py")
                if "__pycache__" not in p.parts}
    assert packages, "no package found"
    missing = sorted(packages - _named())
    assert not missing, f"docs/ARCHITECTURE.md does not name {missing}"


def test_every_path_it_names_exists():
    named = _named()
    assert len(named) > 30  # the page names its folders and homes, not only a few
    missing = []
    for path in sorted(named):
        target = ROOT / path.rstrip("/")
        if target.exists() or target.is_symlink():
            continue
        ignored = subprocess.run(["git", "check-ignore", "-q", str(target)], cwd=ROOT).returncode == 0
        if not ignored:  # a generated, git-ignored folder (static/) need not exist in a fresh clone
            missing.append(path)
    assert not missing, f"docs/ARCHITECTURE.md names paths that do not exist: {missing}"


def _imports(path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.add(node.module)
    return found


def _modules(*folders: str) -> list:
    out = []
    for folder in folders:
        target = ROOT / folder
        out += [target] if target.is_file() else [p for p in target.rglob("*.py") if "__pycache__" not in p.parts]
    return sorted(out)


@pytest.mark.parametrize("folders, forbidden", [
    (("deploy", "bench", "geo", "pages", "app.py", "entry"), ("tests",)),
    (("geo",), ("pages", "app", "deploy", "bench")),
    (("deploy",), ("bench",)),
])
def test_the_import_boundaries_hold(folders, forbidden):
    found = [f"{path.relative_to(ROOT)} imports {name}" for path in _modules(*folders) for name in _imports(path)
             if name.split(".")[0] in forbidden]
    assert not found, found
