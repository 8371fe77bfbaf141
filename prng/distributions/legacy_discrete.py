"""RandomState's discrete samplers (numpy/random/src/legacy/legacy-distributions.c, numpy 1.16's code
kept for RandomState's stream), the pure-Python reference of native/distributions/legacy_discrete.c.

RandomState's poisson and multinomial are Generator's (``legacy_random_poisson`` and
``legacy_random_multinomial`` call ``random_poisson`` and ``random_multinomial``), and its binomial
shares BTPE and the ``binomial_t`` cache with them (see ``discrete``).
"""

from . import discrete as dd
from ._libm import ceil, div, exp, floor, log, log1p, sqrt
from ._libm import pow as pow_
from .discrete import fill_each, loggam, to_double, to_int64
from .legacy_continuous import legacy_gamma


def legacy_binomial(bitgen, p, n, cache):
    """``legacy_random_binomial``: inversion with exp(n log q), else BTPE; no shortcut for n = 0 or
    p = 0 (those draw one double)."""
    if p <= 0.5:
        if p * to_double(n) <= 30.0:
            return dd.binomial_inversion(bitgen, n, p, cache, legacy=True)
        return dd.binomial_btpe(bitgen, n, p, cache)
    q = 1.0 - p
    if q * to_double(n) <= 30.0:
        return n - dd.binomial_inversion(bitgen, n, q, cache, legacy=True)
    return n - dd.binomial_btpe(bitgen, n, q, cache)


def legacy_negative_binomial(bitgen, cache, n, p):
    """``legacy_negative_binomial``: Generator's poisson of a legacy gamma(n, (1 - p) / p) (``cache``:
    the polar normals' cache, as legacy_continuous)."""
    return dd.poisson(bitgen, legacy_gamma(bitgen, cache, n, (1 - p) / p))


def hypergeometric_hyp(bitgen, good, bad, sample):
    """``random_hypergeometric_hyp`` (sample <= 10)."""
    d1 = bad + good - sample
    d2 = to_double(min(bad, good))
    y, k = d2, sample
    while y > 0.0:
        u = bitgen.next_double()
        y -= to_int64(floor(u + y / to_double(d1 + k)))
        k -= 1
        if k == 0:
            break
    z = to_int64(d2 - y)
    return sample - z if good > bad else z


def hypergeometric_hrua(bitgen, good, bad, sample):
    """``random_hypergeometric_hrua`` (the legacy one, on random_loggam; sample > 10)."""
    mingoodbad, maxgoodbad = min(good, bad), max(good, bad)
    popsize = good + bad
    m = min(sample, popsize - sample)
    d4 = to_double(mingoodbad) / to_double(popsize)
    d5 = 1.0 - d4
    d6 = to_double(m) * d4 + 0.5
    d7 = sqrt(to_double(popsize - m) * to_double(sample) * d4 * d5 / to_double(popsize - 1) + 0.5)
    d8 = dd._D1 * d7 + dd._D2
    d9 = to_int64(floor(to_double(m + 1) * to_double(mingoodbad + 1) / to_double(popsize + 2)))
    d10 = (loggam(to_double(d9 + 1)) + loggam(to_double(mingoodbad - d9 + 1)) + loggam(to_double(m - d9 + 1))
           + loggam(to_double(maxgoodbad - m + d9 + 1)))
    d11 = min(to_double(min(m, mingoodbad)) + 1.0, floor(d6 + 16 * d7))
    while True:
        x = bitgen.next_double()
        y = bitgen.next_double()
        w = d6 + div(d8 * (y - 0.5), x)
        if w < 0.0 or w >= d11:
            continue
        z = to_int64(floor(w))
        t = d10 - (loggam(to_double(z + 1)) + loggam(to_double(mingoodbad - z + 1)) + loggam(to_double(m - z + 1))
                   + loggam(to_double(maxgoodbad - m + z + 1)))
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


def legacy_hypergeometric(bitgen, good, bad, sample):
    """``legacy_random_hypergeometric`` (``random_hypergeometric_original``)."""
    if sample > 10:
        return hypergeometric_hrua(bitgen, good, bad, sample)
    if sample > 0:
        return hypergeometric_hyp(bitgen, good, bad, sample)
    return 0


def legacy_zipf(bitgen, a):
    """``legacy_random_zipf``: U = 1 - next_double, no cut-off for large a."""
    am1 = a - 1.0
    b = pow_(2.0, am1)
    while True:
        u = 1.0 - bitgen.next_double()
        v = bitgen.next_double()
        x = floor(pow_(u, div(-1.0, am1)))
        if x > 9.223372036854775807e18 or x < 1.0:
            continue
        t = pow_(1.0 + 1.0 / x, am1)
        if div(v * x * (t - 1.0), b - 1.0) <= t / b:
            return to_int64(x)


def legacy_geometric(bitgen, p):
    """``legacy_random_geometric``: search for p >= 1/3, else ceil(log1p(-U) / log(1 - p))."""
    if p >= 0.333333333333333333333333:
        return dd.geometric_search(bitgen, p)
    return to_int64(ceil(div(log1p(-bitgen.next_double()), log(1 - p))))


def legacy_logseries(bitgen, p):
    """``legacy_logseries``: as Generator's with log(1 - p) and 1 - exp(r U)."""
    r = log(1.0 - p)
    while True:
        v = bitgen.next_double()
        if v >= p:
            return 1
        u = bitgen.next_double()
        q = 1.0 - exp(r * u)
        if v <= q * q:
            result = to_int64(floor(1 + div(log(v), log(q))))
            if result < 1 or v == 0.0:
                continue
            return result
        if v >= q:
            return 1
        return 2


# -- fills -------------------------------------------------------------------------------------

def legacy_random_binomial_fill(bitgen, out, cache, p, n):
    fill_each(bitgen, out, lambda bg, p_i, n_i: legacy_binomial(bg, p_i, n_i, cache), p, n)


def legacy_negative_binomial_fill(bitgen, out, cache, n, p):
    fill_each(bitgen, out, lambda bg, n_i, p_i: legacy_negative_binomial(bg, cache, n_i, p_i), n, p)


def legacy_random_hypergeometric_fill(bitgen, out, good, bad, sample):
    fill_each(bitgen, out, legacy_hypergeometric, good, bad, sample)


def legacy_random_zipf_fill(bitgen, out, a):
    fill_each(bitgen, out, legacy_zipf, a)


def legacy_random_geometric_fill(bitgen, out, p):
    fill_each(bitgen, out, legacy_geometric, p)


def legacy_logseries_fill(bitgen, out, p):
    fill_each(bitgen, out, legacy_logseries, p)
