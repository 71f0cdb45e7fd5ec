"""When an English article and a Chinese one are kept as a pair: what pairing (pipelines/pairing.py) decides by and the
side-by-side page (archive/datasette/pages/translation.py) tells the reader. Imports nothing of Gazette."""
from __future__ import annotations

THRESHOLD = 0.40   # a pair's score (0 to 1) must pass this ...
MARGIN = 0.08      # ... and beat the runner-up of either side by this much
