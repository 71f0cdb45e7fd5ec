"""The Scrapy side of Gazette: config, settings, spiders, the runner that starts crawls, the scheduler and the CLI.

Importing this package does not import Scrapy; the modules that need it import it themselves.
"""
