"""Tests for pipelines/mentions.py: the seed articles tagged exactly, and the traps of country names."""

import time
from pathlib import Path

import pytest

from pipelines.mentions import Mention, load, tag

SEEDS = Path(__file__).parent / "fixtures" / "seeds"


def seed(name: str) -> str:
    return (SEEDS / name).read_text(encoding="utf-8")


def by_kind(mentions, kind):
    return {(m.name, m.code): m.count for m in mentions if m.kind == kind}


def codes(text, kind="country"):
    return {m.code: m.count for m in tag(text) if m.kind == kind}


EURASIAN_ENVOYS = {
    ("Russia", "RUS"), ("Armenia", "ARM"), ("Azerbaijan", "AZE"), ("Georgia", "GEO"),
    ("Turkmenistan", "TKM"), ("Kyrgyzstan", "KGZ"), ("Kazakhstan", "KAZ"), ("Moldova", "MDA"),
    ("Tajikistan", "TJK"), ("Belarus", "BLR"), ("Uzbekistan", "UZB"), ("Ukraine", "UKR"),
}


def test_mfa_seed_exact():
    m = tag(seed("mfa-eurasian-envoys-guizhou-2020-12-18.txt"))
    # China: "countries to China", "Ukraine to China", "Communist Party of China", "development of
    # China", "Chinese miracle", "Chinese experience", "Chinese Characteristics".
    assert by_kind(m, "country") == {**{k: 1 for k in EURASIAN_ENVOYS}, ("China", "CHN"): 7}
    # "Shanghai Cooperation Organization" is not Shanghai.
    assert by_kind(m, "province") == {("Guizhou", "CN-GZ"): 12}
    assert by_kind(m, "city") == {("Guiyang", "520100"): 1, ("Zunyi", "520300"): 2}
    assert by_kind(m, "official") == {
        ("Le Yucheng", "Vice Foreign Minister"): 1,
        ("Shen Yiqin", "Secretary of the CPC Guizhou Provincial Committee"): 1,
        ("Lu Yongzheng", "Head of the province's publicity department"): 1,
        ("Xi Jinping", "General Secretary"): 2,
    }


def test_guizhou_seed_exact():
    m = tag(seed("guizhou-zhejiang-delegation-poverty.txt"))
    assert by_kind(m, "country") == {}
    assert by_kind(m, "province") == {("Guizhou", "CN-GZ"): 18, ("Zhejiang", "CN-ZJ"): 12}
    assert by_kind(m, "city") == {("Guiyang", "520100"): 1, ("Ningbo", "330200"): 1,
                                  ("Qiandongnan", "522600"): 2, ("Qianxinan", "522300"): 3}
    assert by_kind(m, "official") == {
        ("Yuan Jiajun", "Governor"): 1,
        ("Chen Yiqin", "Guizhou Provincial Governor"): 1,
        ("Sun Zhigang", "Secretary of the Guizhou Provincial Party Committee"): 1,
        ("Xi Jinping", "General Secretary"): 3,
        ("Che Jun", "Secretary"): 1,
        ("Qiu Dongyao", "Ningbo Mayor"): 1,
    }


def test_hunan_seed_exact():
    m = tag(seed("hunan-friendship-city-meeting-2020-04-03.txt"))
    # "China-Africa Economic and Trade Expo" and the footer's "Chinese source:" (boilerplate, which the
    # cleaner removes before tagging in the pipeline).
    assert by_kind(m, "country") == {("China", "CHN"): 2}
    assert by_kind(m, "province") == {("Hunan", "CN-HN"): 24}
    assert by_kind(m, "city") == {}
    # "Governor Xu Chairs Meeting": "Chairs" is no pinyin given name, so no official.
    assert by_kind(m, "official") == {
        ("Xu Dazhe", "deputy secretary of the CPC Hunan Provincial Committee and Hunan governor"): 2,
        ("Wu Lan", "deputy secretary of the CPC Hunan Provincial Committee"): 2,
        ("Xie Jianhui", "standing committee member of the CPC Hunan Provincial Committee and executive "
                        "vice governor"): 1,
        ("He Baoxiang", "vice governor"): 1,
        ("Wang Qun", "secretary general of the Hunan Provincial People's Government"): 1,
    }


