"""config/sites.toml: the project's config loads; a broken one is one clear line naming site and key, exit 2."""
from __future__ import annotations

import pytest

from crawler import config as config_module

from .support import PROJECT_CONFIG, gazette, json_lines

GOOD_SITE = '''
[sites.demo]
name = "Demo"
base_url = "https://demo.example.org"
hosts = ["demo.example.org"]
start_urls = ["https://demo.example.org/news/"]
article_pattern = '/t\\d+\\.html$'
'''


def test_project_config_loads_and_sites_lists_it(tmp_path):
    config = config_module.load()
    assert "mfa" in config.sites
    mfa = config.sites["mfa"]
    assert mfa.owns("https://www.fmprc.gov.cn/eng/xw/") and mfa.owns("http://fmprc.gov.cn/mfa_eng/")
    assert config.site_for_url("https://example.com/a.html").key == "other"
    proc = gazette("sites", "--json", db=tmp_path / "a.db")
    assert proc.returncode == 0
    rows = json_lines(proc.stdout)
    assert {"key", "name", "start_urls", "schedule"} <= set(rows[0])
    assert "mfa" in [r["key"] for r in rows]


@pytest.mark.parametrize("mutation,message", [
    (lambda s: s.replace('name = "Demo"\n', ""), "site 'demo': key 'name' is missing"),
    (lambda s: s.replace("article_pattern = '/t\\d+\\.html$'", "article_pattern = '/t(\\d+'"),
     "site 'demo': key 'article_pattern' is not a valid regular expression"),
    (lambda s: s.replace('start_urls = ["https://demo.example.org/news/"]', 'start_urls = ["ftp://x/"]'),
     "site 'demo': key 'start_urls' has 'ftp://x/'"),
    (lambda s: s + 'schedule = { cron = "0 6 * * 1-5" }\n', "must name week days"),
    (lambda s: s + 'colour = "blue"\n', "site 'demo': unknown key 'colour'"),
    (lambda s: s + "[sites.demo.selectors]\nbody = 3\n", "key 'selectors.body' must be a list of strings"),
    (lambda s: s.replace("[sites.demo]", "[sites.demo"), "not valid TOML"),
])
def test_broken_config_is_a_clear_error(tmp_path, mutation, message):
    (tmp_path / "sites.toml").write_text(mutation(GOOD_SITE), encoding="utf-8")
    with pytest.raises(config_module.ConfigError, match=message.replace("(", r"\(").replace("'", "'")):
        config_module.load(tmp_path)
    proc = gazette("sites", "--config", str(tmp_path), db=tmp_path / "a.db")
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr and message.split(":")[0] in proc.stderr


def test_missing_config_dir_is_a_clear_error(tmp_path):
    proc = gazette("fetch", "https://www.fmprc.gov.cn/eng/", "--config", str(tmp_path / "nowhere"),
                   db=tmp_path / "a.db")
    assert proc.returncode == 2 and "no such file" in proc.stderr and "Traceback" not in proc.stderr


def test_good_minimal_site_loads(tmp_path):
    (tmp_path / "sites.toml").write_text(GOOD_SITE, encoding="utf-8")
    site = config_module.load(tmp_path).sites["demo"]
    assert site.is_article("https://demo.example.org/news/t123.html")
    assert not site.is_article("https://demo.example.org/news/index.html")
    assert "Suggest to a friend" not in site.boilerplate.lines  # defaults only when [defaults] says so
    assert site.pagination == "none" and site.revisit == {} and site.hosts == ("demo.example.org",)


def test_a_sites_default_place_is_in_its_table_and_reaches_the_meeting_rules(tmp_path):
    """A site's `province` and `city` (sites.toml) are where its events happen when an article names no place:
    the loaded config hands them to the meeting rules (config.taggers), and a wrong one is one clear line."""
    (tmp_path / "sites.toml").write_text(GOOD_SITE + 'province = "CN-HN"\ncity = "Changsha"\n', encoding="utf-8")
    config = config_module.load(tmp_path)
    assert (config.sites["demo"].province, config.sites["demo"].city) == ("CN-HN", "Changsha")
    rules = config.taggers.meetings
    assert rules.site_places == {"demo": ("CN-HN", "Changsha")}
    from pipelines.meetings import extract
    body = "Governor Mao Weiming met with the Ambassador of Kenya to China Willy Bett on September 15."
    events = extract({"id": "a", "site": "demo", "title": "News", "body": body, "published": "2022-09-20"}, rules)
    assert events and events[0]["place"]["province_code"] == "CN-HN"
    shipped = config_module.load()
    assert (shipped.sites["shenzhen"].province, shipped.sites["shenzhen"].city) == ("CN-GD", "Shenzhen")
    assert shipped.sites["mfa"].province is None
    for bad, message in (('province = "Hunan"\n', "province must be a code like \"CN-HN\""),
                         ('city = "Changsha"\n', "city = 'Changsha' needs the site's province too")):
        (tmp_path / "sites.toml").write_text(GOOD_SITE + bad, encoding="utf-8")
        with pytest.raises(config_module.ConfigError, match=message):
            config_module.load(tmp_path)


def test_meetings_toml_may_no_longer_place_sites(tmp_path):
    """The old [sites] of meetings.toml is refused with a line saying where a site's place now lives."""
    from pipelines.meetings.config import load

    (tmp_path / "meetings.toml").write_text('[sites.hunan]\nprovince = "CN-HN"\n', encoding="utf-8")
    with pytest.raises(ValueError, match="has moved: a site's default place is its `province` and `city` in sites.toml"):
        load(str(tmp_path))


def test_the_loaded_taggers_travel_to_a_worker_process_without_their_compiled_tables():
    """`gazette import --workers` hands config.taggers to a process per page: it pickles as its fields (its
    compiled gazetteers and rules were 100 kB and 90 ms to unpickle per page) and works on the other side."""
    import pickle

    from pipelines.mentions import tag

    taggers = config_module.load(PROJECT_CONFIG.parent).taggers
    assert [m.name for m in tag("Wang Yi met the Ambassador of Luxembourg.", taggers.mentions) if m.kind == "country"]
    sent = pickle.dumps(taggers)
    assert len(sent) < 2_000
    received = pickle.loads(sent)
    assert received == taggers
    assert [m.name for m in tag("Wang Yi met the Ambassador of Luxembourg.", received.mentions)
            if m.kind == "country"] == ["Luxembourg"]
