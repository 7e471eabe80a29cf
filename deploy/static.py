"""The files nginx serves from disk (:mod:`deploy.nginx`): a copy of Streamlit's frontend bundle
with a gzip-compressed twin of every text file (``x.js`` and ``x.js.gz``, read by nginx's
``gzip_static``), made once per Streamlit version: a second start copies and compresses nothing.

The copy lives in the deployment's folder, not in the installed package, so the package stays as
pip left it and nginx's workers read a folder the deployment owns. Debian's nginx has no brotli
module, so gzip it is.
"""

from __future__ import annotations

import gzip
import os
import shutil
from pathlib import Path

#: Text files worth compressing (fonts are already compressed: woff2).
COMPRESSED = frozenset({".js", ".mjs", ".css", ".json", ".svg", ".html", ".txt", ".map", ".ttf"})


def streamlit_frontend() -> Path:
    """The installed Streamlit's ``static`` folder (``index.html`` and ``static/js``…)."""
    import streamlit

    return Path(streamlit.__file__).resolve().parent / "static"


def _same(src: Path, dst: Path) -> bool:
    if not dst.exists():
        return False
    a, b = src.stat(), dst.stat()
    return a.st_size == b.st_size and int(a.st_mtime) == int(b.st_mtime)


def mirror(source: Path, target: Path) -> Path:
    """Make ``target`` a copy of ``source`` (files readable by all, folders enterable) with a
    ``.gz`` twin of every :data:`COMPRESSED` file; files that vanished from ``source`` go. Returns
    ``target`` resolved."""
    target = target.resolve()
    target.mkdir(parents=True, exist_ok=True)
    target.chmod(0o755)
    wanted: set[Path] = set()
    for src in source.rglob("*"):
        if not src.is_file():
            continue
        dst = target / src.relative_to(source)
        wanted.add(dst)
        if not _same(src, dst):
            dst.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dst)
            dst.chmod(0o644)
        if src.suffix in COMPRESSED:
            twin = dst.with_name(dst.name + ".gz")
            wanted.add(twin)
            if not twin.exists() or twin.stat().st_mtime < dst.stat().st_mtime:
                with open(dst, "rb") as fh:
                    packed = gzip.compress(fh.read(), compresslevel=9, mtime=0)
                tmp = twin.with_name(twin.name + ".tmp")
                tmp.write_bytes(packed)
                tmp.chmod(0o644)
                os.replace(tmp, twin)
    for path in sorted(target.rglob("*"), reverse=True):  # files first, then empty folders
        if path.is_file() and path not in wanted:
            path.unlink()
        elif path.is_dir():
            path.chmod(0o755)
            if not any(path.iterdir()):
                path.rmdir()
    return target
