"""One key per person, whatever the spelling: officials' names as the articles write them ("Governor Shen Yiqin",
"Chen Yiqin", "Shen Yi-qin") merged by a normalised key, with the spellings kept to be listed.

The key: titles and honorifics stripped, lower case, accents folded, spaces, hyphens and apostrophes dropped
between the given name's syllables, and the surname replaced by the first reading of its character when that
character has two readings in pinyin (谌 is read Chén and Shèn, so "Chen Yiqin" and "Shen Yiqin", the same
governor of Guizhou, get one key). Only such polyphonic surnames are merged, never two different surnames, and
the page of a person lists every spelling it merged, so a wrong merge shows.
"""
from __future__ import annotations

import re
import unicodedata

# surnames written with one character that has two pinyin readings, (key reading, other reading):
# 谌 chen/shen, 单 shan/dan, 曾 zeng/ceng, 仇 qiu/chou, 区 ou/qu, 解 xie/jie, 查 zha/cha, 乐 yue/le, 盖 ge/gai,
# 朴 pu/piao
MERGED = {("chen", "shen"), ("shan", "dan"), ("zeng", "ceng"), ("qiu", "chou"), ("ou", "qu"), ("xie", "jie"),
          ("zha", "cha"), ("yue", "le"), ("ge", "gai"), ("pu", "piao")}
CANONICAL = {b: a for a, b in MERGED}
TITLE_WORDS = {
    "mr", "mrs", "ms", "miss", "dr", "madam", "madame", "sir", "he", "his", "her", "excellency", "hon",
    "honourable", "honorable", "governor", "vice", "deputy", "executive", "mayor", "minister", "foreign",
    "ambassador", "consul", "general", "secretary", "chairman", "chairwoman", "president", "premier",
    "director", "party", "chief", "provincial", "comrade", "prof", "professor",
}
SPLIT = re.compile(r"[\s,]+")


def _fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def person_key(name: str | None) -> str:
    """The normalised key of a person's name ('' when nothing is left of it)."""
    if not name:
        return ""
    text = re.sub(r"\bh\.\s*e\.", " ", _fold(name).lower()).replace(".", " ")
    if re.search(r"[\u4e00-\u9fff]", text):       # a Chinese name: its characters are the key
        return re.sub(r"\s+", "", text)
    words = [w for w in SPLIT.split(text) if w and w.strip("'-") not in TITLE_WORDS]
    if not words:
        return ""
    surname, given = words[0].strip("'-"), "".join(re.sub(r"['\-]", "", w) for w in words[1:])
    surname = CANONICAL.get(surname, surname)
    return "-".join(p for p in (surname, given) if p)


def display_name(spellings: dict[str, int]) -> str:
    """The spelling to show for a person: the most frequent, then the first in alphabetical order."""
    return min(spellings, key=lambda s: (-spellings[s], s)) if spellings else ""
