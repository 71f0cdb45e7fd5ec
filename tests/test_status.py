"""`gazette status`: per site the last crawl, its counts and health warnings, read from a real archive."""
from __future__ import annotations

from .support import gazette, json_lines
from .test_crawl import english_pages


def test_status_before_any_crawl_lists_every_site(mirrors, mirrored_config, db):
    cfg_dir = mirrored_config({"mfa": mirrors("mfa"), "hunan": mirrors("hunan")})
    # No archive yet: the one rule of every command that reads an archive (one line, exit 2, nothing created).
    missing = gazette("status", "--json", db=db, config=cfg_dir)
    assert missing.returncode == 2 and missing.stdout == "", missing.stderr
    assert f"no archive at {db}" in missing.stderr and "Traceback" not in missing.stderr
    assert not db.exists()  # status does not create an archive
    db.parent.mkdir(parents=True)
    from archive import Archive
    Archive(db).close()  # an empty archive: every site listed, never crawled
    proc = gazette("status", "--json", db=db, config=cfg_dir)
    assert proc.returncode == 0, proc.stderr
    rows = json_lines(proc.stdout)
    assert [r["site"] for r in rows] == ["mfa", "hunan"]
    assert all(r["last_run"] is None and r["warnings"] == ["never crawled"] for r in rows)
    plain = gazette("status", db=db, config=cfg_dir)
    assert "mfa" in plain.stdout and "never crawled" in plain.stdout


def test_status_shows_counts_and_warnings(mirrors, mirrored_config, db):
    healthy = mirrors("shenzhen")
    empty = mirrors("guangdong")  # its listing lost every article link
    empty.set("/guangdongstories_7.html", "<html><body><div class='left-liebiao'></div><p>No news today.</p></body></html>")
    failing = mirrors("hunan")    # listings fine, every article answers 500
    for path, _ in english_pages("hunan"):
        failing.set(path, "<html><body>error</body></html>", status=500)
    down = mirrors("guizhou")
    down.close()
    cfg_dir = mirrored_config({"shenzhen": healthy, "guangdong": empty, "hunan": failing, "guizhou": down},
                              retry_times=0)
    assert gazette("crawl", "--all", "--full", db=db, config=cfg_dir).returncode == 1
    assert gazette("crawl", "guizhou", db=db, config=cfg_dir).returncode == 1
    proc = gazette("status", "--json", db=db, config=cfg_dir)
    assert proc.returncode == 0, proc.stderr
    rows = {r["site"]: r for r in json_lines(proc.stdout)}

    ok = rows["shenzhen"]
    assert ok["warnings"] == [] and ok["articles"] == len(english_pages("shenzhen"))
    run = ok["last_run"]
    assert run["status"] == "ok" and run["new"] == ok["articles"] and run["listings"] == 3
    assert run["links"] == ok["articles"] and run["requests"] == ok["articles"] + 3 + 1

    assert any("listings found no articles" in w for w in rows["guangdong"]["warnings"])
    assert rows["guangdong"]["last_run"]["links"] == 0

    hunan = rows["hunan"]
    assert hunan["last_run"]["failed"] == len(english_pages("hunan")) and hunan["last_run"]["status"] == "failed"
    assert any(w.startswith("many failures") for w in hunan["warnings"])
    assert any("HTTP 500" in e for e in hunan["last_run"]["errors"])

    guizhou = rows["guizhou"]
    assert "2 failed runs in a row" in guizhou["warnings"]
    assert any(w.startswith("last run failed: site guizhou failed") for w in guizhou["warnings"])

    plain = gazette("status", db=db, config=cfg_dir).stdout
    assert "warning: 2 failed runs in a row" in plain and "shenzhen" in plain

