"""geo.config: every setting read when asked, with its default, and the cache folder moving the
saved datasets too (unless ATLAS_DATA_DIR names their own folder)."""

from __future__ import annotations

import pytest

from geo import config
from geo.errors import SettingsError


def test_the_cache_folder_moves_downloads_and_datasets(monkeypatch, tmp_path):
    monkeypatch.delenv("ATLAS_DATA_DIR", raising=False)
    monkeypatch.setenv("ATLAS_CACHE_DIR", str(tmp_path / "cache"))
    assert config.cache_dir() == tmp_path / "cache"
    assert config.data_dir() == (tmp_path / "cache" / "datasets").resolve()
    monkeypatch.setenv("ATLAS_DATA_DIR", str(tmp_path / "elsewhere"))
    assert config.data_dir() == (tmp_path / "elsewhere").resolve()


def test_limits_have_defaults_and_refuse_nonsense(monkeypatch):
    monkeypatch.delenv("ATLAS_MAX_ROWS", raising=False)
    monkeypatch.delenv("ATLAS_MAX_UPLOAD_MB", raising=False)
    assert config.max_rows() == config.DEFAULT_MAX_ROWS
    assert config.max_upload_bytes() == config.DEFAULT_MAX_UPLOAD_MB * 1_000_000
    monkeypatch.setenv("ATLAS_MAX_UPLOAD_MB", "0.5")
    assert config.max_upload_bytes() == 500_000
    for bad in ("-1", "0", "nan", "lots"):
        monkeypatch.setenv("ATLAS_MAX_ROWS", bad)
        with pytest.raises(SettingsError, match="ATLAS_MAX_ROWS"):
            config.max_rows()


def test_every_setting_has_a_default_and_a_meaning():
    names = [s.name for s in config.SETTINGS]
    assert len(names) == len(set(names)) and all(n.startswith("ATLAS_") for n in names)
    assert all(s.default and s.meaning for s in config.SETTINGS)
