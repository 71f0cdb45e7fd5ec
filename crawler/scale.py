"""The scale-out commands: `gazette deploy` (Gazette and its config to Scrapyd nodes), `gazette merge` (node
shards into one archive); `gazette schedule --scrapyd` places sites on nodes through `place_on_nodes`."""
from __future__ import annotations

import sys

import click

from .options import EXIT_FAILED, EXIT_USAGE, common_options, emit, fail, json_option


def node_list(value: str) -> list[str]:
    nodes = [n.strip().rstrip("/") for n in value.split(",") if n.strip()]
    for node in nodes:
        if not node.startswith(("http://", "https://")):
            fail(f"not a Scrapyd URL: {node!r} (give http://HOST:PORT)", EXIT_USAGE)
    if not nodes:
        fail("--scrapyd needs at least one node URL", EXIT_USAGE)
    return nodes


@click.command()
@click.option("--target", "targets", multiple=True, required=True, metavar="URL",
              help="A Scrapyd node (http://HOST:6800); repeat for several.")
@click.option("--project", default="gazette", show_default=True, help="Scrapyd project name.")
@common_options
@json_option
def deploy(config, db_path, targets, project, as_json):
    """Package Gazette with its config as a Scrapyd egg (scrapyd-client) and upload it to each node.

    Each configured site becomes a spider of the project, named by its key; `gazette schedule --scrapyd`
    then starts them on the nodes. Exit 1 if a node cannot be reached or refuses the egg."""
    from .deploy import DeployError, deploy as run

    failed = False
    for target in node_list(",".join(targets)):
        try:
            answer = run(target, config.directory, project)
        except DeployError as exc:
            failed = True
            click.echo(f"gazette: {exc}", err=True)
            continue
        emit(answer, as_json, f"deployed {answer['project']} {answer['version']} to {target}: "
                              f"{answer['spiders']} spiders")
    sys.exit(EXIT_FAILED if failed else 0)


def place_on_nodes(config, nodes: str, shard: str, full: bool, as_json: bool) -> int:
    """`gazette schedule --scrapyd`: start every configured site's crawl on its node (stable by site key)."""
    from .deploy import DeployError, schedule

    try:
        jobs = schedule(list(config.sites), node_list(nodes), shard, full=full)
    except DeployError as exc:
        fail(str(exc), EXIT_FAILED)
    for job in jobs:
        emit(job, as_json, f"{job['site']:<12} {job['node']}  job {job['job']}")
    return 0


@click.command()
@click.argument("shards", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--into", "into", required=True, type=click.Path(dir_okay=False),
              help="The archive to merge into (made if missing).")
@json_option
def merge(shards, into, as_json):
    """Fold archive shards (one per Scrapyd node) into the archive INTO, by article id.

    Every capture and revision is kept, in the order first seen; merging a shard again changes nothing.
    Writes go in short transactions, so Datasette can keep reading INTO meanwhile."""
    from archive.merge import merge as run
    from archive.store import ArchiveError

    try:
        results = run(into, list(shards))
    except ArchiveError as exc:
        fail(str(exc), EXIT_FAILED)
    for r in results:
        emit(r, as_json, f"{r['shard']}: {r['new']} new, {r['updated']} updated, {r['earlier']} seen earlier, "
                         f"{r['unchanged']} unchanged "
                         f"articles; {r['captures']} captures and {r['runs']} runs added")
