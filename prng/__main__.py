"""``python -m prng``: the ``prng`` command line."""

import sys

from .cli import main

sys.exit(main())
