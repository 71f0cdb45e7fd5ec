"""archive/merge.py on real archive files: versions seen by the archive and by a shard interleave in the order
they were first seen, captures are kept once, a second merge changes nothing."""
from __future__ import annotations

import sqlite_utils

from archive import Archive
from archive.merge import merge


def record(body: str, title: str = "Envoy visits Guizhou") -> dict:
    return {"id": "x1", "site": "mfa", "url": "https://www.fmprc.gov.cn/eng/x1.html", "title": title,
            "published": "2024-05-01", "body": body, "captions": [], "language": "en", "layer": "site",
            "content_hash": str(hash(body))}


def store(path, versions: list[tuple[str, str]]) -> None:
    """Archive these (day, body) versions of one article, each with its capture."""
    with Archive(path) as archive:
        for day, body in versions:
            with archive.transaction():
                capture = archive.store_capture(run_id=None, site="mfa", url="https://www.fmprc.gov.cn/eng/x1.html",
                                                final_url=None, status=200, headers={}, body=body.encode(),
                                                fetched_at=f"2024-05-0{day}T00:00:00Z")
                archive.store_article(record(body), seen_at=f"2024-05-0{day}T00:00:00Z", capture_id=capture)


def history(path) -> tuple[list, str, tuple]:
    db = sqlite_utils.Database(path)
    revisions = [(r["seen_at"], r["replaced_at"], r["body"]) for r in
                 db.query("select * from revisions where article_id = 'x1' order by seen_at")]
    article = next(db.query("select * from articles where id = 'x1'"))
    return revisions, article["body"], (article["first_seen"], article["last_seen"], article["last_changed"])


def test_versions_interleave_by_first_seen_and_merging_again_changes_nothing(tmp_path):
    ours, shard = tmp_path / "archive.db", tmp_path / "shard.db"
    store(ours, [(1, "First text of the visit."), (3, "Third text of the visit.")])
    store(shard, [(2, "Second text of the visit."), (4, "Second text of the visit.")])
    [counts] = merge(ours, [shard])
    assert (counts["updated"], counts["captures"]) == (1, 2)
    revisions, body, seen = history(ours)
    assert revisions == [("2024-05-01T00:00:00Z", "2024-05-02T00:00:00Z", "First text of the visit."),
                         ("2024-05-02T00:00:00Z", "2024-05-03T00:00:00Z", "Second text of the visit.")]
    assert body == "Third text of the visit."
    assert seen == ("2024-05-01T00:00:00Z", "2024-05-04T00:00:00Z", "2024-05-03T00:00:00Z")
    captures = sqlite_utils.Database(ours)["captures"].count
    [again] = merge(ours, [shard])
    assert (again["new"], again["updated"], again["captures"], again["runs"]) == (0, 0, 0, 0)
    assert history(ours) == (revisions, body, seen)
    assert sqlite_utils.Database(ours)["captures"].count == captures == 4


def test_the_same_text_seen_earlier_by_a_shard_is_counted_earlier_not_updated(tmp_path):
    """A shard that captured the archive's texts before the archive did moves their dates back (first_seen,
    last_changed, a revision's seen_at) but brings no text: counted `earlier` (it was `updated`), by the command
    line too; a shard that brings a text is still `updated`, and merging again counts each `unchanged`."""
    from tests.support import gazette

    ours, shard = tmp_path / "archive.db", tmp_path / "shard.db"
    store(ours, [(1, "First text of the visit."), (4, "Second text of the visit.")])
    store(shard, [(2, "Second text of the visit.")])
    [counts] = merge(ours, [shard])
    assert (counts["updated"], counts["earlier"], counts["unchanged"]) == (0, 1, 0)
    revisions, body, seen = history(ours)
    assert revisions == [("2024-05-01T00:00:00Z", "2024-05-02T00:00:00Z", "First text of the visit.")]
    assert body == "Second text of the visit."
    assert seen == ("2024-05-01T00:00:00Z", "2024-05-04T00:00:00Z", "2024-05-02T00:00:00Z")
    [again] = merge(ours, [shard])
    assert (again["updated"], again["earlier"], again["unchanged"]) == (0, 0, 1)

    later, first = tmp_path / "later.db", tmp_path / "first.db"
    store(later, [(3, "First text of the visit.")])
    store(first, [(1, "First text of the visit.")])
    proc = gazette("merge", str(first), "--into", str(later), db=later)
    assert proc.returncode == 0, proc.stderr
    assert "0 new, 0 updated, 1 seen earlier, 0 unchanged articles" in proc.stdout
    assert history(later)[2] == ("2024-05-01T00:00:00Z", "2024-05-03T00:00:00Z", "2024-05-01T00:00:00Z")
    store(tmp_path / "newer.db", [(5, "Third text of the visit.")])
    [text] = merge(later, [tmp_path / "newer.db"])
    assert (text["updated"], text["earlier"], text["unchanged"]) == (1, 0, 0)


