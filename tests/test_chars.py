"""pipelines/chars.py: replacing characters in turn gives what str.translate gives."""
from pipelines.chars import replacer
from pipelines.meetings.text import QUOTES


def test_replacer_gives_what_translate_gives_on_a_real_sentence():
    s = ("Wang Yi\u2019s \u201cthree-point\u201d proposal \u2013 the \u2018Global\u2019 Initiative\u2014met "
         "Kazakh\u2010born Minister Mukhtar Tileuberdi\u02bcs counterpart\u2011in\u2011chief")
    assert replacer(QUOTES)(s) == s.translate(QUOTES)
    assert replacer(QUOTES)(s) == ("Wang Yi's \"three-point\" proposal - the 'Global' Initiative-met "
                                   "Kazakh-born Minister Mukhtar Tileuberdi's counterpart-in-chief")


def test_replacer_leaves_a_text_without_those_characters_alone():
    s = "Premier Li Keqiang met with Prime Minister Scott Morrison in Beijing on May 5."
    assert replacer(QUOTES)(s) is s


def test_a_chained_table_keeps_translate():
    table = str.maketrans({"a": "b", "b": "c", "x": None, "y": ord("z")})
    assert replacer(table)("abxy") == "abxy".translate(table) == "bcz"


def test_deleted_and_numbered_characters_are_replaced_as_translate_does():
    table = str.maketrans({"x": None, "y": ord("z")})
    assert replacer(table)("axyb") == "axyb".translate(table) == "azb"
