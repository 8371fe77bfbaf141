"""numpy 2.4.6's numpy/random/tests run against prng (see _adapter.py); a package, so that its conftest does
not shadow tests/conftest.py."""
