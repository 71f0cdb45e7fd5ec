"""`gazette add-site` on the recorded sites: the inferred table against the hand-written one.

For each configured site with recorded pages (gazette_data fixtures, served on loopback), the site is removed
from a copy of the config, `gazette add-site FIRST_START_URL --yes` proposes a table from the mirror, and both
tables, given that one start page, crawl the mirror (`gazette crawl --full`, each into its own archive). Printed per site: the pagination
and article pattern of each table, articles archived by each, and how many of the hand table's articles the
inferred table archived with the same title and date ("same"), and with the same body too ("body").

Run: python -m bench.addsite [--sites mfa,guizhou] [--all-starts]
"""
from __future__ import annotations

import argparse
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

import tomli_w

ROOT = Path(__file__).resolve().parent.parent


def gazette(*args, db: Path, config: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "GAZETTE_DB": str(db), "GAZETTE_CONFIG": str(config)}
    return subprocess.run([sys.executable, "-m", "crawler", *args], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=600)


def articles(db: Path, site: str) -> dict[str, tuple[str, str, str]]:
    if not db.exists():
        return {}
    with sqlite3.connect(db) as conn:
        return {url: (title, (published or "")[:10], body) for url, title, published, body in
                conn.execute("select url, title, published, body from articles where site = ?", [site])}


def compare(project: dict, key: str, start: str, mirror_site, site_mirror, loopback: dict):
    """Crawl the mirror of site `key` from `start` with its hand table and with the table add-site proposes."""
    mirror = site_mirror(key, project)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            tmp = Path(tmp)
            hand_site = mirror_site({**project["sites"][key], "start_urls": [start]}, mirror)
            raw = {"defaults": {**project["defaults"], **loopback}, "sites": {key: hand_site}}
            (tmp / "hand").mkdir()
            (tmp / "hand" / "sites.toml").write_text(tomli_w.dumps(raw), encoding="utf-8")
            (tmp / "inferred").mkdir()
            raw["sites"] = {}
            (tmp / "inferred" / "sites.toml").write_text(tomli_w.dumps(raw), encoding="utf-8")
            proposed = gazette("add-site", hand_site["start_urls"][0], "--key", "inferred", "--yes", "--json",
                               db=tmp / "unused.db", config=tmp / "inferred")
            if proposed.returncode:
                return f"{start}: add-site failed: {proposed.stderr.strip()}"
            table = json.loads(proposed.stdout)["table"]
            gazette("crawl", key, "--full", db=tmp / "hand.db", config=tmp / "hand")
            gazette("crawl", "inferred", "--full", db=tmp / "inferred.db", config=tmp / "inferred")
            hand = articles(tmp / "hand.db", key)
            found = articles(tmp / "inferred.db", "inferred")
            same = sum(1 for url, fields in hand.items() if (found.get(url) or ())[:2] == fields[:2])
            body = sum(1 for url, fields in hand.items() if found.get(url) == fields)
            column = urlsplit(start).path
            return (key if column in ("", "/") or start == project["sites"][key]["start_urls"][0] and not ALL[0]
                    else f"{key} {column}", project["sites"][key].get("pagination", "none"), table["pagination"],
                    hand, found, same, body, f"{project['sites'][key]['article_pattern']} | {table['article_pattern']}")
    finally:
        mirror.close()


ALL = [False]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sites", default="", help="comma-separated keys (default: every recorded site)")
    parser.add_argument("--all-starts", action="store_true", help="every start URL of each site, not only the first")
    args = parser.parse_args(argv)
    ALL[0] = args.all_starts
    import gazette_data
    from crawler.demo.sites import LOOPBACK_DEFAULTS, mirror_site, read_config, site_mirror

    project = read_config(ROOT / "config")
    keys = [k for k in (args.sites.split(",") if args.sites else project["sites"])
            if (gazette_data.fixtures() / k).is_dir()]
    print(f"{'site':<10} {'hand pagination':<16} {'inferred':<10} {'hand':>5} {'inferred':>8} {'same':>5} {'body':>5}  "
          "pattern (hand | inferred)")
    totals = [0, 0, 0, 0]
    for key in keys:
        starts = project["sites"][key]["start_urls"]
        for start in (starts if args.all_starts else starts[:1]):
            row = compare(project, key, start, mirror_site, site_mirror, LOOPBACK_DEFAULTS)
            if isinstance(row, str):
                print(f"{key:<10} {row}")
                continue
            label, hand_kind, kind, hand, found, same, body, patterns = row
            for i, n in enumerate((len(hand), len(found), same, body)):
                totals[i] += n
            print(f"{label:<10} {hand_kind:<16} {kind:<10} {len(hand):>5} {len(found):>8} {same:>5} {body:>5}  {patterns}")
    print(f"{'total':<38} {totals[0]:>5} {totals[1]:>8} {totals[2]:>5} {totals[3]:>5}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
