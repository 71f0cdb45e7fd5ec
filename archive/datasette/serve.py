"""`gazette serve`: Datasette on the archive, read-only, with the project's metadata, templates and plugin.

The archive is always served under the database name `gazette` (the metadata's canned queries and links use
it), whatever the file is called. Datasette opens it with `?mode=ro` (not immutable: crawls write while it
serves); archive/datasette/plugins/ refuses every request that is not GET/HEAD; datasette-block-robots
answers /robots.txt with `Disallow: /`.
"""
from __future__ import annotations

import sys
from pathlib import Path

import yaml

from archive.store import Archive, ArchiveError

DATASETTE_DIR = Path(__file__).resolve().parent  # metadata, templates, plugins and static files sit beside this module
METADATA = DATASETTE_DIR / "metadata.yml"
DATABASE_NAME = "gazette"
SETTINGS = {
    "sql_time_limit_ms": 5000,
    "facet_time_limit_ms": 500,
    "truncate_cells_html": 400,
    "default_page_size": 50,
    "allow_download": False,       # the whole archive stays where it is; rows and queries export as JSON/CSV
    "suggest_facets": False,       # suggestions cost a group-by per column on every table page (~1.4 s at 1M)
}


def load_metadata() -> dict:
    """The project's Datasette metadata (archive/datasette/metadata.yml)."""
    return yaml.safe_load(METADATA.read_text("utf-8"))


def site_names(config) -> dict:
    """{site key: {"name", "url"}} of a loaded config, for the home page, badges and the cite block."""
    return {key: {"name": site.name, "url": site.base_url} for key, site in config.sites.items()}


def build(db_path: str | Path, sites: dict | None = None):
    """A configured Datasette instance serving the archive read-only (raises ArchiveError if it is missing).

    `sites` ({key: {"name", "url"}}, see site_names) names the sites on the pages."""
    from datasette.app import Datasette
    from datasette.database import Database

    path = Path(db_path)
    if not path.is_file():
        raise ArchiveError(f"no archive at {path}: archive something first (gazette fetch URL or gazette crawl)")
    try:
        Archive(path).close()  # brings an older archive's schema up to date before serving it read-only
    except ArchiveError as exc:  # e.g. a read-only copy: serve it as it is
        print(f"gazette serve: warning: {exc}; serving the archive as it is", file=sys.stderr)
    metadata = load_metadata()
    metadata.setdefault("plugins", {})["gazette"] = {"sites": sites or {}}
    ds = Datasette(metadata=metadata, template_dir=str(DATASETTE_DIR / "templates"),
                   plugins_dir=str(DATASETTE_DIR / "plugins"), settings=SETTINGS)
    ds.remove_database("_memory")
    ds.add_database(Database(ds, path=str(path.resolve()), is_mutable=True), name=DATABASE_NAME)
    return ds


def serve(db_path: str | Path, host: str = "127.0.0.1", port: int = 8001, sites: dict | None = None) -> None:
    """Build the instance and serve it with uvicorn until interrupted."""
    import uvicorn

    ds = build(db_path, sites)
    print(f"Gazette archive {Path(db_path)} read-only at http://{host}:{port}/ (Ctrl-C stops)", flush=True)
    uvicorn.run(ds.app(), host=host, port=port, log_level="warning", lifespan="on")
