"""The person record of the meetings extractor: one side of an event as a sentence names it (side, name, title,
country, level, body, where in the sentence). Found by pipelines/meetings/persons.py, read by every later step."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Person:
    side: str                  # chinese | foreign
    name: str | None
    title: str | None
    country: str | None = None  # alpha-3 for the foreign side
    level: str | None = None
    body: str | None = None
    start: int = 0
    end: int = 0
    province: str | None = None  # code of a province named in a Chinese title
    city: str | None = None
    sentence: str | None = None  # the sentence that names the person (set by the extractor)
    described: bool = False      # a side described, not named ("Chinese officials", "New Zealand diplomats")
