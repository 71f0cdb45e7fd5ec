"""Gazette's research interface in Datasette: the server (`serve.py`), the plugin (`plugin.py`, registered through
the `datasette` entry point), search (`search.py`), pages and feeds (`pages/`), with the metadata and templates
beside them."""

DATABASE = "gazette"   # the name the archive is served under, whatever its file is called (defined only here)