def test_an_article_only_the_shard_has_is_copied_whole(tmp_path):
    ours, shard = tmp_path / "archive.db", tmp_path / "shard.db"
    store(shard, [(1, "First text of the visit."), (2, "Second text of the visit.")])
    [counts] = merge(ours, [shard])
    assert counts["new"] == 1
    revisions, body, _ = history(ours)
    assert [r[2] for r in revisions] == ["First text of the visit."] and body == "Second text of the visit."
    db = sqlite_utils.Database(ours)
    # the research interface's tables follow (triggers): the article is searchable
    assert db.execute("select count(*) from articles_fts where articles_fts match 'visit'").fetchone()[0] == 1


def test_where_each_capture_came_from_is_merged_too(tmp_path):
    """A shard's imported captures keep their origin (file, record, replay link) and import run: merged without
    them they became 'collected live by Gazette' on the home page and 'live crawl' on the article page, and the
    file they came from was lost. Merging again changes nothing."""
    from archive import origins
    ours, shard = tmp_path / "archive.db", tmp_path / "shard.db"
    store(shard, [(1, "First text of the visit."), (2, "Second text of the visit.")])
    with Archive(shard) as archive, archive.transaction():
        import_id = archive.db.execute("insert into imports (kind, source, started, finished, status, counts) "
                                       "values ('warc', 'crawl-2019.warc.gz', '2024-06-01T00:00:00Z', "
                                       "'2024-06-01T00:01:00Z', 'ok', '{}')").lastrowid
        archive.db.execute("update captures set outcome = 'new'")  # each gave the article (as a crawl records)
        first = archive.db.execute("select min(id) from captures").fetchone()[0]
        origins.record_origin(archive, first, kind="warc", source="crawl-2019.warc.gz", record="<urn:uuid:1>",
                              replay_url=None, payload_digest="sha1:ABC", import_id=import_id)
    merge(ours, [shard])
    db = sqlite_utils.Database(ours)
    [row] = list(db.query("select o.kind, o.source, o.record, o.payload_digest, c.fetched_at, i.source as file, "
                          "i.status from capture_origins o join captures c on c.id = o.capture_id "
                          "join imports i on i.id = o.import_id"))
    assert row == {"kind": "warc", "source": "crawl-2019.warc.gz", "record": "<urn:uuid:1>",
                   "payload_digest": "sha1:ABC", "fetched_at": "2024-05-01T00:00:00Z",
                   "file": "crawl-2019.warc.gz", "status": "ok"}
    assert list(db.query("select live, past from capture_years")) == [{"live": 1, "past": 1}]
    merge(ours, [shard])
    assert db["capture_origins"].count == 1 and db["imports"].count == 1


