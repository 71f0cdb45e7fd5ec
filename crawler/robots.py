"""robots.txt with a parsing limit: only its first ROBOTS_LIMIT bytes are parsed (RFC 9309 section 2.5: a crawler
SHOULD limit what it parses, and the limit MUST be at least 500 KiB). A longer file is cut at the last line break
before the limit, and the rules in that part apply; the rest is never parsed (a 9 MB robots.txt once cost a
crawl process ~790 MB in the parser). Enabled by the setting ROBOTSTXT_PARSER."""
from __future__ import annotations

import logging

from scrapy.robotstxt import ProtegoRobotParser

ROBOTS_LIMIT = 512 * 1024
log = logging.getLogger("gazette")


def bounded(body: bytes, limit: int = ROBOTS_LIMIT) -> bytes:
    """The first `limit` bytes of a robots.txt, ending at a line break."""
    if len(body) <= limit:
        return body
    cut = body.rfind(b"\n", 0, limit)
    return body[:cut + 1 if cut >= 0 else limit]


class BoundedRobotParser(ProtegoRobotParser):
    def __init__(self, robotstxt_body: bytes, spider=None):
        if len(robotstxt_body) > ROBOTS_LIMIT:
            log.warning("robots.txt of %s bytes: only its first %s bytes are read (RFC 9309 parsing limit)",
                        len(robotstxt_body), ROBOTS_LIMIT)
        super().__init__(bounded(robotstxt_body), spider)
