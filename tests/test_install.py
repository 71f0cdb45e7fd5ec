"""A non-editable install works anywhere (issue 11 item 5).

The wheel built from this tree holds every module and the data Gazette ships (config/ with mentions/, the Datasette
assets, the recorded pages). Installed into a virtual environment of its own and run from another directory, it
lists the shipped sites, fetches an article from a loopback mirror with mention tagging (config given by --config,
mention data from the package), serves the archive in Datasette, and builds and serves the demo.

The environment: $GAZETTE_DIST_VENV when set (.ci/run makes one with a full `pip install .`, dependencies
included); otherwise one venv made here with the wheel installed `--no-deps`, the dependencies coming from this
test environment's site-packages through a .pth line (quick: no download).
"""
from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import sysconfig
import time
import urllib.request
import zipfile
from contextlib import closing
from pathlib import Path

import pytest

import gazette_data
from crawler.demo.sites import read_config, site_mirror, write_config

from .support import ROOT

PACKAGES = ("definitions", "crawler", "pipelines", "archive", "gazette_data")
TOP_LEVEL_SKIP = {".git", "data", "build", "dist", "locks", "logs", ".pytest_cache"}


def skip(directory: str, names: list[str]) -> set[str]:
    """What the copy of the tree leaves out: caches everywhere; venvs, archives and build output at the top."""
    top = Path(directory) == ROOT
    return {n for n in names if n == "__pycache__" or n.endswith((".pyc", ".egg-info"))
            or top and (n in TOP_LEVEL_SKIP or n.startswith(".venv"))}


def files_under(directory: Path) -> list[Path]:
    return sorted(p.relative_to(directory) for p in directory.rglob("*")
                  if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """The wheel `pip wheel .` builds from a copy of this tree (so no build/ appears in the checkout)."""
    work = tmp_path_factory.mktemp("build")
    source = work / "source"
    shutil.copytree(ROOT, source, ignore=skip, symlinks=True)
    proc = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(work / "dist"),
                           str(source)], capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-3000:]
    (built,) = (work / "dist").glob("gazette-*.whl")
    return built


@pytest.fixture(scope="module")
def venv(wheel, tmp_path_factory) -> Path:
    """bin/ of an environment where Gazette is installed from the wheel, not editable."""
    given = os.environ.get("GAZETTE_DIST_VENV")
    if given:
        return Path(given) / "bin"
    env_dir = tmp_path_factory.mktemp("venv") / "env"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(env_dir)], check=True, timeout=120)
    python = env_dir / "bin" / "python"
    purelib = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                             capture_output=True, text=True, check=True).stdout.strip()
    # dependencies from this environment, appended after the venv's own site-packages (no editable finder)
    Path(purelib, "_test_dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    proc = subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "-q", "--no-deps",
                           "--no-index", str(wheel)], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return env_dir / "bin"


def run(venv: Path, *args: str, cwd: Path, timeout: float = 120) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("GAZETTE_DB", "GAZETTE_CONFIG", "PYTHONPATH")}
    env["PATH"] = f"{venv}{os.pathsep}{env.get('PATH', '')}"
    return subprocess.run([str(venv / args[0]), *args[1:]], cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=timeout)


