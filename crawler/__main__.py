"""`python -m crawler` runs the `gazette` command line."""
from .cli import main

main()
