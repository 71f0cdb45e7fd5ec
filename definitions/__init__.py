"""Definitions every layer reads: an article's fields (fields.py), the kinds of text extraction removes
(removals.py) and how a raw body is kept (bodies.py). Nothing here imports Gazette's other packages, so `pipelines/`
(which produces articles) and `archive/` (which keeps them) both read these without depending on each other
(tests/test_layers.py checks it)."""
