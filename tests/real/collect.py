"""How the real corpus (tests/real/) was made: copy chosen responses, byte for byte, out of the Scrapy HTTP cache that
the public repository cwang23/china_fm committed, and write down where each came from (pages.json, PROVENANCE.md).

Run (needs the repository's git directory, e.g. fetched with the project's `fetch` tool):
    python -m tests.real.collect /work/.mirror/cwang23+china_fm/repo
It reads the cache at COMMIT with `git show`, never from the network. The expected fields are NOT made here: they
are in expected.json, written by reading the HTML (see PROVENANCE.md).
"""
from __future__ import annotations

import ast
import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = "cwang23/china_fm"
COMMIT = "5048bc297a11e7477dfadf325e06a745de7041ad"
CACHE = "chinafm_scraper/.scrapy/httpcache/chinafm"
EN = "https://www.fmprc.gov.cn/mfa_eng/xwfw_665399/s2510_665401/2511_665403/"
ZH = "https://www.fmprc.gov.cn/web/wjdt_674879/fyrbt_674889/"
CHOSEN = {  # folder -> article ids (tNNNNNNN): why each was chosen is in PROVENANCE.md
    "mfa-en-2015": (EN, [
        # the twelve of /work/shared/reference/html/mfa-press-2018-2020
        1572345, 1574293, 1582340, 1603186, 1618558, 1629668, 1647752, 1683397, 1773113, 1780283, 1781773, 1783491,
        # headline dates: "June11, 2018", "June13, 2018", yearless "September 13"/"28", no date at all (two
        # "Remarks on …"), "Daily Briefing Online on …"
        1567808, 1568643, 1594900, 1600384, 1686638, 1687014, 1742022, 1748036,
        # separators (***, ※※※※※※) between the Q&A
        1625726, 1639956, 1657007, 1695956, 1714425, 1748946, 1775332, 1792107,
        # a spread over 2018-2020: every 12th of the 500 cached pages
        1558711, 1563933, 1569335, 1573983, 1579567, 1587407, 1593756, 1599752, 1606198, 1611201, 1616369,
        1621251, 1630327, 1637290, 1642779, 1653646, 1661163, 1665708, 1670850, 1676018, 1681206, 1685017,
        1689110, 1693811, 1699375, 1707781, 1712002, 1716261, 1721187, 1726197, 1730049, 1735680, 1746298,
        1752564, 1759985, 1767935, 1773833, 1785898, 1791285]),
    "mfa-zh-2015": (ZH, [
        # the six of /work/shared/reference/html/mfa-press-2018-2020
        1426258, 1618802, 1633955, 1646964, 1729222, 1778312,
        # photo captions in centred lines under the photos (the only such page of the 1,000); separators
        1474127, 1421110, 1452526, 1629296, 1714387, 1790422,
        # a spread over 2017-2020: every 80th of the 1,000 cached pages
        1415586, 1441738, 1470893, 1500119, 1528098, 1558326, 1587320, 1619927, 1649706, 1683669, 1713116,
        1743310, 1779560]),
}


def git(repo: Path, *args: str) -> bytes:
    return subprocess.run(["git", f"--git-dir={repo}", *args], check=True, capture_output=True).stdout


def cache_index(repo: Path) -> dict[str, str]:
    """URL -> cache folder, from every `meta` file of the cache."""
    names = git(repo, "ls-tree", "-r", "--name-only", COMMIT, CACHE).decode().split()
    index = {}
    for name in names:
        if name.endswith("/meta"):
            meta = ast.literal_eval(git(repo, "show", f"{COMMIT}:{name}").decode())
            index[meta["url"]] = name[: -len("/meta")]
    return index


def main(argv: list[str]) -> int:
    repo = Path(argv[0]) if argv else Path("/work/.mirror/cwang23+china_fm/repo")
    index = cache_index(repo)
    pages = []
    for folder, (base, ids) in CHOSEN.items():
        (HERE / folder).mkdir(exist_ok=True)
        for number in ids:
            url = f"{base}t{number}.shtml"
            if url not in index:
                print(f"not in the cache: {url}", file=sys.stderr)
                continue
            path = index[url]
            meta = ast.literal_eval(git(repo, "show", f"{COMMIT}:{path}/meta").decode())
            body = git(repo, "show", f"{COMMIT}:{path}/response_body")
            headers = git(repo, "show", f"{COMMIT}:{path}/response_headers").decode("latin-1")
            file = f"{folder}/t{number}.html"
            (HERE / file).write_bytes(body)
            fetched = dt.datetime.fromtimestamp(meta["timestamp"], dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
            content_type = next((line.split(":", 1)[1].strip() for line in headers.splitlines()
                                 if line.lower().startswith("content-type:")), None)
            pages.append({"file": file, "url": url, "status": meta["status"], "content_type": content_type,
                          "fetched_at": fetched, "repository": REPO, "commit": COMMIT, "cache_path": path,
                          "bytes": len(body)})
    (HERE / "pages.json").write_text(json.dumps(pages, indent=1, ensure_ascii=False) + "\n", "utf-8")
    print(f"{len(pages)} pages copied")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
