"""normalise.py: titles lose their site suffix (or prefix) whatever the separator; dates keep their time."""
from __future__ import annotations

import pytest

from pipelines.normalise import clean_source, clean_title, parse_date


@pytest.mark.parametrize("raw,names,want", [
    ("Wang Yi Meets Envoys_Ministry of Foreign Affairs of the People's Republic of China", (), "Wang Yi Meets Envoys"),
    ("Yuan Jiajun visits Guizhou--Guizhou Provincial People's Government", (), "Yuan Jiajun visits Guizhou"),
    ("Consuls General Visit Science City | ichongqing", ("iChongqing",), "Consuls General Visit Science City"),
    ("Consuls General Visit Science City | iChongqing", ("ichongqing",), "Consuls General Visit Science City"),
    # a name nothing tells (config, SiteName/og:site_name, the host) is not guessed
    ("Consuls General Visit Science City | iChongqing", (), "Consuls General Visit Science City | iChongqing"),
    ("Shenzhen Mayor Meets Envoys--Shenzhen Government Online", (), "Shenzhen Mayor Meets Envoys"),
    ("Governor Meets Consul - Hunan Provincial Government", (), "Governor Meets Consul"),
    ("Guangdong Hosts Envoys_Foreign Affairs Office of Guangdong", (), "Guangdong Hosts Envoys"),
    ("eGuizhou | Guiyang Hosts Expo", ("eguizhou",), "Guiyang Hosts Expo"),
    ("Guiyang Hosts Expo - Chinadaily.com.cn", (), "Guiyang Hosts Expo"),
    ("Guiyang Hosts Expo_Whatever Site", (), "Guiyang Hosts Expo"),  # a <title>'s last "_" part is its site
    # a headline's own dashes and bars stay
    ("China-Laos Railway - a New Link for ASEAN", (), "China-Laos Railway - a New Link for ASEAN"),
    ("Belt and Road | Ten Years On", (), "Belt and Road | Ten Years On"),
])
def test_page_titles_lose_the_site_name(raw, names, want):
    assert clean_title(raw, True, names) == want


def test_a_headline_from_the_page_keeps_an_underscore_that_names_no_site():
    assert clean_title("Project_2024 Starts", False) == "Project_2024 Starts"
    assert clean_title("Project_2024 Starts", True) == "Project"  # in a <title>, "_" appends the site's name


@pytest.mark.parametrize("raw,want", [
    ("Updated: July 15, 2024 18:58", "2024-07-15T18:58:00"),
    ("Mar 23,2023", "2023-03-23"),
    ("May 18,2024", "2024-05-18"),
    ("Date: 2020-12-26", "2020-12-26"),
    ("2020-04-03 Download Print Comment", "2020-04-03"),
    ("Regular Press Conference on September 30, 2026", "2026-09-30"),
    ("2024-04-15 22:28", "2024-04-15T22:28:00"),
    ("15 July 2015", "2015-07-15"),
    ("Wed, 01 Mar 2023 10:03:51 +0800", "2023-03-01T10:03:51"),  # RSS pubDate: a zero-padded day first
    ("Word 12, 2020", None),
])
def test_dates(raw, want):
    assert parse_date(raw) == want


def test_sources():
    assert clean_source("Source: Xinhua") == "Xinhua"
    assert clean_source("（驻毛里求斯使馆供稿）") == "驻毛里求斯使馆"
    assert clean_source("This article is from Hunan Provincial Government") == "Hunan Provincial Government"


def test_clean_text_makes_every_run_of_whitespace_one_space():
    """clean_text splits at str.split's whitespace (the regular expressions' \\s), and takes the zero-width space
    and the BOM as spaces too (pages pad with them); text without such a run is left as it is."""
    import sys

    from pipelines.normalise import clean_text

    spaces = [c for c in map(chr, range(sys.maxunicode + 1)) if c.isspace()] + ["\u200b", "\ufeff"]
    for space in spaces:
        assert clean_text(f"{space}Envoys{space}{space}visit 贵州{space}") == "Envoys visit 贵州", hex(ord(space))
    assert clean_text("\u200bThe\u3000ambassador\u00a0met\n\tthe governor.\ufeff") == "The ambassador met the governor."
    assert clean_text("The ambassador met the governor.") == "The ambassador met the governor."
    assert clean_text(None) == clean_text("") == clean_text(" \u200b ") == ""
