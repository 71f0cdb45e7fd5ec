"""The field registry (definitions/fields.py) is the one definition of an article's fields, and each reader agrees
with it: the `Article` type, config validation, extraction's cleaners, the archive's columns (a new field without
its migration fails here), the migration helper, and Datasette's column descriptions."""
from __future__ import annotations

import dataclasses
import typing

import pytest
import sqlite_utils
import yaml

from archive import Archive, schema
from archive.datasette import serve
from crawler import config as config_module
from definitions import fields
from pipelines import extract

from .test_config import GOOD_SITE


def test_the_article_type_has_every_field_of_the_registry_with_its_kind():
    hints = typing.get_type_hints(extract.Article)
    for field in fields.ARTICLE:
        assert field.name in hints, f"Article lacks the registry's field {field.name}"
        kind = hints[field.name]
        if field.json:
            assert typing.get_origin(kind) is list, (field.name, kind)
        else:
            assert str in (typing.get_args(kind) or (kind,)), (field.name, kind)
    others = {f.name for f in dataclasses.fields(extract.Article)} - set(fields.NAMES)
    assert others == {"fell_back", "encoding", "warnings", "field_layers"}, "an Article field the archive does not keep"


def test_every_field_read_one_by_one_has_a_cleaner_extraction_knows():
    assert extract.FIELDS == fields.READ and "title" in fields.READ and "published" in fields.READ
    for field in fields.ARTICLE:
        assert field.cleaner is None or field.cleaner in extract.READERS, field


def test_a_fresh_archive_has_a_column_of_the_registry_type_for_every_field(tmp_path):
    """Adding a field to the registry without the migration that adds its column fails here."""
    with Archive(tmp_path / "a.db") as archive:
        columns = {c.name: c.type for c in archive.db["articles"].columns}
    for field in fields.ARTICLE:
        assert columns.get(field.name) == field.sql, (field.name, columns.get(field.name))


def test_add_article_field_adds_the_column_to_an_old_archive_once(tmp_path):
    db = sqlite_utils.Database(tmp_path / "old.db")
    schema.migrate(db, upto=schema.MIGRATIONS.index(schema._credits))
    db["articles"].insert({"id": "a1", "site": "hunan", "url": "http://x/a1", "title": "T", "body": "B"})
    assert "translator" not in db["articles"].columns_dict
    schema.add_article_field(db, "translator")
    schema.add_article_field(db, "translator")   # a step run again is a no-op
    assert db["articles"].columns_dict["translator"] is str
    assert db["articles"].get("a1")["title"] == "T"


def test_sites_toml_may_select_exactly_the_selectable_fields(tmp_path):
    selectors = "".join(f'{name} = [".x"]\n' for name in fields.SELECTABLE)
    (tmp_path / "sites.toml").write_text(GOOD_SITE + "[sites.demo.selectors]\n" + selectors, encoding="utf-8")
    site = config_module.load(tmp_path).sites["demo"]
    assert set(fields.SELECTABLE) <= set(site.selectors)
    unselectable = next(f.name for f in fields.ARTICLE if not f.selectable)
    (tmp_path / "sites.toml").write_text(GOOD_SITE + f'[sites.demo.selectors]\n{unselectable} = [".x"]\n',
                                         encoding="utf-8")
    with pytest.raises(config_module.ConfigError, match=f"unknown key 'selectors.{unselectable}'"):
        config_module.load(tmp_path)


def test_datasette_describes_the_fields_from_the_registry_only():
    raw = yaml.safe_load(serve.METADATA.read_text("utf-8"))["databases"]["gazette"]["tables"]["articles"]["columns"]
    assert not set(raw) & set(fields.NAMES), "metadata.yml describes a registry field a second time"
    served = serve.load_metadata()["databases"]["gazette"]["tables"]["articles"]["columns"]
    assert {name: served[name] for name in fields.NAMES} == fields.descriptions()
    assert set(raw) <= set(served)   # the other columns keep their metadata.yml descriptions


# The migrations as named in the order they were released: a step renamed, moved or removed fails here (an archive's
# user_version counts the steps, so their order is part of every archive written). New steps go at the end.
RELEASED_STEPS = ("core_tables", "full_text_search", "mentions", "history", "schedule_state", "crawl_discovery",
                  "revision_cause", "research_interface", "learned_boilerplate", "credits", "meetings", "gone_index",
                  "article_keys_id", "province_months", "cheaper_cjk_check", "volatile_lines", "meetings_by_date",
                  "removals", "meeting_sources", "translations", "capture_origins", "validators")


def test_migrations_are_numbered_and_named_and_released_ones_never_move():
    names = [schema.step_name(n) for n in range(1, schema.VERSION + 1)]
    assert names[:len(RELEASED_STEPS)] == [f"{n:03d} {name}" for n, name in enumerate(RELEASED_STEPS, 1)]
    assert len({name.split()[1] for name in names}) == len(names) == schema.VERSION
    assert schema.step_name(10) == "010 credits"


def test_a_failing_migration_step_is_named_and_rolled_back(tmp_path, monkeypatch):
    db = sqlite_utils.Database(tmp_path / "a.db")
    schema.migrate(db, upto=schema.VERSION - 1)

    def broken(db):
        db.execute("create table half_done (x)")
        db.execute("select * from no_such_table")

    monkeypatch.setattr(schema, "MIGRATIONS", schema.MIGRATIONS[:-1] + [broken])  # a step that fails half-way
    with pytest.raises(Exception, match=rf"migration {schema.VERSION:03d} broken: no such table"):
        schema.migrate(db)
    assert schema.version(db) == schema.VERSION - 1 and "half_done" not in db.table_names()


def test_revisions_keep_every_revised_field_and_add_article_field_adds_it_there_too(tmp_path):
    with Archive(tmp_path / "a.db") as archive:
        revisions = {c.name: c.type for c in archive.db.table("revisions").columns}
    for name in fields.REVISED:
        assert revisions.get(name) == fields.BY_NAME[name].sql, name
    assert set(fields.TRACKED) <= set(fields.REVISED)   # what makes a revision is kept in it