@pytest.mark.parametrize("text, expected", [
    ("Papua New Guinea signed.", {"PNG": 1}),
    ("Guinea-Bissau and Guinea.", {"GNB": 1, "GIN": 1}),
    ("Equatorial Guinea, Guinea", {"GNQ": 1, "GIN": 1}),
    ("envoys of Papua New\nGuinea", {"PNG": 1}),
    ("the Dominican Republic", {"DOM": 1}),
    ("Dominica and the Dominican Republic", {"DMA": 1, "DOM": 1}),
    ("Nigeria", {"NGA": 1}),
    ("Nigerian traders in Niger", {"NGA": 1, "NER": 1}),
    ("roast turkey served on fine china", {}),
    ("Turkey and China", {"TUR": 1, "CHN": 1}),
    ("The Albanian Ambassador arrived", {"ALB": 1}),
    ("Russian envoys and two Russians", {"RUS": 2}),
    ("Sino-Russian relations", {"RUS": 1}),
    ("Inner Mongolia", {}),
    ("Mongolia and Inner Mongolia", {"MNG": 1}),
    ("Hong Kong, Macao and Taiwan", {}),
    ("Atlanta, Georgia and the State of Georgia", {}),
    ("Georgia and Georgian wine", {"GEO": 2}),
    ("South Georgia and the South Sandwich Islands", {"SGS": 1}),
    ("Latin America and the Indian Ocean", {}),
    ("Côte d’Ivoire and Ivory Coast", {"CIV": 2}),
    ("the Russian Federation", {"RUS": 1}),
    ("the Republic of Korea, the DPRK", {"KOR": 1, "PRK": 1}),
    ("the U.S. and the UK", {"USA": 1, "GBR": 1}),
    ("Nigerians", {"NGA": 1}),
    ("Chadian, chad", {"TCD": 1}),
    ("Vietnam's Lao Cai Province and a Lao delegation", {"VNM": 1, "LAO": 1}),
])
def test_country_traps(text, expected):
    assert codes(text) == expected


def test_provinces_and_places():
    assert codes("Inner Mongolia, Hong Kong and Macau", "province") == {"CN-NM": 1, "CN-HK": 1, "CN-MO": 1}
    assert codes("Shanghai Cooperation Organization summit", "province") == {}
    assert codes("Shaanxi and Shanxi", "province") == {"CN-SN": 1, "CN-SX": 1}
    assert codes("Guizhou's capital Guiyang", "province") == {"CN-GZ": 1}
    assert codes("Guizhou's capital Guiyang", "city") == {"520100": 1}
    assert codes("Huang Kunming visited Kunming", "city") == {"530100": 1}


def test_officials():
    m = tag("Albanian Ambassador to China Anila Bitri visited Hunan. Governor Xu Chairs Meeting.")
    assert by_kind(m, "official") == {("Anila Bitri", "Albanian Ambassador to China"): 1}
    m = tag("Anila Bitri, Albanian Ambassador to China, met Vice Governor Wu Qiang in Changsha.")
    assert by_kind(m, "official") == {("Anila Bitri", "Albanian Ambassador to China"): 1,
                                      ("Wu Qiang", "Vice Governor"): 1}
    assert by_kind(m, "city") == {("Changsha", "430100"): 1}
    m = tag("Albanian Ambassador to China Anila Bitri Visits Hunan")      # a title-case headline
    assert by_kind(m, "official") == {("Anila Bitri", "Albanian Ambassador to China"): 1}
    # "He" is a surname and a pronoun: the pronoun is followed by a lower-case word, so no hit.
    assert by_kind(tag("He said, governor of nothing"), "official") == {}


def test_result_shape_and_order():
    m = tag("Guiyang, Guizhou, Russia. Vice Foreign Minister Le Yucheng")
    assert [x.kind for x in m] == ["country", "province", "city", "official"]
    assert all(isinstance(x, Mention) for x in m)
    assert tag("") == []


def test_loading_is_cached_and_fallback(tmp_path):
    assert load() is load()
    assert load(tmp_path) is load()          # a config dir without mentions/ uses the project's data


def test_fast():
    text = "\n\n".join(seed(p.name) for p in SEEDS.glob("*.txt")) * 20    # ~250 KB
    tag(text)
    start = time.perf_counter()
    tag(text)
    assert time.perf_counter() - start < 1.0


def test_module_does_not_import_scrapy_or_sqlite():
    import ast
    src = (Path(__file__).parent.parent / "pipelines" / "mentions.py").read_text()
    names = {a.name.split(".")[0] for n in ast.walk(ast.parse(src)) if isinstance(n, (ast.Import, ast.ImportFrom))
             for a in (n.names if isinstance(n, ast.Import) else [ast.alias(n.module or "")])}
    assert not names & {"scrapy", "sqlite3", "sqlite_utils"}


