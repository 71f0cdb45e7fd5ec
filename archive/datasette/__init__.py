"""Gazette's research interface in Datasette: the server (`serve.py`), search (`search.py`), pages and feeds
(`pages.py`), with the metadata, templates and plugin beside them."""
