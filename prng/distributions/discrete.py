"""numpy's discrete samplers for ``Generator`` (numpy/random/src/distributions/distributions.c,
random_hypergeometric.c, random_mvhg_count.c, random_mvhg_marginals.c, logfactorial.c), the pure-Python
reference of native/distributions/discrete.c and prng/numba/distributions/discrete.py.

Every float operation is the C one, in C's order, on doubles; libm functions are glibc's own (``_libm``:
the symbols numpy's C calls, returning inf or nan where Python's ``math`` raises).
Conversions of doubles to int64 follow what x86-64 does (``to_int64``).

The binomial samplers keep numpy's ``binomial_t``: the setup of the last (n, p) in a ``cache`` (an int64
array of ``CACHE_WORDS`` words shared by every backend, see ``binomial_cache``), reused while (n, p)
stays the same, as numpy's ``Generator`` and ``RandomState`` do across calls.
"""

import math
from decimal import Decimal, localcontext

import numpy as np

from . import bounded, ziggurat
from ._libm import ceil, div, exp, expm1, floor, log, log1p, sqrt
from ._libm import pow as pow_
from .continuous import gamma

INT64_MAX = (1 << 63) - 1
INT64_MIN = -(1 << 63)


def to_int64(x):
    """C's ``(int64_t)x`` on x86-64 (cvttsd2si): truncation, and INT64_MIN for nan or out of range."""
    if not math.isfinite(x) or not -9223372036854775808.0 <= x < 9223372036854775808.0:
        return INT64_MIN
    return int(x)


def to_double(k):
    """C's ``(double)k`` of an int64."""
    return float(k)


# -- log-gamma and log-factorial ---------------------------------------------------------------

_LOGGAM_A = (8.333333333333333e-02, -2.777777777777778e-03, 7.936507936507937e-04, -5.952380952380952e-04,
             8.417508417508418e-04, -1.917526917526918e-03, 6.410256410256410e-03, -2.955065359477124e-02,
             1.796443723688307e-01, -1.39243221690590e+00)


def loggam(x):
    """numpy's ``random_loggam``: log(gamma(x)) by the Stirling series, shifted up to x >= 7."""
    if x == 1.0 or x == 2.0:
        return 0.0
    n = to_int64(7 - x) if x < 7.0 else 0
    x0 = x + n
    x2 = (1.0 / x0) * (1.0 / x0)
    gl0 = _LOGGAM_A[9]
    for k in range(8, -1, -1):
        gl0 *= x2
        gl0 += _LOGGAM_A[k]
    gl = gl0 / x0 + 0.5 * 1.8378770664093453e+00 + (x0 - 0.5) * log(x0) - x0
    if x < 7.0:
        for _ in range(n):
            gl -= log(x0 - 1.0)
            x0 -= 1.0
    return gl


def _logfact_table(size=126):
    """log(k!) for k < ``size``, correctly rounded (equal, entry for entry, to logfactorial.c's table)."""
    with localcontext() as ctx:
        ctx.prec = 50
        return [float(Decimal(math.factorial(k)).ln()) for k in range(size)]


LOGFACT = _logfact_table()


def logfactorial(k):
    """numpy's ``logfactorial``: the table below 126, else the Stirling series to the 1/k**3 term."""
    if k < len(LOGFACT):
        return LOGFACT[k]
    kd = to_double(k)
    return (kd + 0.5) * log(kd) - kd + (0.9189385332046728 + (1.0 / kd) * (1 / 12.0 - 1 / (360.0 * kd * kd)))


# -- poisson -----------------------------------------------------------------------------------

def poisson_mult(bitgen, lam):
    """numpy's ``random_poisson_mult`` (lam < 10): multiply uniforms until below exp(-lam)."""
    enlam = exp(-lam)
    x, prod = 0, 1.0
    while True:
        prod *= bitgen.next_double()
        if prod > enlam:
            x += 1
        else:
            return x


def poisson_ptrs(bitgen, lam):
    """numpy's ``random_poisson_ptrs`` (lam >= 10): Hoermann's transformed rejection."""
    slam = sqrt(lam)
    loglam = log(lam)
    b = 0.931 + 2.53 * slam
    a = -0.059 + 0.02483 * b
    invalpha = 1.1239 + 1.1328 / (b - 3.4)
    vr = 0.9277 - 3.6224 / (b - 2)
    while True:
        u = bitgen.next_double() - 0.5
        v = bitgen.next_double()
        us = 0.5 - abs(u)
        k = to_int64(floor((div(2 * a, us) + b) * u + lam + 0.43))
        if us >= 0.07 and v <= vr:
            return k
        if k < 0 or (us < 0.013 and v > us):
            continue
        if log(v) + log(invalpha) - log(a / (us * us) + b) <= -lam + to_double(k) * loglam - loggam(to_double(k) + 1):
            return k


