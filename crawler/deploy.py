"""Crawling on several machines with Scrapyd: package Gazette as a Scrapyd egg, place sites on nodes, start them.

`deploy(target, config_dir)` stages the packages (definitions, crawler, pipelines, archive, gazette_data) with the config
(into gazette_data/config) beside a scrapy.cfg and setup.py, and runs scrapyd-client's `scrapyd-deploy`, which
builds the egg (`setup.py bdist_egg`) and uploads it to the node's addversion.json. The egg's Scrapy project is
crawler/scrapyd_project.py (crawler/scrapy_project.py with the bundled config): one spider per site.

`placement(keys, nodes)` gives each site a node by rendezvous hashing of the site key over the nodes' positions:
the same list of nodes always gives the same placement, and adding a node at the end moves only the sites the
new node wins. `schedule(...)` asks each site's node (schedule.json) to crawl it into its own archive shard.
"""
from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from gazette_data import default_config

PROJECT = "gazette"
PACKAGES = ("definitions", "crawler", "pipelines", "archive", "gazette_data")
ROOT = Path(__file__).resolve().parent.parent
SETUP = """from setuptools import setup

setup(
    name="gazette-scrapyd",
    version={version!r},
    packages={packages!r},
    package_data={{"gazette_data": ["config/*.toml", "config/*/*.toml"],
                   "archive.datasette": ["*.yml", "templates/*", "plugins/*.py"]}},
    entry_points={{"scrapy": ["settings = crawler.scrapyd_project"]}},
    zip_safe=False,
)
"""
CFG = """[settings]
default = crawler.scrapyd_project

[deploy]
url = {target}
project = {project}
"""


class DeployError(Exception):
    """A node could not be reached or refused the request; the message says which and why."""


def stage(directory: Path, config_dir: Path, target: str, version: str, project: str = PROJECT) -> Path:
    """The project tree scrapyd-deploy builds the egg from: Gazette's packages and the config."""
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "demo")
    for package in PACKAGES:
        shutil.copytree(ROOT / package, directory / package, ignore=ignore)
    # the shipped config (gazetteers, meeting rules) under the given one: what a local run falls back to
    shutil.copytree(default_config(), directory / "gazette_data" / "config", ignore=ignore)
    shutil.copytree(config_dir, directory / "gazette_data" / "config", ignore=ignore, dirs_exist_ok=True)
    packages = sorted(str(p.parent.relative_to(directory)).replace("/", ".")
                      for p in directory.rglob("__init__.py"))
    (directory / "setup.py").write_text(SETUP.format(version=version, packages=packages), encoding="utf-8")
    (directory / "scrapy.cfg").write_text(CFG.format(target=target, project=project), encoding="utf-8")
    return directory


def deploy(target: str, config_dir: Path, project: str = PROJECT, version: str | None = None) -> dict:
    """Build the egg with scrapyd-deploy and upload it to `target`; return the node's answer (spiders, version)."""
    version = version or time.strftime("%Y%m%dT%H%M%S")
    with tempfile.TemporaryDirectory(prefix="gazette-deploy-") as tmp:
        staged = stage(Path(tmp) / "project", Path(config_dir), target, version, project)
        proc = subprocess.run([sys.executable, "-m", "scrapyd_client.deploy", "default", "-p", project,
                               "--version", version], check=False, cwd=staged, capture_output=True, text=True,
                              env={"PATH": "/usr/bin:/bin", "HOME": tmp, "PYTHONPATH": str(staged)})
    answer = _last_json(proc.stdout)
    if proc.returncode or answer.get("status") != "ok":
        reason = answer.get("message") or (proc.stderr.strip().splitlines() or ["no answer"])[-1]
        raise DeployError(f"deploy to {target} failed: {reason}")
    return {"target": target, "project": project, "version": version, "spiders": answer.get("spiders")}


def _last_json(text: str) -> dict:
    for line in reversed(text.strip().splitlines()):
        try:
            return json.loads(line)
        except ValueError:
            continue
    return {}


def placement(keys, nodes: list[str]) -> dict[str, str]:
    """site key -> node URL, by rendezvous hashing over the nodes' positions in the list (see the module doc)."""
    def weight(key: str, index: int) -> int:
        return int.from_bytes(hashlib.sha256(f"node{index}/{key}".encode()).digest()[:8], "big")
    return {key: nodes[max(range(len(nodes)), key=lambda i: weight(key, i))] for key in keys}


def call(node: str, endpoint: str, data: dict | None = None, timeout: float = 120) -> dict:
    """POST (with data) or GET one Scrapyd endpoint; its JSON answer, or DeployError."""
    url = node.rstrip("/") + "/" + endpoint
    body = urllib.parse.urlencode(data, doseq=True).encode() if data is not None else None
    try:
        with urllib.request.urlopen(urllib.request.Request(url, data=body), timeout=timeout) as response:
            answer = json.loads(response.read().decode("utf-8"))
    except (urllib.error.URLError, OSError, ValueError) as exc:
        raise DeployError(f"Scrapyd at {node}: {getattr(exc, 'reason', exc)}") from None
    if answer.get("status") != "ok":
        raise DeployError(f"Scrapyd at {node} refused {endpoint}: {answer.get('message', answer)}")
    return answer


def schedule(keys, nodes: list[str], shard: str, *, full: bool = False, project: str = PROJECT) -> list[dict]:
    """Start a crawl of each site on its node, writing to the node's shard; one dict per site (site, node, job)."""
    jobs = []
    for key, node in placement(keys, nodes).items():
        data = {"project": project, "spider": key, "setting": [f"GAZETTE_DB={shard}"]}
        if full:
            data["full"] = "1"
        jobs.append({"site": key, "node": node, "job": call(node, "schedule.json", data)["jobid"]})
    return jobs
