"""The one door from argument handling (``Generator``, ``RandomState``, the compat layers) to the
samplers.

``sampling(bit_generator)`` holds the generator's ``lock`` for the whole call and yields
``(samplers, bitgen)``: the sampler module of the generator's backend (``prng.c.distributions``,
``prng.numba.distributions`` or the pure-Python reference ``prng.distributions``, all with the same
functions) and the handle those functions draw from. numpy's buffered uint32 half moves into a native
handle before the call and back after it, so every backend continues the same stream::

    with sampling(bitgen) as (samplers, bg):
        samplers.random_standard_normal_fill(bg, out)

A bit generator that is not a prng front (any object with numpy's ``next_uint64``, ``next_uint32`` and
``next_double`` methods) is drawn from directly by the pure-Python samplers.
"""

import contextlib
import functools
import importlib

from . import distributions as reference
from ._bitgen import BitGenerator

_MODULES = {"python": "prng.distributions", "numba": "prng.numba.distributions", "c": "prng.c.distributions"}


@functools.lru_cache(maxsize=None)
def samplers_of(backend):
    """The sampler module of ``backend`` (imported on first use)."""
    return importlib.import_module(_MODULES[backend])


@contextlib.contextmanager
def sampling(bit_generator):
    """``(samplers, bitgen)`` for drawing from ``bit_generator`` under its lock (see the module doc)."""
    if not isinstance(bit_generator, BitGenerator):
        yield reference, bit_generator
        return
    with bit_generator.lock:
        backend = bit_generator._sampler_backend()
        if backend == "python":
            yield reference, bit_generator._draws
            return
        core = bit_generator._core
        core.load_uint32_buffer(bit_generator._has_uint32, bit_generator._uinteger)
        try:
            yield samplers_of(backend), core.bitgen
        finally:
            bit_generator._has_uint32, bit_generator._uinteger = core.uint32_buffer()
