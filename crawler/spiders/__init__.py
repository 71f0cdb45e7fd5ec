"""Gazette's spiders: `fetch` for one-off URLs, `site` for config-driven crawls of a configured site."""
