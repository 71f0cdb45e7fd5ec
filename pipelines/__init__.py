"""Extraction, cleaning and normalisation as pure functions, and the Scrapy item pipelines that chain them."""
