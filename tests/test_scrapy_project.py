"""Gazette as a standard Scrapy project (scrapy.cfg, crawler/spiderloader.py): `scrapy list` names the configured
sites and `scrapy crawl SITE` crawls one into the archive, here a loopback mirror of the recorded Guizhou pages,
run as a user would run it (the `scrapy` command, in the checkout, then from another directory as an installed
Gazette is run)."""
from __future__ import annotations

import os
import subprocess
import sys

import sqlite_utils

from .support import ROOT, expected_pages


def scrapy(*args, cwd, config, db, env=None):
    environment = {**os.environ, "GAZETTE_CONFIG": str(config), "GAZETTE_DB": str(db), **(env or {})}
    return subprocess.run([sys.executable, "-m", "scrapy", *args], cwd=cwd, env=environment, capture_output=True,
                          text=True, timeout=300, check=False)


def test_scrapy_list_and_crawl_on_the_mirror(mirrors, mirrored_config, db, tmp_path):
    mirror = mirrors("guizhou")
    config = mirrored_config({"guizhou": mirror, "mfa": mirrors("mfa")})
    listed = scrapy("list", cwd=ROOT, config=config, db=db)
    assert listed.returncode == 0, listed.stderr
    assert listed.stdout.split() == ["guizhou", "mfa"]

    crawl = scrapy("crawl", "guizhou", "-a", "full=1", cwd=ROOT, config=config, db=db)
    assert crawl.returncode == 0, crawl.stderr
    archive = sqlite_utils.Database(db)
    [run] = list(archive.query("select * from crawl_runs"))
    assert (run["site"], run["trigger"], run["status"]) == ("guizhou", "scrapy", "ok")
    pages = [p for _, p, _, want in expected_pages("guizhou") if want.get("listed", True)]
    assert run["new"] == len(pages) == archive["articles"].count > 0
    assert "/2023guizhoulatest_3.html" in mirror.requests  # the listing was paged to its end

    # an installed Gazette (no scrapy.cfg): the settings module is named, from any directory
    elsewhere = scrapy("list", cwd=tmp_path, config=config, db=db,
                       env={"SCRAPY_SETTINGS_MODULE": "crawler.scrapy_project", "PYTHONPATH": str(ROOT)})
    assert elsewhere.returncode == 0 and elsewhere.stdout.split() == ["guizhou", "mfa"], elsewhere.stderr
    unknown = scrapy("crawl", "nowhere", cwd=ROOT, config=config, db=db)
    assert unknown.returncode == 2 and "Spider not found: nowhere" in unknown.stderr
    # Scrapy's own start-up log lines, then one line saying what is wrong: no traceback
    assert "Traceback" not in unknown.stderr, unknown.stderr
    assert unknown.stderr.strip().splitlines()[-1].startswith("scrapy: Spider not found: nowhere"), unknown.stderr
