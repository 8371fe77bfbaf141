"""C backend: cores over native/ through the cffi module prng._prng_c (see docs/ARCHITECTURE.md).

Importing any module here raises ImportError when the extension was not built, which makes the
backend unavailable and lets "auto" fall back to numba or python.
"""
