"""The settings module of the egg `gazette deploy` sends to Scrapyd: Gazette's Scrapy project
(crawler/scrapy_project.py, one spider per configured site from crawler/spiderloader.py) with the config that
travels inside the egg and a shard as the default archive.

Scrapyd runs `scrapy crawl KEY -s GAZETTE_DB=SHARD [-a full=1]` from the egg. The config is the egg's
gazette_data/config (gazette_data unpacks it from a zipped egg, since the config loader reads files).
GAZETTE_DB defaults to gazette-shard.db in Scrapyd's working directory; `gazette schedule --scrapyd` passes the
node's shard explicitly.
"""
from __future__ import annotations

import os

from gazette_data import default_config

from .scrapy_project import *  # noqa: F403  # the project's settings; below, what differs in the egg

GAZETTE_DB = "gazette-shard.db"
GAZETTE_CONFIG = os.environ.get("GAZETTE_CONFIG") or str(default_config())
