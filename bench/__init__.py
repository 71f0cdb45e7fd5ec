"""Benchmarks of Gazette against the tools a user would otherwise pick; each module is one command."""