def test_an_import_run_with_no_capture_merged_is_left_out(tmp_path):
    """Of a shard's import runs only those a merged capture came from come with it: a run that archived nothing
    (every record known already) and a run whose one capture the archive holds already have no capture in the
    merged archive and are left out (they were copied, runs with nothing to show); merging again adds none."""
    from archive import origins
    ours, shard = tmp_path / "archive.db", tmp_path / "shard.db"
    store(ours, [(2, "Second text of the visit.")])
    store(shard, [(1, "First text of the visit."), (2, "Second text of the visit.")])
    with Archive(shard) as archive, archive.transaction():
        runs = {}
        for n, source in enumerate(("crawl-2019.warc.gz", "again.warc.gz", "second.warc.gz")):
            runs[source] = archive.db.execute(
                "insert into imports (kind, source, started, finished, status, counts) values ('warc', ?, ?, ?, "
                "'ok', '{}')", [source, f"2024-06-0{n + 1}T00:00:00Z", f"2024-06-0{n + 1}T00:01:00Z"]).lastrowid
        for day, source in ((1, "crawl-2019.warc.gz"), (2, "second.warc.gz")):
            capture = archive.db.execute("select id from captures where fetched_at = ?",
                                         [f"2024-05-0{day}T00:00:00Z"]).fetchone()[0]
            origins.record_origin(archive, capture, kind="warc", source=source, record=f"<urn:uuid:{day}>",
                                  import_id=runs[source])
    [counts] = merge(ours, [shard])
    db = sqlite_utils.Database(ours)
    assert counts["captures"] == 1
    assert [r["source"] for r in db.query("select source from imports")] == ["crawl-2019.warc.gz"]
    assert [(r["record"], r["source"]) for r in db.query(
        "select o.record, i.source from capture_origins o join imports i on i.id = o.import_id")] == \
        [("<urn:uuid:1>", "crawl-2019.warc.gz")]
    merge(ours, [shard])
    assert db["imports"].count == 1 and db["capture_origins"].count == 1


def test_english_chinese_pairs_are_merged(tmp_path):
    """A shard's translation pairs come with its articles (they were left behind: the side-by-side page and the
    omissions list lost them until `gazette pair` was run again); the archive's own pairs stand."""
    ours, shard = tmp_path / "archive.db", tmp_path / "shard.db"
    store(shard, [(1, "First text of the visit.")])
    with Archive(shard) as archive, archive.transaction():
        archive.store_article({**record("外交部发言人主持例行记者会。"), "id": "z1", "url": "https://www.fmprc.gov.cn/web/z1.html",
                               "language": "zh"}, seen_at="2024-05-01T00:00:00Z", capture_id=None)
        archive.db.execute("insert into translations (english_id, chinese_id, score, method, paired_at, published) "
                           "values ('x1', 'z1', 0.9, 'test', '2024-05-02T00:00:00Z', '2024-05-01')")
    merge(ours, [shard])
    db = sqlite_utils.Database(ours)
    assert [(r["english_id"], r["chinese_id"], r["score"]) for r in db.query("select * from translations")] == \
        [("x1", "z1", 0.9)]
    merge(ours, [shard])
    assert db["translations"].count == 1


