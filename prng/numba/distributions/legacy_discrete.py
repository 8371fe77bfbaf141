"""RandomState's discrete samplers (native/distributions/legacy_discrete.c; legacy-distributions.c) as
numba samplers; poisson and multinomial are Generator's (discrete.py)."""

import numpy as np
from numba import njit

from .._bitgen import next_double
from ._libm import exp, log, log1p, pow, sqrt
from .continuous import fill1
from .discrete import _D1, _D2, binomial_btpe, binomial_inversion, geometric_search, loggam, poisson, to_int64
from .legacy_continuous import gauss_fill2, legacy_gamma

jit = njit(cache=True, error_model="numpy")


@jit
def legacy_binomial(bg, p, n, cache):
    """legacy_random_binomial: exp(n log q) inversion or BTPE; n = 0 and p = 0 draw too."""
    if p <= 0.5:
        if p * n <= 30.0:
            return binomial_inversion(bg, n, p, cache, True)
        return binomial_btpe(bg, n, p, cache)
    q = 1.0 - p
    if q * n <= 30.0:
        return n - binomial_inversion(bg, n, q, cache, True)
    return n - binomial_btpe(bg, n, q, cache)


@jit
def legacy_negative_binomial(bg, cache, n, p):
    """legacy_negative_binomial: Generator's poisson of a legacy gamma(n, (1 - p) / p)."""
    return poisson(bg, legacy_gamma(bg, cache, n, (1 - p) / p))


@jit
def _loggam4(z, mingoodbad, m, maxgoodbad):
    return (loggam(np.float64(z + 1)) + loggam(np.float64(mingoodbad - z + 1)) + loggam(np.float64(m - z + 1))
            + loggam(np.float64(maxgoodbad - m + z + 1)))


@jit
def legacy_hypergeometric(bg, good, bad, sample):
    """legacy_random_hypergeometric: HRUA (random_loggam) for sample > 10, HYP for 0 < sample <= 10."""
    if sample <= 0:
        return np.int64(0)
    if sample <= 10:
        d1 = bad + good - sample
        d2 = np.float64(min(bad, good))
        y = d2
        k = sample
        while y > 0.0:
            u = next_double(bg)
            y -= to_int64(np.floor(u + y / (d1 + k)))
            k -= 1
            if k == 0:
                break
        z = to_int64(d2 - y)
        return sample - z if good > bad else z
    mingoodbad, maxgoodbad = min(good, bad), max(good, bad)
    popsize = good + bad
    m = min(sample, popsize - sample)
    d4 = np.float64(mingoodbad) / popsize
    d5 = 1.0 - d4
    d6 = m * d4 + 0.5
    d7 = sqrt(np.float64(popsize - m) * sample * d4 * d5 / (popsize - 1) + 0.5)
    d8 = _D1 * d7 + _D2
    d9 = to_int64(np.floor(np.float64(m + 1) * (mingoodbad + 1) / (popsize + 2)))
    d10 = _loggam4(d9, mingoodbad, m, maxgoodbad)
    support = min(m, mingoodbad) + 1.0
    cut = np.floor(d6 + 16 * d7)
    d11 = support if support < cut else cut
    while True:
        x = next_double(bg)
        y = next_double(bg)
        w = d6 + d8 * (y - 0.5) / x
        if w < 0.0 or w >= d11:
            continue
        z = to_int64(np.floor(w))
        t = d10 - _loggam4(z, mingoodbad, m, maxgoodbad)
        if x * (4.0 - x) - 3.0 <= t:
            break
        if x * (x - t) >= 1:
            continue
        if 2.0 * log(x) <= t:
            break
    if good > bad:
        z = m - z
    if m < sample:
        z = good - z
    return z


@jit
def legacy_zipf(bg, a):
    """legacy_random_zipf."""
    am1 = a - 1.0
    b = pow(2.0, am1)
    while True:
        u = 1.0 - next_double(bg)
        v = next_double(bg)
        x = np.floor(pow(u, -1.0 / am1))
        if x > 9.223372036854775807e18 or x < 1.0:
            continue
        t = pow(1.0 + 1.0 / x, am1)
        if v * x * (t - 1.0) / (b - 1.0) <= t / b:
            return to_int64(x)


@jit
def legacy_geometric(bg, p):
    """legacy_random_geometric."""
    if p >= 0.333333333333333333333333:
        return geometric_search(bg, p)
    return to_int64(np.ceil(log1p(-next_double(bg)) / log(1 - p)))


@jit
def legacy_logseries(bg, p):
    """legacy_logseries."""
    r = log(1.0 - p)
    while True:
        v = next_double(bg)
        if v >= p:
            return np.int64(1)
        u = next_double(bg)
        q = 1.0 - exp(r * u)
        if v <= q * q:
            result = to_int64(np.floor(1 + log(v) / log(q)))
            if result < 1 or v == 0.0:
                continue
            return result
        return np.int64(1) if v >= q else np.int64(2)


@jit
def legacy_random_binomial_fill(bg, out, cache, p, n):
    ps, ns = int(p.size != 1), int(n.size != 1)
    for i in range(out.size):
        out[i] = legacy_binomial(bg, p[i * ps], n[i * ns], cache)


@jit
def legacy_negative_binomial_fill(bg, out, cache, n, p):
    gauss_fill2(bg, out, cache, n, p, legacy_negative_binomial)


@jit
def legacy_random_hypergeometric_fill(bg, out, good, bad, sample):
    gs, bs, ss = int(good.size != 1), int(bad.size != 1), int(sample.size != 1)
    for i in range(out.size):
        out[i] = legacy_hypergeometric(bg, good[i * gs], bad[i * bs], sample[i * ss])


@jit
def legacy_random_zipf_fill(bg, out, a):
    fill1(bg, out, a, legacy_zipf)


@jit
def legacy_random_geometric_fill(bg, out, p):
    fill1(bg, out, p, legacy_geometric)


@jit
def legacy_logseries_fill(bg, out, p):
    fill1(bg, out, p, legacy_logseries)
