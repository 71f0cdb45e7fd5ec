"""`/-/capture/<id>`: an archived response as it was served, under a CSP that runs no script and loads nothing."""
from __future__ import annotations

import json
import re

from definitions.bodies import unpack

from .common import DATABASE

CAPTURE_CSP = ("default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; "
               "form-action 'none'; frame-ancestors 'self'; sandbox")


async def capture_page(datasette, request):
    """The raw body of a capture as it was served, with a CSP that forbids scripts and every request."""
    from datasette.utils.asgi import NotFound, Response

    number = request.url_vars["capture_id"]
    if not (number.isascii() and number.isdigit() and len(number) < 19):  # what is no capture's number too
        raise NotFound(f"No capture is numbered {number[:40]!r}: a capture's number is in its article's history")
    db = datasette.get_database(DATABASE)
    row = (await db.execute(
        "select c.url, c.headers, b.compression, b.data from captures c join bodies b on b.digest = c.digest "
        "where c.id = ?", [int(number)])).first()
    if row is None:
        raise NotFound(f"No capture is numbered {number}: a capture's number is in its article's history")
    body = unpack(row["compression"], row["data"])
    content_type = "text/html"
    try:
        headers = {k.lower(): v for k, v in (json.loads(row["headers"] or "{}") or {}).items()}
        declared = headers.get("content-type")
        declared = declared[0] if isinstance(declared, list) else declared
        charset = re.search(r"charset=([\w-]+)", declared or "", re.I)
        if charset:
            content_type += f"; charset={charset.group(1)}"
    except (ValueError, AttributeError):
        pass
    return Response(body, content_type=content_type, headers={
        "content-security-policy": CAPTURE_CSP, "x-content-type-options": "nosniff",
        "referrer-policy": "no-referrer", "cache-control": "private, max-age=3600"})