# Country tags of the recorded fixture articles (title + expected body), counted by hand against the text.
FIXTURE_COUNTRIES = {
    "guizhou/2019-04/28/c_5920786": {},
    "guizhou/2019-06/20/c_6156020": {"SGP": 5, "CHN": 1},
    "guizhou/guiyang/2019-11/15/c_6287754": {"KHM": 3},
    "guizhou/2020-05/26/c_6501133": {"CHN": 2, "USA": 1, "DEU": 1, "ISR": 1, "SGP": 1},
    "guizhou/2020-09/08/c_6612377": {"CHN": 3, "KHM": 1, "IDN": 1, "LAO": 1, "MYS": 1, "MMR": 1,
                                                  "PHL": 1, "SGP": 1, "THA": 1, "VNM": 1},
    "guizhou/2020-11/10/c_6690418": {"CHE": 5, "CHN": 2},
    "guizhou/2020-12/21/c_6731205": {"RUS": 1, "KAZ": 1, "BLR": 1, "UZB": 1},
    "hunan/hneng/News/Localnews/202003/t20200312_1225402": {"BEN": 4, "CHN": 2},
    "hunan/hneng/News/Localnews/202003/t20200318_1228011": {"RUS": 4},          # "US dollars" is no hit
    "hunan/hneng/News/Localnews/202003/t20200326_1231155": {"ZMB": 5},
    "hunan/hneng/News/Localnews/202003/t20200331_1232290": {"CHN": 3, "ETH": 1, "KEN": 1, "NGA": 1,
                                                             "ZAF": 1, "ZMB": 1},
    "hunan/hneng/News/Localnews/202004/t20200408_1237704": {"CAN": 1},
    "hunan/hneng/News/Localnews/202004/t20200410_1239012": {"FRA": 7, "CHN": 1},
    "hunan/hneng/imgnews/202003/t20200320_1229841": {"JPN": 2, "KOR": 2},
    "hunan/hneng/imgnews/202004/t20200403_1234567": {"CHN": 1},
    "chongqing/2023/03/01/thai-ambassador-visits-liangjiang-new-area/index": {"THA": 5, "CHN": 1},
    "chongqing/2023/03/06/chongqing-delegation-promotes-connectivity-initiative-in-singapore/index": {"SGP": 6, "CHN": 1},
    "chongqing/2023/03/10/chongqing-and-dusseldorf-renew-sister-city-cooperation/index": {"DEU": 1, "CHN": 1},
    "chongqing/2023/03/14/new-western-land-sea-corridor-links-chongqing-with-more-asean-ports/index": {
        "SGP": 1, "MYS": 1, "VNM": 1, "IDN": 1},
    "chongqing/2023/03/17/hungarian-trade-delegation-explores-opportunities-in-chongqing/index": {"HUN": 4, "CHN": 2},
    # "Laos" x2, "China-Laos", and the demonym "Lao" x3
    "chongqing/2023/03/21/chongqing-and-laos-discuss-cargo-cooperation-on-china-laos-railway/index": {"LAO": 6, "CHN": 2},
    "chongqing/2023/03/23/consuls-general-from-ten-countries-visit-chongqing-science-city/index": {
        "CHN": 2, "GBR": 1, "ITA": 1, "HUN": 3, "THA": 1, "KHM": 1},
    "guangdong/2024-03/21/c_4359981": {"NZL": 2, "AUS": 3, "CHN": 2},
    "guangdong/2024-04/02/c_4371256": {"CHN": 1, "USA": 1, "GBR": 1, "SGP": 1, "KOR": 1},
    "guangdong/2024-04/16/c_4385120": {"BRA": 5, "CHN": 4},
    "guangdong/2024-04/29/c_4398005": {"JPN": 1},
    "guangdong/2024-05/14/c_4411937": {"FRA": 1, "ITA": 1, "JPN": 1, "POL": 1, "VNM": 1},
    "guangdong/2024-05/20/c_4416802": {"MYS": 5},
    "mfa/eng/xw/wjbxw/202405/t20240515_11305672": {"ALB": 7, "CHN": 9},
    "mfa/mfa_eng/wjdt_665385/2649_665393/202012/t20201218_696980": {
        "CHN": 7, "RUS": 1, "ARM": 1, "AZE": 1, "GEO": 1, "TKM": 1, "KGZ": 1, "KAZ": 1, "MDA": 1, "TJK": 1,
        "BLR": 1, "UZB": 1, "UKR": 1},
    "shenzhen/en_szgov/news/latest/content/post_11906611": {"JPN": 1, "THA": 1, "FRA": 1, "ITA": 1, "MYS": 1},
    "shenzhen/en_szgov/news/latest/content/post_11918736": {"HUN": 2, "CHN": 1},
    # "Latin America" (twice) and "South America" are no country
    "shenzhen/en_szgov/news/latest/content/post_11930458": {"BRA": 1, "CHL": 1, "MEX": 1, "PER": 1, "URY": 1},
    "shenzhen/en_szgov/news/latest/content/post_11941002": {"DEU": 5, "CHN": 1},
    "shenzhen/en_szgov/news/latest/content/post_11953387": {"AUS": 1},
    "shenzhen/en_szgov/news/latest/content/post_11956210": {"SGP": 7},
}


@pytest.mark.parametrize("path", sorted(FIXTURE_COUNTRIES))
def test_fixture_articles_countries(path):
    import json
    f = Path(__file__).parent / "fixtures" / f"{path}.expected.json"
    assert f.exists(), f"fixture {path} moved: update FIXTURE_COUNTRIES"
    d = json.loads(f.read_text(encoding="utf-8"))
    assert codes(f"{d.get('title') or ''}\n\n{d.get('body') or ''}") == FIXTURE_COUNTRIES[path]
