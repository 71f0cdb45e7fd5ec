"""Per-site crawl locks, so at most one crawl of a site runs at a time, across processes.

A lock is an advisory `fcntl.flock` on a small file beside the archive (`<archive dir>/locks/<db>.<site>.lock`).
The kernel drops it when the holding process exits, however it exits (even SIGKILL), so a lock left by a
killed crawl is stale by construction and the next crawl simply takes it over. The file also records the
holder's pid and start time, for the refusal message only.
"""
from __future__ import annotations

import datetime as dt
import fcntl
import os
from pathlib import Path

from archive.store import ArchiveError


class LockHeld(Exception):
    """Another live process holds the site's lock; the message says which."""


def lock_path(db_path: str | os.PathLike, site: str) -> Path:
    db = Path(db_path)
    return db.resolve().parent / "locks" / f"{db.stem}.{site}.lock"


class SiteLock:
    """`with SiteLock(db, "mfa"):` ... raises LockHeld if another process crawls the site now."""

    def __init__(self, db_path: str | os.PathLike, site: str):
        self.site = site
        self.path = lock_path(db_path, site)
        self.fd: int | None = None

    def acquire(self) -> "SiteLock":
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:  # beside a read-only archive, on a full disk: one clear line, exit 1
            raise ArchiveError(f"cannot create the crawl lock {self.path}: {exc.strerror}") from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _read(fd)
            os.close(fd)
            raise LockHeld(f"a crawl of '{self.site}' is already running ({holder or 'holder unknown'}; "
                           f"lock {self.path})") from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"pid {os.getpid()} since {dt.datetime.now(dt.timezone.utc):%Y-%m-%dT%H:%M:%SZ}\n".encode(), 0)
        self.fd = fd
        return self

    def release(self) -> None:
        if self.fd is not None:
            os.ftruncate(self.fd, 0)
            fcntl.flock(self.fd, fcntl.LOCK_UN)
            os.close(self.fd)
            self.fd = None

    def __enter__(self):
        return self.acquire()

    def __exit__(self, *exc):
        self.release()


def holder(db_path: str | os.PathLike, site: str) -> str | None:
    """'pid N since T' if a live process holds the site's lock now, else None (does not take it)."""
    path = lock_path(db_path, site)
    if not path.exists():
        return None
    fd = os.open(path, os.O_RDONLY)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:
            return _read(fd) or "unknown process"
        fcntl.flock(fd, fcntl.LOCK_UN)
        return None
    finally:
        os.close(fd)


def _read(fd: int) -> str:
    try:
        return os.pread(fd, 200, 0).decode("utf-8", "replace").strip()
    except OSError:
        return ""


def lock_sites(db_path: str | os.PathLike, sites: list[str]) -> tuple[dict[str, SiteLock], list[str]]:
    """Take the locks of these sites; return {site: lock} taken and a message per site refused.

    The locks are held until the process exits (the kernel then drops them)."""
    held, refused = {}, []
    for site in sites:
        try:
            held[site] = SiteLock(db_path, site).acquire()
        except LockHeld as exc:
            refused.append(str(exc))
    return held, refused
