"""Citing one version of an article: `/-/article/<id>/v/<n>` shows version n (1 is the first archived; the
highest is the current text) with its own citation, and `.ris` / `.bib` download it for a reference manager.
The article page and this page carry the meta tags Zotero reads (citation_title, citation_date, ...)."""
from __future__ import annotations

import re

from .common import DATABASE, archive_url, plain_date, site_info
from .diffs import versions


def citation(article: dict, version: dict, site_name: str, archived_url: str, original_url: str) -> dict:
    """The fields of a citation of this version (ISO dates kept for the formats)."""
    return {"title": version.get("title") or article.get("title") or "(no title)",
            "publisher": site_name, "date": (version.get("published") or article.get("published") or "")[:10],
            "original_url": original_url, "archive_url": archived_url,
            "accessed": (version.get("seen_at") or "")[:10], "byline": version.get("byline") or "",
            "version": version["version"], "language": article.get("language") or "en"}


def ris(c: dict) -> str:
    lines = [("TY", "NEWS"), ("TI", c["title"]), ("PB", c["publisher"]), ("T2", c["publisher"]),
             ("DA", c["date"].replace("-", "/")), ("PY", c["date"][:4]), ("UR", c["archive_url"]),
             ("L2", c["original_url"]), ("Y2", c["accessed"].replace("-", "/")), ("LA", c["language"]),
             ("N1", f"Version {c['version']} as archived by Gazette; original at {c['original_url']}")]
    if c["byline"]:
        lines.insert(1, ("AU", c["byline"]))
    return "".join(f"{k}  - {v}\r\n" for k, v in lines if v) + "ER  - \r\n"


def _bib_escape(text: str) -> str:
    return re.sub(r"([{}&%$#_])", r"\\\1", text or "")


def bibtex(c: dict, article_id: str) -> str:
    fields = [("title", "{" + _bib_escape(c["title"]) + "}"), ("organization", _bib_escape(c["publisher"])),
              ("date", c["date"]), ("url", c["archive_url"]), ("urldate", c["accessed"]),
              ("note", _bib_escape(f"Version {c['version']} archived by Gazette; original at {c['original_url']}")),
              ("langid", c["language"])]
    if c["byline"]:
        fields.insert(0, ("author", _bib_escape(c["byline"])))
    body = ",\n".join(f"  {k} = {{{v}}}" for k, v in fields if v)
    return f"@online{{gazette-{article_id}-v{c['version']},\n{body}\n}}\n"


async def version_page(datasette, request):
    """One version of an article, citable (HTML, .ris or .bib)."""
    from datasette.utils.asgi import NotFound, Response

    db = datasette.get_database(DATABASE)
    article_id, n = request.url_vars["article_id"], int(request.url_vars["version"])
    article = (await db.execute("select * from articles where id = ?", [article_id])).first()
    if article is None:
        raise NotFound("No such article")
    article = dict(article)
    every = await versions(db, article_id)
    version = next((v for v in every if v["version"] == n), None)
    if version is None:
        raise NotFound(f"This article has {len(every)} version{'s' if len(every) != 1 else ''}, not {n}")
    sites = site_info(datasette)
    name = sites.get(article["site"], {}).get("name", article["site"])
    here = datasette.absolute_url(request, f"/-/article/{article_id}/v/{n}")
    c = citation(article, version, name, here, article["url"])
    fmt = request.url_vars.get("format")
    if fmt == "ris":
        return Response(ris(c), content_type="application/x-research-info-systems; charset=utf-8",
                        headers={"content-disposition": f'attachment; filename="gazette-{article_id}-v{n}.ris"'})
    if fmt == "bib":
        return Response(bibtex(c, article_id), content_type="application/x-bibtex; charset=utf-8",
                        headers={"content-disposition": f'attachment; filename="gazette-{article_id}-v{n}.bib"'})
    html = await datasette.render_template("gazette_version.html", {
        "article": article, "version": version, "versions": every, "cite": c, "site_name": name,
        "article_url": archive_url(datasette, article_id), "date_words": plain_date(c["date"]) if c["date"] else
        "date unknown"}, request=request)
    return Response.html(html)