def poisson(bitgen, lam):
    """numpy's ``random_poisson``."""
    if lam >= 10:
        return poisson_ptrs(bitgen, lam)
    if lam == 0:
        return 0
    return poisson_mult(bitgen, lam)


def negative_binomial(bitgen, n, p):
    """numpy's ``random_negative_binomial``: a poisson of a gamma(n, (1 - p) / p)."""
    return poisson(bitgen, gamma(bitgen, n, (1 - p) / p))


# -- binomial ----------------------------------------------------------------------------------

# numpy's binomial_t as CACHE_WORDS int64 words: [has_binomial, nsave, m] then, read as float64, the rest
HAS, NSAVE, M = 0, 1, 2
PSAVE, R, Q, FM, P1, XM, XL, XR, C, LAML, LAMR, P2, P3, P4 = range(3, 17)
CACHE_WORDS = 17


def binomial_cache():
    """A fresh (empty) binomial_t: what a new numpy Generator or RandomState starts with."""
    return np.zeros(CACHE_WORDS, dtype=np.int64)


def _cached(cache, n, p):
    """Whether ``cache`` holds the setup of (n, p) (numpy: has_binomial, nsave == n, psave == p)."""
    return cache[HAS] and cache[NSAVE] == n and cache.view(np.float64)[PSAVE] == p


def _remember(cache, n, p):
    cache[HAS], cache[NSAVE] = 1, n
    cache.view(np.float64)[PSAVE] = p


def binomial_btpe(bitgen, n, p, cache):
    """numpy's ``random_binomial_btpe`` (Kachitvichyanukul and Schmeiser's BTPE), p <= 0.5."""
    f = cache.view(np.float64)
    if not _cached(cache, n, p):
        _remember(cache, n, p)
        r = min(p, 1.0 - p)
        q = 1.0 - r
        fm = to_double(n) * r + r
        m = to_int64(floor(fm))
        p1 = floor(2.195 * sqrt(to_double(n) * r * q) - 4.6 * q) + 0.5
        xm = to_double(m) + 0.5
        xl, xr = xm - p1, xm + p1
        c = 0.134 + 20.5 / (15.3 + to_double(m))
        a = (fm - xl) / (fm - xl * r)
        laml = a * (1.0 + a / 2.0)
        a = (xr - fm) / (xr * q)
        lamr = a * (1.0 + a / 2.0)
        p2 = p1 * (1.0 + 2.0 * c)
        p3 = p2 + c / laml
        p4 = p3 + c / lamr
        cache[M] = m
        f[[R, Q, FM, P1, XM, XL, XR, C, LAML, LAMR, P2, P3, P4]] = [r, q, fm, p1, xm, xl, xr, c, laml, lamr,
                                                                    p2, p3, p4]
    else:
        m = int(cache[M])
        r, q, fm, p1, xm, xl, xr, c, laml, lamr, p2, p3, p4 = (
            float(v) for v in f[[R, Q, FM, P1, XM, XL, XR, C, LAML, LAMR, P2, P3, P4]])
    while True:
        y = _btpe_candidate(bitgen, n, m, p1, xm, xl, xr, c, laml, lamr, p2, p3, p4)
        if y is None:
            continue
        y, v, squeezed = y
        if squeezed or _btpe_accept(n, m, r, q, xm, y, v):
            break
    return n - y if p > 0.5 else y


def _btpe_candidate(bitgen, n, m, p1, xm, xl, xr, c, laml, lamr, p2, p3, p4):
    """Steps 10-40 of BTPE: ``(y, v, accepted)`` (accepted: the triangle, no test needed), or None to
    start again."""
    u = bitgen.next_double() * p4
    v = bitgen.next_double()
    if u <= p1:
        return to_int64(floor(xm - p1 * v + u)), v, True
    if u <= p2:
        x = xl + (u - p1) / c
        v = v * c + 1.0 - abs(to_double(m) - x + 0.5) / p1
        if v > 1.0:
            return None
        return to_int64(floor(x)), v, False
    if u <= p3:
        y = to_int64(floor(xl + log(v) / laml))
        if y < 0 or v == 0.0:
            return None
        return y, v * (u - p2) * laml, False
    y = to_int64(floor(xr - log(v) / lamr))
    if y > n or v == 0.0:
        return None
    return y, v * (u - p3) * lamr, False