def test_wheel_holds_every_module_and_the_shipped_data(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for package in PACKAGES:
        for path in files_under(ROOT / package):
            if path.suffix == ".py" or package == "archive" and path.parts[0] == "datasette":
                assert f"{package}/{path.as_posix()}" in names, f"{package}/{path} is not in the wheel"
    for path in files_under(ROOT / "config"):
        assert f"gazette_data/config/{path.as_posix()}" in names
    for path in files_under(ROOT / "tests" / "fixtures"):
        assert f"gazette_data/fixtures/{path.as_posix()}" in names
    assert not [n for n in names if n.startswith(("tests/", "bench/", "config/"))]  # only under gazette_data/


def test_installed_gazette_runs_from_another_directory(venv, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    where = run(venv, "python", "-c", "import crawler, gazette_data; print(crawler.__file__); "
                "print(gazette_data.default_config())", cwd=elsewhere)
    module, config = map(Path, where.stdout.split())
    assert "site-packages" in module.parts and "site-packages" in config.parts  # installed, not this checkout

    sites = run(venv, "gazette", "sites", "--json", cwd=elsewhere)
    assert sites.returncode == 0, sites.stderr
    assert [s["key"] for s in map(json.loads, sites.stdout.splitlines())] == list(read_config()["sites"])
    shipped = config / "sites.toml"
    before = shipped.read_bytes()
    added = run(venv, "gazette", "add-site", "http://127.0.0.1:9/news/", "--yes", cwd=elsewhere)
    assert added.returncode == 2 and "installed with Gazette" in added.stderr and "./config" in added.stderr
    assert shipped.read_bytes() == before  # an upgrade would lose a site added there

    mirror = site_mirror("mfa")
    try:
        conf = write_config(tmp_path / "conf", {"mfa": mirror})  # no mentions/ here: the shipped data is used
        db = tmp_path / "archive" / "gazette.db"
        url = mirror.url + next(path for _, path, _, expected in gazette_data.recorded_pages("mfa")
                                if expected.get("body"))
        fetched = run(venv, "gazette", "fetch", url, "--json", "--config", str(conf), "--db", str(db),
                      cwd=elsewhere)
        assert fetched.returncode == 0, fetched.stderr
        result = json.loads(fetched.stdout)
        assert result["status"] == "new"
        with closing(sqlite3.connect(db)) as conn:
            tagged = conn.execute("select count(*) from mentions where article_id = ?",
                                  [result["article_id"]]).fetchone()[0]
        assert tagged > 0

        port = free_port()
        env = {k: v for k, v in os.environ.items() if k not in ("GAZETTE_DB", "GAZETTE_CONFIG", "PYTHONPATH")}
        serve = subprocess.Popen([str(venv / "gazette"), "serve", "--db", str(db), "--config", str(conf),
                                  "--port", str(port)], cwd=elsewhere, env=env,
                                 stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        try:
            rows = wait_for_json(f"http://127.0.0.1:{port}/gazette/articles.json?_shape=array", serve)
            assert [r["id"] for r in rows] == [result["article_id"]]
        finally:
            serve.send_signal(signal.SIGINT)
            assert serve.wait(30) == 0, serve.stderr.read()[-3000:]
    finally:
        mirror.close()


def test_installed_gazette_is_a_scrapy_project(venv, tmp_path):
    """The spider loader from the installed package, as a Scrapyd egg runs it: no scrapy.cfg, the settings module
    named by SCRAPY_SETTINGS_MODULE, the shipped config."""
    env = {k: v for k, v in os.environ.items() if k not in ("GAZETTE_DB", "GAZETTE_CONFIG", "PYTHONPATH")}
    env["SCRAPY_SETTINGS_MODULE"] = "crawler.scrapy_project"
    listed = subprocess.run([str(venv / "python"), "-m", "scrapy", "list"], cwd=tmp_path, env=env,
                            capture_output=True, text=True, timeout=120, check=False)
    assert listed.returncode == 0, listed.stderr[-3000:]
    assert listed.stdout.split() == sorted(read_config()["sites"])


def test_installed_demo_builds_from_the_shipped_pages(venv, tmp_path):
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k not in ("GAZETTE_DB", "GAZETTE_CONFIG", "PYTHONPATH")}
    demo = subprocess.Popen([str(venv / "gazette"), "demo", "--port", str(port), "--json"], cwd=tmp_path, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        steps = {}
        for line in demo.stdout:
            step = json.loads(line)
            steps[step["step"]] = step
            if step["step"] == "serve":
                break
        assert "serve" in steps, demo.stderr.read()[-3000:]
        assert steps["archive"]["revisions"] == 1 and steps["archive"]["gone"] == 1
        assert sorted(steps["archive"]["articles"]) == sorted(steps["mirrors"]["sites"])
        assert (tmp_path / "data" / "demo.db").is_file()
        rows = wait_for_json(f"http://127.0.0.1:{port}/gazette/articles.json?_shape=array&gone_since__notblank=1",
                             demo)
        assert len(rows) == 1
    finally:
        demo.send_signal(signal.SIGINT)
        assert demo.wait(30) == 0


def free_port() -> int:
    with closing(socket.socket()) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_json(url: str, proc: subprocess.Popen, timeout: float = 60):
    deadline = time.monotonic() + timeout
    while True:
        if proc.poll() is not None:
            raise AssertionError(f"exited with {proc.returncode}: {proc.stderr.read()[-3000:]}")
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return json.loads(response.read())
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.3)


def test_bench_and_shipped_code_use_installed_modules_only():
    """bench/ and the packages import nothing from tests/ and never edit sys.path: what they share with the tests
    (mirror, generated site, recorded pages) lives in crawler/demo/ and gazette_data/."""
    import ast

    offenders = []
    for path in sorted((ROOT / "bench").glob("*.py")) + [p for pkg in PACKAGES for p in (ROOT / pkg).rglob("*.py")]:
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            names = ([a.name for a in node.names] if isinstance(node, ast.Import)
                     else [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            if any(n == "tests" or n.startswith("tests.") for n in names):
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno} imports tests")
            if isinstance(node, ast.Attribute) and node.attr == "path" and getattr(node.value, "id", "") == "sys":
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno} uses sys.path")
    assert offenders == []
