"""numpy 2.4.6 numpy/random/tests/test_generator_mt19937.py against prng (see _adapter.py)."""
from ._adapter import load

load("test_generator_mt19937", globals())