def _stirling_term(z):
    z2 = z * z
    return (13680. - (462. - (132. - (99. - 140. / z2) / z2) / z2) / z2) / z / 166320.


def _btpe_accept(n, m, r, q, xm, y, v):
    """Steps 50-52 of BTPE: accept ``y`` given ``v`` (explicit product, or the squeeze and the bound)."""
    nrq = to_double(n) * r * q
    k = abs(y - m)
    if not (k > 20 and k < nrq / 2.0 - 1):
        s = r / q
        a = s * to_double(n + 1)
        big_f = 1.0
        if m < y:
            for i in range(m + 1, y + 1):
                big_f *= a / to_double(i) - s
        elif m > y:
            for i in range(y + 1, m + 1):
                big_f /= a / to_double(i) - s
        return not v > big_f
    kd = to_double(k)
    rho = (kd / nrq) * ((kd * (kd / 3.0 + 0.625) + 0.16666666666666666) / nrq + 0.5)
    t = to_double(-k * k) / (2 * nrq)
    big_a = log(v)
    if big_a < t - rho:
        return True
    if big_a > t + rho:
        return False
    x1 = to_double(y) + 1
    f1 = to_double(m) + 1
    z = to_double(n) + 1 - to_double(m)
    w = to_double(n) - to_double(y) + 1
    bound = (xm * log(f1 / x1) + (to_double(n - m) + 0.5) * log(z / w) + to_double(y - m) * log(w * r / (x1 * q))
             + _stirling_term(f1) + _stirling_term(z) + _stirling_term(x1) + _stirling_term(w))
    return not big_a > bound


def binomial_inversion(bitgen, n, p, cache, legacy=False):
    """numpy's ``random_binomial_inversion`` (n p <= 30); ``legacy``: RandomState's copy, whose
    q**n is ``exp(n * log(q))`` rather than ``exp(n * log1p(-p))``."""
    f = cache.view(np.float64)
    if not _cached(cache, n, p):
        _remember(cache, n, p)
        q = 1.0 - p
        qn = exp(to_double(n) * log(q)) if legacy else exp(to_double(n) * log1p(-p))
        np_ = to_double(n) * p
        limit = np_ + 10.0 * sqrt(np_ * q + 1)
        bound = to_int64(to_double(n) if to_double(n) < limit else limit)
        f[Q], f[R], f[C] = q, qn, np_
        cache[M] = bound
    else:
        q, qn, bound = float(f[Q]), float(f[R]), int(cache[M])
    x = 0
    px = qn
    u = bitgen.next_double()
    while u > px:
        x += 1
        if x > bound:
            x = 0
            px = qn
            u = bitgen.next_double()
        else:
            u -= px
            px = (to_double(n - x + 1) * p * px) / (to_double(x) * q)
    return x


def binomial(bitgen, p, n, cache):
    """numpy's ``random_binomial``: inversion for n min(p, 1-p) <= 30, else BTPE."""
    if n == 0 or p == 0.0:
        return 0
    if p <= 0.5:
        if p * to_double(n) <= 30.0:
            return binomial_inversion(bitgen, n, p, cache)
        return binomial_btpe(bitgen, n, p, cache)
    q = 1.0 - p
    if q * to_double(n) <= 30.0:
        return n - binomial_inversion(bitgen, n, q, cache)
    return n - binomial_btpe(bitgen, n, q, cache)


# -- geometric, logseries, zipf ----------------------------------------------------------------

def geometric_search(bitgen, p):
    """numpy's ``random_geometric_search`` (p >= 1/3): sum the pmf until it passes a uniform."""
    x = 1
    total = prod = p
    q = 1.0 - p
    u = bitgen.next_double()
    while u > total:
        prod *= q
        total += prod
        x += 1
    return x


def geometric_inversion(bitgen, p):
    """numpy's ``random_geometric_inversion`` (p < 1/3): ceil(-E / log1p(-p)), capped at INT64_MAX."""
    z = ceil(div(-ziggurat.standard_exponential(bitgen), log1p(-p)))
    if z >= 9.223372036854776e+18:
        return INT64_MAX
    return to_int64(z)


