"""Reading named b-trees (tables, indexes) of a SQLite file into the operating system's page cache, many pages
at a time, at low I/O priority, in a process of its own (prewarm.py starts it as `gazette serve` starts).

SQLite reads a b-tree one page after another, each read waiting for the disk: at a million articles the keys and
indexes a first search needs are ~170,000 pages scattered over a 7 GB file, 8-10 s read that way. Here each
tree's pages are found from the file itself (https://www.sqlite.org/fileformat2.html): its root, then a level
at a time, every page of a level asked of the disk together (posix_fadvise WILLNEED, in file order) and then
read, in batches of BATCH so that at most that many reads wait before a request's own. On the disk measured
(`bench/serve.py --cold`) that is ~60,000 pages a second against ~4,000 one after another, and a page the
server asks for meanwhile waits ~0.1 ms more, not seconds. The process runs at the lowest CPU priority and the
lowest best-effort I/O level (Linux's ioprio_set); trees named after `--later` are read in batches of
LATER_BATCH (a request's read then waits behind fewer). Not the idle class: the mq-deadline and BFQ
schedulers serve it only while no other process reads, and on a disk shared with other jobs that left the keys
unread for the first 5-20 s. Overflow pages (rows longer than a
page) are not followed: the trees read hold short rows.

Standard library only, run as a script (`python readahead.py ARCHIVE NAME...`), so it starts without Gazette's
imports and never holds the server's GIL. The file is read directly, not through SQLite, as a hint only: a
page changed under it by a writer's checkpoint makes it read ahead the wrong pages at worst; a page that is not
a b-tree page ends its branch, and nothing read is kept or returned. It stops when the server that started it
has gone.
"""
from __future__ import annotations

import os
import platform
import sqlite3
import struct
import sys
import time
from collections.abc import Callable
from contextlib import closing

BATCH = 64
LATER_BATCH = 16
INTERIOR = (2, 5)       # index and table interior pages; 10 and 13 are their leaves
IOPRIO_SET = {"x86_64": 251, "aarch64": 30, "i686": 289, "armv7l": 314}   # the syscall's number per machine
LOWEST_BEST_EFFORT = (2 << 13) | 7


def roots(path: str, names: list[str]) -> list[tuple[str, int, bool]]:
    """(name, root page, interior pages only) of each name, in the order given: a table with all its indexes, one
    index, `NAME:only`, a table without its indexes, or `NAME:interior`, the interior pages of one table or
    index (the pages leading to its rows: a row then costs one read, not three); names the file does not hold
    are left out."""
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
        rows = conn.execute("select type, name, tbl_name, rootpage from sqlite_master "
                            "where rootpage > 0 order by rowid").fetchall()
    tables = {n for kind, n, _, _ in rows if kind == "table"}
    out: list[tuple[str, int, bool]] = []
    for name in names:
        if name.endswith((":interior", ":only")):
            alone, part = name.rsplit(":", 1)
            out += [(n, root, part == "interior") for _, n, _, root in rows if n == alone]
            continue
        out += [(n, root, False) for kind, n, table, root in rows
                if n == name or (kind == "index" and table == name and name in tables)]
    return out


class File:
    """The database file open for reading: its page size and count, and pages read in batches."""

    def __init__(self, path: str):
        self.batch = BATCH
        self.fd = os.open(path, os.O_RDONLY)
        header = os.pread(self.fd, 100, 0)
        size = struct.unpack(">H", header[16:18])[0] if len(header) == 100 else 0
        self.page_size = 65536 if size == 1 else size
        if not header.startswith(b"SQLite format 3\0") or self.page_size < 512 or self.page_size & (self.page_size - 1):
            os.close(self.fd)
            raise ValueError(f"{path} is not a SQLite database")
        self.pages = os.fstat(self.fd).st_size // self.page_size
        self.parent = os.getppid()

    def close(self) -> None:
        os.close(self.fd)

    @property
    def orphaned(self) -> bool:
        """The process that started this one has gone (the server stopped)."""
        return os.getppid() != self.parent

    def read(self, numbers: list[int], length: int) -> list[tuple[int, bytes]]:
        """(page number, its first `length` bytes) of each page, asked of the disk `batch` at a time."""
        out: list[tuple[int, bytes]] = []
        for start in range(0, len(numbers), self.batch):
            if self.orphaned:
                return out
            batch = numbers[start:start + self.batch]
            if hasattr(os, "posix_fadvise"):
                for n in batch:
                    os.posix_fadvise(self.fd, (n - 1) * self.page_size, self.page_size, os.POSIX_FADV_WILLNEED)
            out += [(n, os.pread(self.fd, length, (n - 1) * self.page_size)) for n in batch]
        return out