def test_what_a_shard_learned_of_its_sites_is_merged_and_again_changes_nothing(tmp_path):
    """Learned boilerplate (the newest set per site), volatile line templates (the union) and backfill cursors
    (spans joined when they meet, else the one reaching later) come with the shard, as one machine would have them."""
    from archive import learned, origins, volatile
    from pipelines.learned import Learned

    ours, shard = tmp_path / "archive.db", tmp_path / "shard.db"
    store(ours, [(1, "First text of the visit.")])
    store(shard, [(2, "Second text of the visit.")])
    wa = "https://web.archive.org"
    with Archive(ours) as archive:
        learned.replace(archive, "mfa", [Learned("Share this page", 9, 10)], when="2024-05-01T00:00:00Z")
        learned.replace(archive, "hunan", [Learned("Hunan menu", 5, 5)], when="2024-05-09T00:00:00Z")
        volatile.learn(archive, "mfa", ["Visits: {n}"], when="2024-05-01T00:00:00Z")
        origins.save_cursor(archive, "mfa", wa, "20150101000000", "20170101000000")
        origins.save_cursor(archive, "hunan", wa, "20190101000000", "20200101000000")
    with Archive(shard) as archive:
        learned.replace(archive, "mfa", [Learned("Print", 8, 10), Learned("Close", 7, 10)],
                        when="2024-05-02T00:00:00Z")                 # newer than ours: it wins
        learned.replace(archive, "hunan", [Learned("Old menu", 5, 5)], when="2024-05-03T00:00:00Z")   # older
        learned.replace(archive, "guizhou", [Learned("Guizhou footer", 6, 6)], when="2024-05-03T00:00:00Z")
        volatile.learn(archive, "mfa", ["Visits: {n}", "Updated {date}"], when="2024-05-02T00:00:00Z")
        origins.save_cursor(archive, "mfa", wa, "20161001000000", "20190101000000")        # meets ours: joined
        origins.save_cursor(archive, "hunan", wa, "20100101000000", "20110101000000")      # apart, earlier
        origins.save_cursor(archive, "guizhou", wa, "20120101000000", "20130101000000")
    merge(ours, [shard])
    db = sqlite_utils.Database(ours)

    def state():
        return (sorted((r["site"], r["line"]) for r in db.query("select * from learned_boilerplate")),
                sorted((r["site"], r["template"], r["seen"]) for r in db.query("select * from volatile_lines")),
                sorted((r["site"], r["covered_from"], r["done_through"]) for r in db.query("select * from backfill_cursors")))
    first = state()
    assert first == ([("guizhou", "Guizhou footer"), ("hunan", "Hunan menu"), ("mfa", "Close"), ("mfa", "Print")],
                     [("mfa", "Updated {date}", 1), ("mfa", "Visits: {n}", 1)],
                     [("guizhou", "20120101000000", "20130101000000"), ("hunan", "20190101000000", "20200101000000"),
                      ("mfa", "20150101000000", "20190101000000")])
    merge(ours, [shard])
    assert state() == first


def test_an_occasion_told_by_two_shards_is_linked_once_merged(tmp_path):
    """The envoys' Guizhou tour of December 2020 (real articles, tests/fixtures/meetings/labels): the ministry's
    report crawled into one shard, the province's into another; merged, they are one occasion (`same_as`)."""
    import json
    from pathlib import Path

    from pipelines.meetings import extract

    labels = Path(__file__).resolve().parent / "fixtures" / "meetings" / "labels"
    paths = []
    for name in ("mfa_mfa_eng_wjdt_665385_2649_665393_202012_t20201218_696980",
                 "guizhou_hotnews_202012_t20201221_6731205"):
        art = json.loads((labels / f"{name}.json").read_text("utf-8"))["article"]
        art = {**art, "id": name[-16:], "url": f"https://example.org/{name}.html", "content_hash": name}
        art["meetings"] = extract(art)
        paths.append(tmp_path / f"{name[:7]}.db")
        with Archive(paths[-1]) as archive, archive.transaction():
            archive.store_article(art)
    merged = tmp_path / "archive.db"
    merge(merged, paths)
    rows = sqlite_utils.Database(merged).execute(
        "select id, same_as from meetings where date_start = '2020-12-15' order by id").fetchall()
    assert len(rows) == 2 and [r[1] for r in rows] == [None, rows[0][0]]


def test_a_shard_that_is_no_archive_is_said_before_any_shard_is_merged(tmp_path):
    """`gazette merge good.db notes.txt --into archive.db`: the bad path is found before anything is written, so
    the archive is not left with the first shard merged and no line saying so (and none is made)."""
    import pytest

    from archive.store import ArchiveError

    ours, shard, notes = tmp_path / "archive.db", tmp_path / "shard.db", tmp_path / "notes.txt"
    store(shard, [(1, "First text of the visit.")])
    notes.write_text("not an archive\n")
    with pytest.raises(ArchiveError, match="cannot read shard .*notes.txt"):
        merge(ours, [shard, notes])
    assert not ours.exists()
    store(ours, [(2, "Second text of the visit.")])
    with pytest.raises(ArchiveError, match="no shard at"):
        merge(ours, [shard, tmp_path / "missing.db"])
    assert history(ours)[0] == []  # the first shard's version was not merged