def geometric(bitgen, p):
    """numpy's ``random_geometric``."""
    if p >= 0.333333333333333333333333:
        return geometric_search(bitgen, p)
    return geometric_inversion(bitgen, p)


def logseries(bitgen, p):
    """numpy's ``random_logseries`` (Kemp's second accelerated generator, with expm1/log1p)."""
    r = log1p(-p)
    while True:
        v = bitgen.next_double()
        if v >= p:
            return 1
        u = bitgen.next_double()
        q = -expm1(r * u)
        if v <= q * q:
            result = to_int64(floor(1 + div(log(v), log(q))))
            if result < 1 or v == 0.0:
                continue
            return result
        if v >= q:
            return 1
        return 2


def zipf(bitgen, a):
    """numpy's ``random_zipf``: rejection with U drawn from (Umin, 1]; 1 for a >= 1025."""
    if a >= 1025:
        return 1
    am1 = a - 1.0
    b = pow_(2.0, am1)
    umin = pow_(9.223372036854775807e18, -am1)
    while True:
        u01 = bitgen.next_double()
        u = u01 * umin + (1 - u01)
        v = bitgen.next_double()
        x = floor(pow_(u, -1.0 / am1))
        if x > 9.223372036854775807e18 or x < 1.0:
            continue
        t = pow_(1.0 + 1.0 / x, am1)
        if v * x * (t - 1.0) / (b - 1.0) <= t / b:
            return to_int64(x)


# -- hypergeometric ----------------------------------------------------------------------------

def hypergeometric_sample(bitgen, good, bad, sample):
    """numpy's ``hypergeometric_sample``: draw items one by one (``random_interval``)."""
    total = good + bad
    computed_sample = total - sample if sample > total // 2 else sample
    remaining_total, remaining_good = total, good
    while computed_sample > 0 and remaining_good > 0 and remaining_total > remaining_good:
        remaining_total -= 1
        if bounded.bounded(bitgen, [remaining_total], 64, True)[0] < remaining_good:
            remaining_good -= 1
        computed_sample -= 1
    if remaining_total == remaining_good:
        remaining_good -= computed_sample
    return remaining_good if sample > total // 2 else good - remaining_good


_D1, _D2 = 1.7155277699214135, 0.8989161620588988


def hypergeometric_hrua(bitgen, good, bad, sample):
    """numpy's ``hypergeometric_hrua``: Stadlober's ratio-of-uniforms with logfactorial."""
    popsize = good + bad
    computed_sample = min(sample, popsize - sample)
    mingoodbad, maxgoodbad = min(good, bad), max(good, bad)
    p = to_double(mingoodbad) / to_double(popsize)
    q = to_double(maxgoodbad) / to_double(popsize)
    mu = to_double(computed_sample) * p
    a = mu + 0.5
    var = to_double(popsize - computed_sample) * to_double(computed_sample) * p * q / to_double(popsize - 1)
    c = sqrt(var + 0.5)
    h = _D1 * c + _D2
    m = to_int64(floor(to_double(computed_sample + 1) * to_double(mingoodbad + 1) / to_double(popsize + 2)))
    g = (logfactorial(m) + logfactorial(mingoodbad - m) + logfactorial(computed_sample - m)
         + logfactorial(maxgoodbad - computed_sample + m))
    b = min(to_double(min(computed_sample, mingoodbad) + 1), floor(a + 16 * c))
    while True:
        u = bitgen.next_double()
        v = bitgen.next_double()
        x = a + div(h * (v - 0.5), u)
        if x < 0.0 or x >= b:
            continue
        k = to_int64(floor(x))
        gp = (logfactorial(k) + logfactorial(mingoodbad - k) + logfactorial(computed_sample - k)
              + logfactorial(maxgoodbad - computed_sample + k))
        t = g - gp
        if u * (4.0 - u) - 3.0 <= t:
            break
        if u * (u - t) >= 1:
            continue
        if 2.0 * log(u) <= t:
            break
    if good > bad:
        k = computed_sample - k
    if computed_sample < sample:
        k = good - k
    return k


def hypergeometric(bitgen, good, bad, sample):
    """numpy's ``random_hypergeometric``: HRUA for 10 <= sample <= good + bad - 10, else sampling."""
    if 10 <= sample <= good + bad - 10:
        return hypergeometric_hrua(bitgen, good, bad, sample)
    return hypergeometric_sample(bitgen, good, bad, sample)


# -- multivariate ------------------------------------------------------------------------------

