"""The import direction of the code, checked (DESIGN.md, "The way data flows").

`crawler/` may use `pipelines/` and `archive/`; `archive/` imports neither `crawler/` nor `pipelines/` (it
stores and reads plain values); no module of `pipelines/` imports `crawler/`, and the pure ones (extraction,
cleaning, normalising, tagging, the site rules) import neither `crawler/` nor `archive/`: only the orchestrators
that write (record, reextract, learning, translations, the Scrapy item pipeline) use the archive. What both
`pipelines/` and `archive/` must know (an article's fields, the kinds of removal) is in `definitions/`, which
imports nothing of the project. Nothing imports `tests/`, and `bench/` does not edit sys.path.

Run `python tests/test_layers.py` to print the import graph between the project's packages and modules.
"""
from __future__ import annotations

import ast
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("crawler", "pipelines", "archive", "bench", "gazette_data", "definitions")
ORCHESTRATORS = {"pipelines.record", "pipelines.reextract", "pipelines.items", "pipelines.learning",
                 "pipelines.translations"}


def modules() -> dict[str, Path]:
    found = {}
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            parts = path.relative_to(ROOT).with_suffix("").parts
            found[".".join(p for p in parts if p != "__init__")] = path
    return found


def imports_of(name: str, path: Path) -> set[str]:
    """The project modules and packages `name` imports (relative imports resolved), at any depth of the file."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            found.add(target)
            found.update(f"{target}.{alias.name}" for alias in node.names)
    return {t for t in found if t.split(".")[0] in PACKAGES + ("tests",)}


def graph() -> dict[str, set[str]]:
    known = modules()
    edges = {}
    for name, path in known.items():
        edges[name] = {t for t in imports_of(name, path) if t in known and t != name}
    return edges


def top(name: str) -> str:
    return name.split(".")[0]


def test_pure_pipelines_import_neither_crawler_nor_archive():
    for name, targets in graph().items():
        if top(name) == "pipelines" and name not in ORCHESTRATORS:
            bad = sorted(t for t in targets if top(t) in ("crawler", "archive"))
            assert not bad, f"{name} is a pure pipeline module but imports {bad}"


def test_only_the_crawler_imports_the_crawler():
    for name, targets in graph().items():
        if top(name) in ("pipelines", "archive", "definitions"):
            bad = sorted(t for t in targets if top(t) == "crawler")
            assert not bad, f"{name} imports {bad}: the flow is crawler -> pipelines -> archive"


def test_definitions_import_nothing_of_the_project():
    edges = graph()
    assert "definitions.fields" in edges
    for name, targets in edges.items():
        if top(name) == "definitions":
            assert not targets, f"{name} is read by every layer but imports {sorted(targets)}"


def test_archive_imports_nothing_of_pipelines():
    for name, targets in graph().items():
        if top(name) == "archive":
            bad = sorted(t for t in targets if top(t) == "pipelines")
            assert not bad, f"{name} imports {bad}: archive/ stores plain values, it needs nothing of pipelines/"


def test_nothing_imports_tests_and_bench_leaves_sys_path_alone():
    for name, path in modules().items():
        assert not any(top(t) == "tests" for t in imports_of(name, path)), f"{name} imports tests/"
        if top(name) == "bench":
            assert "sys.path" not in path.read_text(encoding="utf-8"), f"{name} edits sys.path"


def test_the_checker_sees_a_wrong_import(tmp_path):
    """The checks above read real imports: a relative import from crawler/ inside pipelines/ is found."""
    fake = tmp_path / "extract.py"
    fake.write_text("from crawler.config import Site\nfrom ..archive import store\n", encoding="utf-8")
    assert {"crawler.config", "archive.store", "archive"} <= imports_of("pipelines.extract", fake)


def main() -> None:
    edges = graph()
    between: dict[tuple[str, str], set[str]] = defaultdict(set)
    for name, targets in edges.items():
        for target in targets:
            if top(target) != top(name):
                between[(top(name), top(target))].add(f"{name} -> {target}")
    print("packages:")
    for (a, b), pairs in sorted(between.items()):
        print(f"  {a} -> {b}: {len(pairs)} imports")
    print("modules:")
    for name in sorted(edges):
        if edges[name]:
            print(f"  {name} -> {', '.join(sorted(edges[name]))}")


if __name__ == "__main__":
    sys.exit(main())
