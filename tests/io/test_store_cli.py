"""The command line with saved datasets, in both stores: ``import`` saves by name, ``datasets`` lists,
``export-png --dataset`` and ``publish --dataset`` draw a saved dataset, ``datasets delete`` asks first."""

from __future__ import annotations

import io

from geo.cli.main import main as cli_main
from geo.config import ROOT
from geo.io import store
from tests.io.test_store import backend, data_dir  # noqa: F401 (the fixtures: both stores)

GTD = ROOT / "tests" / "fixtures" / "import" / "gtd_belgium.csv"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = cli_main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_import_list_export_and_delete_by_name(backend, capsys, tmp_path, monkeypatch):  # noqa: F811
    assert run(capsys, "import", GTD, "--name", "GTD sample")[0] == 0
    assert run(capsys, "import", GTD, "--name", "GTD sample")[0] == 0
    code, out, _ = run(capsys, "datasets")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("2 saved datasets in the ")
    assert ("PostGIS database atlas" in lines[0]) == ("ATLAS_DATABASE_URL" in backend)
    assert lines[1].split() == ["slug", "name", "rows", "imported", "at", "(UTC)"]
    assert {tuple(line.split()[:1]) for line in lines[2:]} == {("gtd-sample",), ("gtd-sample-2",)}
    assert all(" 8  " in line for line in lines[2:])  # 8 accepted rows each

    saved = tmp_path / "saved.png"
    report = tmp_path / "report.png"
    assert run(capsys, "export-png", "--dataset", "gtd-sample-2", "--out", saved)[0] == 0
    assert run(capsys, "export-png", "--out", report)[0] == 0
    assert saved.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and saved.read_bytes() != report.read_bytes()
    published = tmp_path / "published"
    assert run(capsys, "publish", "--dataset", "gtd-sample-2", "--out", published)[0] == 0
    assert "2018" in (published / "data.js").read_text(encoding="utf-8")  # the dataset's years (the report's end in 2017)
    code, _, err = run(capsys, "export-png", "--dataset", "GTD sample", "--out", tmp_path / "x.png")
    assert code == 2 and "2 saved datasets are named 'GTD sample'" in err  # a name two datasets share
    code, _, err = run(capsys, "export-png", "--dataset", "gtd-sample", "--data", GTD, "--out", tmp_path / "y.png")
    assert code == 2 and "not both" in err

    monkeypatch.setattr("sys.stdin", io.StringIO("y\n"))  # not a terminal: it will not ask, nor delete
    code, _, err = run(capsys, "datasets", "delete", "gtd-sample")
    assert code == 2 and "asks first" in err
    assert len(store.configured().list_datasets()) == 2
    monkeypatch.setattr("sys.stdin", _Terminal("n\n"))
    assert run(capsys, "datasets", "delete", "gtd-sample")[0] == 1
    assert len(store.configured().list_datasets()) == 2
    monkeypatch.setattr("sys.stdin", _Terminal("yes\n"))
    code, out, _ = run(capsys, "datasets", "delete", "gtd-sample")
    assert code == 0 and out.strip().endswith("deleted gtd-sample")
    assert [d.slug for d in store.configured().list_datasets()] == ["gtd-sample-2"]
    assert run(capsys, "datasets", "delete", "gtd-sample-2", "--yes")[0] == 0
    assert run(capsys, "datasets")[1].startswith("0 saved datasets")


def test_the_command_line_may_write_even_behind_a_proxy(backend, capsys, monkeypatch):  # noqa: F811
    monkeypatch.setenv("ATLAS_PROXY_SECRET", "s3cret")  # the app's environment, shared by an admin's shell
    assert run(capsys, "import", GTD, "--name", "by the admin")[0] == 0
    assert [d.slug for d in store.configured().list_datasets()] == ["by-the-admin"]


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True
