"""Framework reproductions: thin layers over prng's bit generators and distributions.

``prng.compat.numpy``, ``.python``, ``.torch``, ``.seedrandom`` and ``.jax`` are imported on first use.
"""

import importlib

MODULES = ("numpy", "python", "torch", "seedrandom", "jax")


def __getattr__(name):
    if name in MODULES:
        return importlib.import_module(f"{__name__}.{name}")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__():
    return sorted(list(globals()) + list(MODULES))
