"""numpy 2.4.6 numpy/random/tests/test_direct.py against prng (see _adapter.py)."""
from ._adapter import load

load("test_direct", globals())
