"""The samplers, in pure Python: the readable reference of native/distributions/ (C) and
prng/numba/distributions/ (numba), with the same function names and arguments in all three.

Each ``*_fill(bitgen, out, ...)`` writes ``out`` (a flat numpy array) with one sampler's draws, in
order, from ``bitgen`` — anything with numpy's ``next_uint64``/``next_uint32``/``next_double`` (a
prng front's unlocked ``Draws`` while ``prng._sampling`` holds its lock). Broadcast parameters are
flat float64 arrays of one value or one per output. The scalar samplers live in the submodules
(``ziggurat``, ``bounded``, ``shuffle``, ``legacy``), one per C file.
"""

import numpy as np

from . import bounded, legacy, ziggurat
from .bounded import draws
from .shuffle import choice_floyd, shuffle_int, shuffle_raw  # noqa: F401  (the sampler API)

_M64 = (1 << 64) - 1


def _fill(out, sample, bitgen):
    for i in range(out.size):
        out[i] = sample(bitgen)


def _param(values, i):
    """Value ``i`` of a broadcast parameter (one value for all, or one per output)."""
    return float(values[0 if values.size == 1 else i])


def random_standard_uniform_fill(bitgen, out):
    """numpy's ``random_standard_uniform_fill``: ``next_double`` per value."""
    out[:] = draws(bitgen, "double", out.size)


def random_standard_uniform_fill_f(bitgen, out):
    """numpy's ``random_standard_uniform_fill_f``: the top 24 bits of ``next_uint32`` times 2**-24."""
    out[:] = (draws(bitgen, "uint32", out.size) >> 8).astype(np.float32) * np.float32(2.0**-24)


def random_standard_normal_fill(bitgen, out):
    _fill(out, ziggurat.standard_normal, bitgen)


def random_standard_normal_fill_f(bitgen, out):
    _fill(out, ziggurat.standard_normal_f, bitgen)


def random_standard_exponential_fill(bitgen, out):
    _fill(out, ziggurat.standard_exponential, bitgen)


def random_standard_exponential_fill_f(bitgen, out):
    _fill(out, ziggurat.standard_exponential_f, bitgen)


def random_normal_fill(bitgen, out, loc, scale):
    """numpy's ``random_normal``: ``loc + scale * standard_normal``."""
    for i in range(out.size):
        out[i] = _param(loc, i) + _param(scale, i) * ziggurat.standard_normal(bitgen)


def random_uniform_fill(bitgen, out, low, range_):
    """numpy's ``random_uniform``: ``low + range * next_double``."""
    for i in range(out.size):
        out[i] = _param(low, i) + _param(range_, i) * bitgen.next_double()


def random_exponential_fill(bitgen, out, scale):
    """numpy's ``random_exponential``: ``scale * standard_exponential``."""
    for i in range(out.size):
        out[i] = _param(scale, i) * ziggurat.standard_exponential(bitgen)


def random_bounded_fill(bitgen, off, rng, use_masked, out):
    """numpy's ``random_bounded_<type>_fill``: values in [off, off + rng], wrapping at out's width."""
    bits = 1 if out.dtype == np.bool_ else out.dtype.itemsize * 8
    values = bounded.bounded(bitgen, [rng] * out.size, bits, use_masked)
    width = 8 if bits == 1 else bits
    out[:] = np.array([(off + v) % (1 << width) for v in values], dtype=np.uint64).astype(out.dtype)


def random_bounded_broadcast_fill(bitgen, off, rng, use_masked, out):
    """numpy's ``_rand_<type>_broadcast`` loop: out[i] in [off[i], off[i] + rng[i]] (off, rng: uint64
    arrays of 1 value or one per output), wrapping at out's width, one piece buffer for the whole fill
    (``random_buffered_bounded_<type>``; 64-bit types: ``random_bounded_uint64`` per value)."""
    bits = 1 if out.dtype == np.bool_ else out.dtype.itemsize * 8
    offs = np.broadcast_to(off, out.shape).tolist()
    rngs = np.broadcast_to(rng, out.shape).tolist()
    values = bounded.bounded(bitgen, rngs, bits, use_masked)
    width = 8 if bits == 1 else bits
    out[:] = np.array([(o + v) % (1 << width) if r else o for o, r, v in zip(offs, rngs, values)],
                      dtype=np.uint64).astype(out.dtype)


def random_interval(bitgen, max_):
    """numpy's ``random_interval``: masked rejection in [0, max]."""
    return bounded.bounded(bitgen, [max_], 64, True)[0]


def random_bounded_uint64(bitgen, off, rng, use_masked):
    """numpy's ``random_bounded_uint64``: one value in [off, off + rng], wrapping at 64 bits."""
    return (off + bounded.bounded(bitgen, [rng], 64, use_masked)[0]) & _M64


def legacy_gauss_fill(bitgen, out, has_gauss, gauss):
    """RandomState's polar normals into ``out``; returns the cache ``(has_gauss, gauss)`` after."""
    cache = [has_gauss, gauss]
    _fill(out, lambda bg: legacy.legacy_gauss(bg, cache), bitgen)
    return cache[0], cache[1]
