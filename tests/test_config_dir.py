"""Which config a command uses, from any directory: --config, then GAZETTE_CONFIG, then ./config when it holds a
sites.toml, then the config shipped with Gazette (gazette_data.config_dir, the one resolver)."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import gazette_data
from crawler.demo.sites import read_config

SITE = '''
[sites.{key}]
name = "{key}"
base_url = "https://{key}.example.org"
hosts = ["{key}.example.org"]
start_urls = ["https://{key}.example.org/news/"]
article_pattern = '/t\\d+\\.html$'
'''


def config_with(directory: Path, key: str) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "sites.toml").write_text(SITE.format(key=key), encoding="utf-8")
    return directory


def sites(cwd: Path, *args: str, env: dict | None = None) -> list[str]:
    environment = {k: v for k, v in os.environ.items() if k not in ("GAZETTE_DB", "GAZETTE_CONFIG")}
    proc = subprocess.run([sys.executable, "-m", "crawler", "sites", "--json", *args], cwd=cwd,
                          env={**environment, **(env or {})}, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    return [json.loads(line)["key"] for line in proc.stdout.splitlines()]


def test_config_dir_order(tmp_path):
    shipped = list(read_config()["sites"])
    empty = tmp_path / "empty"
    empty.mkdir()
    assert sites(empty) == shipped  # nothing here: the shipped config

    (tmp_path / "no-sites" / "config").mkdir(parents=True)  # a config/ without sites.toml is not a config
    assert sites(tmp_path / "no-sites") == shipped

    here = tmp_path / "here"
    config_with(here / "config", "local")
    assert sites(here) == ["local"]  # ./config

    env_dir = config_with(tmp_path / "from-env", "fromenv")
    assert sites(here, env={"GAZETTE_CONFIG": str(env_dir)}) == ["fromenv"]  # GAZETTE_CONFIG beats ./config

    flag_dir = config_with(tmp_path / "from-flag", "fromflag")
    assert sites(here, "--config", str(flag_dir), env={"GAZETTE_CONFIG": str(env_dir)}) == ["fromflag"]
    assert sites(tmp_path, "--config", "from-flag") == ["fromflag"]  # relative to where the command runs


def test_resolved_paths_are_absolute(tmp_path, monkeypatch):
    monkeypatch.delenv("GAZETTE_CONFIG", raising=False)
    monkeypatch.chdir(tmp_path)
    assert gazette_data.config_dir("rel") == tmp_path / "rel"
    monkeypatch.setenv("GAZETTE_CONFIG", "other")
    assert gazette_data.config_dir() == tmp_path / "other"
    monkeypatch.delenv("GAZETTE_CONFIG")
    assert gazette_data.config_dir() == gazette_data.default_config()
    assert (gazette_data.default_config() / "sites.toml").is_file()
    assert (gazette_data.default_config() / "mentions" / "countries.toml").is_file()
