"""The meetings page's events (pages/meeting_reads.event_page) come in the order of grouping every row in SQL
(`_grouped`), on a real archive file where many events share a day (more than the newest rows the page reads
first), some reported by several rows (same_as), some undated, for each filter and page."""
from __future__ import annotations

import asyncio
import random
import sqlite3

from datasette.app import Datasette

from archive import Archive
from archive.datasette.pages import meeting_reads
from archive.datasette.pages.meeting_reads import EventFilter, _event_ids, _grouped, event_page


def _archive(path):
    rng = random.Random(21)
    with Archive(path) as archive, archive.transaction():
        for a in range(40):
            archive.store_article({"id": f"a{a}", "site": "mfa", "url": f"https://example.org/{a}.html",
                                   "title": f"Article {a}", "published": "2020-05-01", "body": "Text.",
                                   "content_hash": f"h{a}"})
    rows = []
    for i in range(900):
        day = rng.choice(["2021-03-04", "2021-03-05", "2021-03-05", "2021-03-05", "2020-11-30", None])
        same_as = None
        earlier = [r for r in rows if r[3] == day and r[6] is None]
        if earlier and rng.random() < 0.3:
            same_as = rng.choice(earlier)[0]        # another report of an occasion on the same first day
        rows.append((f"m{i:04d}-{rng.randrange(1000)}", f"a{rng.randrange(40)}", rng.choice(["visit", "meeting"]),
                     day, int(day[:4]) if day else None, rng.choice(["Guizhou", "Hunan"]), same_as))
    with sqlite3.connect(path) as conn:
        conn.executemany("insert into meetings (id, article_id, type, date_start, year, province, same_as) "
                         "values (?, ?, ?, ?, ?, ?, ?)", rows)
    return path


def test_events_on_crowded_days_in_the_order_of_grouping_every_row(tmp_path):
    path = _archive(tmp_path / "gazette.db")
    db = Datasette([str(path)]).get_database()
    filters = [EventFilter(), EventFilter(province="Guizhou"), EventFilter(type="visit", year=2021)]

    several = []        # events of several rows found

    async def compare():
        for f in filters:
            where, params = f.where()
            for offset in (0, 25, 150, 400):
                rows = (await db.execute(_grouped("meetings", where, offset + 25, 0), params)).rows
                expected = [_event_ids(r[0].split(" "), r[2]) for r in rows][offset:]
                found = await event_page(db, f, 25, offset)
                assert found == expected and (len(found) == 25 or offset), (f, offset)
                # the row the others point to first, when the filter keeps it
                assert all(g[0] == r[2] for g, r in zip(found, rows[offset:]) if r[2] in g)
                several.extend(g for g in found if len(g) > 1)
    asyncio.run(compare())
    assert len(several) >= 10


def test_a_crowded_day_is_grouped_without_every_row(tmp_path, monkeypatch):
    """The first page, its last event on the oldest day read, groups that day's rows, not every row."""
    path = _archive(tmp_path / "gazette.db")
    db = Datasette([str(path)]).get_database()
    asked = []
    original = db.execute

    async def execute(sql, *args, **kwargs):
        asked.append(sql)
        return await original(sql, *args, **kwargs)
    monkeypatch.setattr(db, "execute", execute)
    asyncio.run(event_page(db, EventFilter(), 25, 0))
    assert any("m.date_start >= :page_day" in sql for sql in asked)
    assert not any("group by" in sql for sql in asked)
    monkeypatch.setattr(meeting_reads, "DAY_ROWS", 10)        # a day too crowded: every row grouped, as before
    asked.clear()
    asyncio.run(event_page(db, EventFilter(), 25, 0))
    assert any("group by" in sql for sql in asked)
