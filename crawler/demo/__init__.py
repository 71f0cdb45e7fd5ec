"""Recorded sites served on loopback: the mirror server, a config pointed at it, a generated site, and
`gazette demo`, which crawls the recorded pages of every configured site into a demo archive and serves it.

The tests and the benchmarks import the mirror and the generated site from here (not from tests/), and the
recorded pages come from gazette_data, so an installed Gazette has them too.
"""