def children(page: bytes, offset: int) -> list[int]:
    """The child page numbers of an interior b-tree page whose header starts at `offset` (100 on page 1)."""
    count = struct.unpack(">H", page[offset + 3:offset + 5])[0]
    start = offset + 12
    if start + 2 * count > len(page):
        return []
    pointers = struct.unpack(f">{count}H", page[start:start + 2 * count])
    out = [struct.unpack(">I", page[p:p + 4])[0] for p in pointers if p + 4 <= len(page)]
    return out + [struct.unpack(">I", page[offset + 8:offset + 12])[0]]


def depth(file: File, root: int) -> int:
    """The levels of the b-tree at `root` (1: the root is a leaf), found down its first branch (every leaf of a
    SQLite b-tree is as deep)."""
    levels, page = 1, root
    while levels < 20:
        offset = 100 if page == 1 else 0
        data = file.read([page], file.page_size)[0][1]
        below = children(data, offset) if len(data) > offset + 12 and data[offset] in INTERIOR else []
        if not below or not 1 <= below[0] <= file.pages:
            return levels
        levels, page = levels + 1, below[0]
    return levels


def tree_pages(file: File, root: int, interior: bool = False) -> list[int]:
    """Every page of the b-tree at `root` (with `interior`, its interior pages only), each read once (so now in
    the page cache): a level at a time, the pages of a level in file order. A level's pages are first read a
    byte each (their type), then in full only those that are interior pages (the leaves, most of a tree, are
    never copied into Python)."""
    found: list[int] = []
    seen: set[int] = set()
    level = [root]
    levels = depth(file, root) - 1 if interior else None
    while level and not file.orphaned and (levels is None or levels > 0):
        seen.update(level)
        found += level
        if levels == 1:                 # the last interior level: its pages, not their children (the leaves)
            file.read(level, 1)
            break
        kinds = file.read(level, 1)
        interior_pages = [n for n, kind in kinds if (kind and kind[0] in INTERIOR) or n == 1]   # page 1: see below
        below: set[int] = set()
        for n, page in file.read(interior_pages, file.page_size):
            offset = 100 if n == 1 else 0     # page 1's b-tree header follows the file's 100-byte header
            if len(page) > offset + 12 and page[offset] in INTERIOR:
                below.update(c for c in children(page, offset) if 1 <= c <= file.pages and c not in seen)
        level = sorted(below)
        levels = None if levels is None else levels - 1
    return found


def lower_priority() -> None:
    """The lowest CPU priority and best-effort I/O level for this process, where the system allows them."""
    try:
        os.nice(19)
    except OSError:
        pass
    number = IOPRIO_SET.get(platform.machine())
    if sys.platform.startswith("linux") and number:
        import ctypes
        try:
            ctypes.CDLL(None, use_errno=True).syscall(number, 1, 0, LOWEST_BEST_EFFORT)   # this process
        except (OSError, AttributeError):
            pass


def read_ahead(path: str, names: list[str], report: Callable[[str, int, float], None] | None = None,
               later: tuple[str, ...] | list[str] = ()) -> tuple[int, int]:
    """Read the named trees in the order given, then those of `later` in smaller batches; (pages read, page
    size). `report(name, pages, seconds since the start)` is called as each tree is done."""
    started = time.perf_counter()
    total = 0
    file = File(path)
    trees = [(tree, False) for tree in roots(path, names)] + [(tree, True) for tree in roots(path, list(later))]
    try:
        for (name, root, interior), after in trees:
            if after:
                file.batch = LATER_BATCH
            pages = tree_pages(file, root, interior)
            total += len(pages)
            if report:
                report(name + (" (interior pages)" if interior else ""), len(pages), time.perf_counter() - started)
            if file.orphaned:
                break
    finally:
        file.close()
    return total, file.page_size


def main(argv: list[str]) -> int:
    """`readahead.py [-v] ARCHIVE NAME... [--later NAME...]`: -v prints each tree as it is read, with the time
    since the start; the trees after --later are read in batches of LATER_BATCH."""
    verbose = "-v" in argv
    args = [a for a in argv if a != "-v"]
    later = args[args.index("--later") + 1:] if "--later" in args else []
    args = args[:args.index("--later")] if "--later" in args else args
    if not args:
        print("usage: readahead.py [-v] ARCHIVE NAME... [--later NAME...]", file=sys.stderr)
        return 2
    lower_priority()
    started = time.perf_counter()

    def report(name: str, pages: int, seconds: float) -> None:
        print(f"read ahead: {name:40} {pages:9,} pages, done at {seconds:6.2f} s", flush=True)
    try:
        total, page_size = read_ahead(args[0], args[1:], report if verbose else None, later)
    except (OSError, ValueError, sqlite3.Error) as exc:     # the archive gone or unreadable: nothing to read
        print(f"readahead: {exc}", file=sys.stderr)
        return 1
    if verbose:
        print(f"read ahead: {total:,} pages ({total * page_size / 1e6:,.0f} MB) in "
              f"{time.perf_counter() - started:.2f} s", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
