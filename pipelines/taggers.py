"""What tagging reads, loaded once for a configuration: the gazetteers (`mentions`: countries, provinces, cities and
officials, English and Chinese: pipelines/mentions.py) and the meeting rules (`meetings`: pipelines/meetings/config.py,
with each site's default place from its sites.toml table).

crawler/config.py's loader makes one `Taggers` per Config; `decide`, the meeting extractors and pairing receive it
(or its parts), never a config directory. Compiling them costs ~0.8 s, so each is compiled the first time it is
asked for (a command that tags nothing, `gazette sites` or `status`, never pays it) and then kept.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from . import mentions
from .meetings import config as meeting_rules


@dataclass(frozen=True)
class Taggers:
    directory: Path | None                    # the config directory: meetings.toml, mentions/ (None: the shipped)
    site_places: meeting_rules.SitePlaces = ()  # ((site key, (province code, city)), ...) from sites.toml

    @cached_property
    def mentions(self) -> mentions.Tagger:
        return mentions.load(self.directory)

    @cached_property
    def meetings(self) -> meeting_rules.Rules:
        return meeting_rules.load(str(self.directory) if self.directory else None, self.site_places)

    def __reduce__(self) -> tuple[type, tuple[Path | None, meeting_rules.SitePlaces]]:
        """Pickled as its two fields, never its compiled tables (100 kB and 90 ms to unpickle, per page handed to
        an import worker process): a worker compiles them once, cached by directory (mentions.load, rules' load)."""
        return (Taggers, (self.directory, self.site_places))


SHIPPED = Taggers(None, meeting_rules.shipped_site_places())  # the shipped config's: for a Config built by hand
