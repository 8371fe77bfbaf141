"""Uniforms in bulk (native/distributions/uniform.c: numpy's random_standard_uniform_fill[_f])."""
import numpy as np
from numba import njit

from .._bitgen import fill_double, next_double, next_uint32


@njit(cache=True)
def next_float(bg):
    """numpy's next_float: the top 24 bits of a 32-bit draw times 2**-24."""
    return np.float32(next_uint32(bg) >> np.uint32(8)) * np.float32(1.0 / 16777216.0)


@njit(cache=True)
def random_standard_uniform_fill(bg, out):
    """n next_double draws, through the generator's bulk fill (as C's prng_random_standard_uniform_fill)."""
    fill_double(bg, out)


@njit(cache=True)
def random_standard_uniform_fill_f(bg, out):
    for i in range(out.size):
        out[i] = next_float(bg)


@njit(cache=True)
def random_uniform_fill(bg, out, low, range_):
    """numpy's random_uniform: ``low + range * next_double``, parameters broadcast by size."""
    ls, rs = int(low.size != 1), int(range_.size != 1)
    for i in range(out.size):
        out[i] = low[i * ls] + range_[i * rs] * next_double(bg)
