"""RandomState's own samplers (native/distributions/legacy.c; legacy-distributions.c) as numba samplers."""
import numpy as np
from numba import njit

from .._bitgen import next_double
from ._libm import log, sqrt


@njit(cache=True)
def legacy_gauss(bg, cache):
    """legacy_gauss: Marsaglia's polar method; ``cache`` ([has_gauss, gauss], float64) holds the second
    value of the pair, updated in place."""
    if cache[0]:
        value = cache[1]
        cache[0], cache[1] = 0.0, 0.0
        return value
    while True:
        x1 = 2.0 * next_double(bg) - 1.0
        x2 = 2.0 * next_double(bg) - 1.0
        r2 = x1 * x1 + x2 * x2
        if 0.0 < r2 < 1.0:
            break
    f = sqrt(-2.0 * log(r2) / r2)
    cache[0], cache[1] = 1.0, f * x1
    return f * x2


@njit(cache=True)
def _legacy_gauss_fill(bg, out, cache):
    for i in range(out.size):
        out[i] = legacy_gauss(bg, cache)


def legacy_gauss_fill(bg, out, has_gauss, gauss):
    """legacy_gauss (Marsaglia's polar method, the second value cached) into ``out``; returns the
    cache ``(has_gauss, gauss)`` after."""
    cache = np.array([float(has_gauss), gauss])
    _legacy_gauss_fill(bg, out, cache)
    return int(cache[0]), float(cache[1])
