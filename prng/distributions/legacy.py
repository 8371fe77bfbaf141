"""RandomState's own samplers (numpy/random/src/legacy/legacy-distributions.c), the pure-Python
reference of native/distributions/legacy.c."""

import math


def legacy_gauss(bitgen, cache):
    """``legacy_gauss``: Marsaglia's polar method; returns ``f * x2`` and caches ``f * x1``.

    ``cache`` is a two-item list ``[has_gauss, gauss]``, updated in place (gauss 0.0 once used, as numpy).
    """
    if cache[0]:
        value = cache[1]
        cache[:] = [0, 0.0]
        return value
    while True:
        x1 = 2.0 * bitgen.next_double() - 1.0
        x2 = 2.0 * bitgen.next_double() - 1.0
        r2 = x1 * x1 + x2 * x2
        if 0.0 < r2 < 1.0:
            break
    f = math.sqrt(-2.0 * math.log(r2) / r2)
    cache[:] = [1, f * x1]
    return f * x2