def multinomial(bitgen, n, out, pvals, cache):
    """numpy's ``random_multinomial`` into the zeroed row ``out``: binomials of the remaining count."""
    d = len(out)
    remaining_p = 1.0
    dn = n
    for j in range(d - 1):
        out[j] = binomial(bitgen, float(pvals[j]) / remaining_p, dn, cache)
        dn -= int(out[j])
        if dn <= 0:
            break
        remaining_p -= float(pvals[j])
    if dn > 0:
        out[d - 1] = dn


def mvhg_count(bitgen, out, colors, nsample, choices):
    """numpy's ``random_multivariate_hypergeometric_count`` into the zeroed ``out`` (rows of
    len(colors)): a partial Fisher-Yates over ``choices`` (scratch of sum(colors) words)."""
    total, num_colors = int(np.sum(colors)), len(colors)
    if total == 0 or nsample == 0 or out.size == 0:
        return
    choices[:] = np.repeat(np.arange(num_colors), colors)
    more_than_half = nsample > total // 2
    if more_than_half:
        nsample = total - nsample
    for i in range(0, out.size, num_colors):
        for j in range(nsample):
            k = j + bounded.bounded(bitgen, [total - j - 1], 64, True)[0]
            choices[k], choices[j] = choices[j], choices[k]
        for j in range(nsample):
            out[i + choices[j]] += 1
        if more_than_half:
            out[i:i + num_colors] = colors - out[i:i + num_colors]


def mvhg_marginals(bitgen, out, colors, nsample):
    """numpy's ``random_multivariate_hypergeometric_marginals``: one hypergeometric per color."""
    total, num_colors = int(np.sum(colors)), len(colors)
    if total == 0 or nsample == 0 or out.size == 0:
        return
    more_than_half = nsample > total // 2
    if more_than_half:
        nsample = total - nsample
    for i in range(0, out.size, num_colors):
        to_sample, remaining = nsample, total
        j = 0
        while to_sample > 0 and j + 1 < num_colors:
            remaining -= int(colors[j])
            r = hypergeometric(bitgen, int(colors[j]), remaining, to_sample)
            out[i + j] = r
            to_sample -= r
            j += 1
        if to_sample > 0:
            out[i + num_colors - 1] = to_sample
        if more_than_half:
            out[i:i + num_colors] = colors - out[i:i + num_colors]


# -- fills (the sampler API; parameters: one value for all outputs or one per output) -----------

def _at(values, i):
    """Value ``i`` of a broadcast parameter as a Python float or int."""
    return values[0 if values.size == 1 else i].item()


def fill_each(bitgen, out, sample, *params):
    """``out[i] = sample(bitgen, <value i of each broadcast parameter>)`` for every i, in order."""
    for i in range(out.size):
        out[i] = sample(bitgen, *(_at(values, i) for values in params))


def random_poisson_fill(bitgen, out, lam):
    fill_each(bitgen, out, poisson, lam)


def random_negative_binomial_fill(bitgen, out, n, p):
    fill_each(bitgen, out, negative_binomial, n, p)


def random_binomial_fill(bitgen, out, cache, p, n):
    fill_each(bitgen, out, lambda bg, p_i, n_i: binomial(bg, p_i, n_i, cache), p, n)


def random_geometric_fill(bitgen, out, p):
    fill_each(bitgen, out, geometric, p)


def random_hypergeometric_fill(bitgen, out, good, bad, sample):
    fill_each(bitgen, out, hypergeometric, good, bad, sample)


def random_logseries_fill(bitgen, out, p):
    fill_each(bitgen, out, logseries, p)


def random_zipf_fill(bitgen, out, a):
    fill_each(bitgen, out, zipf, a)


def random_multinomial_fill(bitgen, out, cache, d, n, pvals, offsets):
    """``out`` (zeroed; rows of ``d``, flattened): row i from ``n`` value i and the ``d`` probabilities
    of ``pvals`` from ``offsets`` value i on."""
    for i in range(out.size // d):
        start = _at(offsets, i)
        multinomial(bitgen, _at(n, i), out[i * d:(i + 1) * d], pvals[start:start + d], cache)


def random_multivariate_hypergeometric_count_fill(bitgen, out, colors, nsample, choices):
    mvhg_count(bitgen, out, colors, nsample, choices)


def random_multivariate_hypergeometric_marginals_fill(bitgen, out, colors, nsample):
    mvhg_marginals(bitgen, out, colors, nsample)
