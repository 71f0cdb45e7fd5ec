"""The pages of English articles beside their Chinese originals (archive/translations.py holds the pairs):
`/-/translation/<article id>` shows the two side by side, paragraph by paragraph, with what one version has and
the other lacks highlighted; `/-/omissions` lists the press conferences whose English leaves out the most text."""
from __future__ import annotations

import json

from definitions.pairs import THRESHOLD

from .common import DATABASE, archive_url, site_info

OMISSIONS_PAGE = 50


async def translation_page(datasette, request):
    from datasette.utils.asgi import NotFound, Response

    db = datasette.get_database(DATABASE)
    article_id = request.url_vars["article_id"]
    pair = (await db.execute("select * from translations where english_id = ? or chinese_id = ?",
                             [article_id, article_id])).first()
    if pair is None:
        raise NotFound("This article has no counterpart in the other language in the archive")
    fields = "id, site, title, url, published, body, captions"
    en = dict((await db.execute(f"select {fields} from articles where id = ?", [pair["english_id"]])).first())
    zh = dict((await db.execute(f"select {fields} from articles where id = ?", [pair["chinese_id"]])).first())
    zh_paras = [p.strip() for p in (zh["body"] or "").split("\n\n") if p.strip()]
    en_paras = [p.strip() for p in (en["body"] or "").split("\n\n") if p.strip()]
    try:
        captions = [c for c in json.loads(en.get("captions") or "[]") if isinstance(c, str)]
    except ValueError:
        captions = []
    rows = []
    for z, e in json.loads(pair["alignment"] or "[]"):
        if e is not None and e < 0:    # a paragraph of the English page Gazette keeps among its captions
            rows.append({"z": z, "e": e, "zh": [zh_paras[z]], "en": [captions[-1 - e]] if -1 - e < len(captions)
                         else [], "caption": True})
            continue
        # consecutive rows sharing a paragraph (one to two) show it once
        if rows and z is not None and rows[-1]["z"] == z:
            rows[-1]["en"].append(en_paras[e])
            continue
        if rows and e is not None and rows[-1]["e"] == e:
            rows[-1]["zh"].append(zh_paras[z])
            continue
        rows.append({"z": z, "e": e, "zh": [zh_paras[z]] if z is not None else [],
                     "en": [en_paras[e]] if e is not None else [], "caption": False})
    sites = site_info(datasette)
    page = await datasette.render_template("gazette_translation.html", {
        "pair": dict(pair), "en": en, "zh": zh, "rows": rows, "summary": summary(dict(pair)), "threshold": THRESHOLD,
        "en_url": archive_url(datasette, en["id"]), "zh_url": archive_url(datasette, zh["id"]),
        "en_site": sites.get(en["site"], {}).get("name", en["site"]),
        "zh_site": sites.get(zh["site"], {}).get("name", zh["site"])}, request=request)
    return Response.html(page)


def summary(pair: dict) -> str:
    """'the English version omits 2 of 14 answers' (or of paragraphs, when the article has no questions)."""
    if pair.get("zh_answers"):
        if pair.get("omitted_answers"):
            return f"the English version omits {pair['omitted_answers']} of {pair['zh_answers']} answers"
        line = f"the English version has all {pair['zh_answers']} answers"
    else:
        line = "the English version has every paragraph of the Chinese"
    if pair.get("zh_unmatched"):
        n = pair["zh_unmatched"]
        line = (f"the English version leaves out {n} of {pair['zh_paragraphs']} Chinese paragraph{'s' if n != 1 else ''}"
                if not pair.get("omitted_answers") else line + f" ({n} of {pair['zh_paragraphs']} paragraphs)")
    if pair.get("en_unmatched"):
        n = pair["en_unmatched"]
        line += f"; {n} English paragraph{'s have' if n != 1 else ' has'} no Chinese counterpart"
    return line


async def omissions_page(datasette, request):
    from datasette.utils.asgi import Response

    db = datasette.get_database(DATABASE)
    year = (request.args.get("year") or "").strip()
    year = year if year.isdigit() and len(year) == 4 else ""
    order = "date" if request.args.get("order") == "date" else "omitted"
    where, params = "t.kind = 'press'", []
    if year:
        where += " and t.published >= ? and t.published < ?"
        params += [f"{year}-01-01", f"{int(year) + 1}-01-01"]
    by = "t.published desc" if order == "date" else "t.omitted_chars desc, t.published desc"
    # the page's pairs first, then their two titles (not both articles of every pair read, then sorted)
    rows = (await db.execute(
        f"select t.*, e.title as en_title, z.title as zh_title from "
        f"(select * from translations t where {where} order by {by} limit {OMISSIONS_PAGE}) t "
        f"join articles e on e.id = t.english_id join articles z on z.id = t.chinese_id order by {by}", params)).rows
    years = [r["y"] for r in (await db.execute(
        "select distinct substr(published, 1, 4) as y from translations where kind = 'press' and published is not null "
        "order by y desc")).rows]
    items = [{**dict(r), "summary": summary(dict(r))} for r in rows]
    page = await datasette.render_template("gazette_omissions.html", {
        "items": items, "year": year, "years": years, "order": order}, request=request)
    return Response.html(page)


async def pair_of(db, article_id: str) -> dict | None:
    """For the article page: the article's counterpart in the other language (title, date, the summary line), or
    None (also on an archive without the translations table)."""
    if not await db.table_exists("translations"):
        return None
    pair = (await db.execute(
        "select t.*, o.title as other_title, o.published as other_published, o.language as other_language "
        "from translations t join articles o on o.id = (case when t.english_id = ? then t.chinese_id "
        "else t.english_id end) where t.english_id = ? or t.chinese_id = ?",
        [article_id, article_id, article_id])).first()
    if pair is None:
        return None
    return {**dict(pair), "summary": summary(dict(pair))}
