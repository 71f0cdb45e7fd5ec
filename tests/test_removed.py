"""What extraction leaves out of an article is recorded with its reason and shown: the completeness guard on its own
(a pure function), and `gazette fetch` of a real ministry page into a real archive (the `removed` record in the
archive and in --json output, the run's counts)."""
from __future__ import annotations

import json

import sqlite_utils

from bench.real_corpus import REAL, pages
from definitions.removals import summary
from pipelines.completeness import Removal, guard

from .support import gazette, json_lines

SEPARATED = next(p for p in pages() if p["file"] == "mfa-en-2015/t1714425.html")  # two lines of stars in its Q&A


def test_guard_puts_back_a_block_lost_for_no_reason_in_its_place():
    reference = ["First paragraph.", "Lost paragraph.", "***", "Second paragraph.", "Print"]
    removed = [Removal("separator line", "***"), Removal("boilerplate line", "Print")]
    paragraphs, restored = guard(reference, ["First paragraph.", "Second paragraph."], removed)
    assert paragraphs == ["First paragraph.", "Lost paragraph.", "Second paragraph."]
    assert restored == ["Lost paragraph."]
    assert guard(reference, ["First paragraph.", "Lost paragraph.", "Second paragraph."], removed)[1] == []


def test_guard_accepts_a_block_whose_rest_is_in_the_body_once_removed_text_is_taken_out():
    reference = ["One. Two.", "Caption text Three."]
    removed = [Removal("caption (caption markup)", "Caption text")]
    assert guard(reference, ["One. Two.", "Three."], removed)[1] == []
    assert guard(reference, ["One. Two.", "Four."], removed)[1] == ["Caption text Three."]


def test_summary_in_plain_words():
    removed = [{"rule": "boilerplate line", "text": "Print"}, {"rule": "boilerplate line (pattern)", "text": "Home >"},
               {"rule": "caption (the site's caption markup)", "text": "A photo"}]
    assert summary(r["rule"] for r in removed) == "2 lines removed as boilerplate, 1 caption"
    assert summary([], ["A paragraph"]) == "1 paragraph put back that extraction had dropped for no named reason"
    assert summary([]) == ""


def test_fetch_records_what_left_the_body_and_why(mirrors, mirrored_config, db):
    mirror = mirrors("mfa")
    path = SEPARATED["url"].split("fmprc.gov.cn", 1)[1]
    mirror.set(path, (REAL / SEPARATED["file"]).read_bytes(), content_type="text/html")
    config = mirrored_config({"mfa": mirror})
    proc = gazette("fetch", "--json", mirror.url + path, db=db, config=config)
    assert proc.returncode == 0, proc.stderr
    result = json_lines(proc.stdout)[0]
    assert [r["rule"] for r in result["removed"]] == ["separator line"] * 2 and result["restored"] == []
    assert all(set(r["text"]) == {"*"} for r in result["removed"])
    row = sqlite_utils.Database(db)["articles"].get(result["article_id"])
    assert json.loads(row["removed"]) == result["removed"] and json.loads(row["restored"]) == []
    assert "***" not in row["body"] and row["published"] == SEPARATED["expected"]["published"]
    run = next(sqlite_utils.Database(db).query("select removed, restored from crawl_runs"))
    assert (run["removed"], run["restored"]) == (2, 0)


def test_status_warns_when_the_last_crawl_put_paragraphs_back():
    from archive import health
    run = {"restored": 3}
    assert "3 paragraph(s) dropped by extraction for no named reason" in health._restored([run])
    assert health._restored([{"restored": 0}]) is None and health._restored([]) is None


def test_guard_accepts_a_block_that_is_part_of_a_longer_removal():
    reference = ["One.", "Apple iPhone 11 Pro.", "Apple, Inc.", "Two."]
    removed = [Removal("caption (caption markup)", "Apple iPhone 11 Pro. Apple, Inc.")]
    assert guard(reference, ["One.", "Two."], removed)[1] == []
