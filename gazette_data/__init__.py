"""The data Gazette ships with its code, and the one place that decides which config directory is used.

In a source checkout (editable install) the data is where the repository keeps it: `config/` at the top and the
recorded fixture trees in `tests/fixtures/`. A built wheel maps those same directories into this package as
`gazette_data/config/` and `gazette_data/fixtures/` (see pyproject.toml `[tool.setuptools.package-dir]`), so a
non-editable `pip install .` has them without a second copy in the repository.

`config_dir()` resolves the config directory for every command: `--config`, then `GAZETTE_CONFIG`, then `./config`
when it holds a sites.toml, then the packaged default. Nothing here imports Gazette's other packages.
"""
from __future__ import annotations

import json
import os
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any, Iterator

HERE = Path(__file__).resolve().parent
SOURCE_ROOT = HERE.parent  # the repository, when this package is imported from a checkout


def _shipped(installed: str, in_checkout: Path) -> Path:
    packaged = HERE / installed
    if packaged.is_dir() or in_checkout.is_dir():
        return packaged if packaged.is_dir() else in_checkout
    return _unzipped(installed) or in_checkout


def _unzipped(installed: str) -> Path | None:
    """This package's `installed` directory when the package is read from a zip (the egg Scrapyd runs, made by
    `gazette deploy`): unpacked once into a temporary directory named by its content, since readers take paths."""
    import hashlib
    import tempfile
    from importlib.resources import files

    root = files(__name__) / installed
    if not root.is_dir():
        return None
    items = sorted(_walk(root))
    digest = hashlib.sha256(b"".join(name.encode() + data for name, data in items)).hexdigest()[:16]
    target = Path(tempfile.gettempdir()) / f"gazette-{installed}-{digest}"
    for name, data in items:
        if not (target / name).is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            (target / name).write_bytes(data)
    return target


def _walk(node: Traversable, prefix: str = "") -> Iterator[tuple[str, bytes]]:
    for child in node.iterdir():
        if child.is_dir():
            yield from _walk(child, f"{prefix}{child.name}/")
        elif not child.name.endswith((".py", ".pyc")):
            yield f"{prefix}{child.name}", child.read_bytes()


def default_config() -> Path:
    """The config directory Gazette ships (sites.toml and mentions/)."""
    return _shipped("config", SOURCE_ROOT / "config")


def fixtures() -> Path:
    """The recorded page trees, one directory per site (tests/fixtures/<site>/ in a checkout)."""
    return _shipped("fixtures", SOURCE_ROOT / "tests" / "fixtures")


def config_dir(value: str | os.PathLike[str] | None = None) -> Path:
    """The config directory to use, as an absolute path: `value` (--config), else $GAZETTE_CONFIG, else
    ./config if it has a sites.toml, else the packaged default. A path that was given is returned even if it
    does not exist, so the caller can say so."""
    given = value or os.environ.get("GAZETTE_CONFIG")
    if given:
        return Path(given).expanduser().absolute()
    local = Path.cwd() / "config"
    if (local / "sites.toml").is_file():
        return local
    return default_config()


def recorded_pages(site: str | None = None) -> Iterator[tuple[str, str, Path, Any]]:
    """(site key, URL path, page file, expected fields) for every recorded article page that has a
    `<page>.expected.json` beside it (all sites, or this one)."""
    root = fixtures()
    for expected in sorted(root.glob(f"{site or '*'}/**/*.expected.json")):
        key = expected.relative_to(root).parts[0]
        stem = expected.name[: -len(".expected.json")]
        pages = [p for p in expected.parent.glob(stem + ".*") if not p.name.endswith(".expected.json")]
        if not pages:
            continue
        page = pages[0]
        yield key, "/" + str(page.relative_to(root / key)), page, json.loads(expected.read_text("utf-8"))
