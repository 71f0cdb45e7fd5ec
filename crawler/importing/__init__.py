"""Captures made elsewhere, brought into the archive: WARC, WACZ and Scrapy-cache files (`gazette import`,
sources.py reads them, importer.py archives them) and web archives' captures (`gazette backfill`,
crawler/backfill.py), all through the crawl's own decide and apply steps."""
