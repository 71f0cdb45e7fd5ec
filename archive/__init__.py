"""The SQLite archive: schema and migrations, the write path, and the Datasette metadata."""
from .store import Archive, ArchiveError, utcnow

__all__ = ["Archive", "ArchiveError", "utcnow"]
