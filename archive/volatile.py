"""The volatile line templates learned per site (table `volatile_lines`): lines that change on every capture
of an article (pipelines/volatile.py decides which)."""
from __future__ import annotations

from .store import Archive, utcnow


def templates(archive: Archive, site: str) -> frozenset[str]:
    return frozenset(r[0] for r in archive.db.execute("select template from volatile_lines where site = ?", [site]))


def learn(archive: Archive, site: str, found, article_id: str | None = None, when: str | None = None) -> None:
    """Remember these templates for the site (inside the caller's transaction if any)."""
    for item in dict.fromkeys(found):
        archive.db.execute(
            "insert into volatile_lines (site, template, article_id, learned) values (?, ?, ?, ?) "
            "on conflict (site, template) do update set seen = seen + 1", [site, item, article_id, when or utcnow()])
