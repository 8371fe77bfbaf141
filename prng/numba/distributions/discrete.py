"""numpy's discrete samplers for Generator (native/distributions/discrete.c; distributions.c,
random_hypergeometric.c, random_mvhg_count.c, random_mvhg_marginals.c) as numba samplers, with
glibc's libm (``_libm``) and x86-64's double-to-int64 conversion (``to_int64``), so they agree with C
and the pure-Python reference bit for bit. ``error_model="numpy"``: a division by zero gives inf or nan
as in C."""

import numpy as np
from numba import njit

from ...distributions.discrete import LOGFACT
from .._bitgen import next_double
from ._libm import exp, expm1, log, log1p, pow, sqrt
from .bounded import interval
from .continuous import fill1, fill2, gamma
from .ziggurat import random_standard_exponential

LOGFACT_TABLE = np.array(LOGFACT, dtype=np.float64)
INT64_MIN = np.int64(-(2**63))
INT64_MAX = np.int64(2**63 - 1)
HAS, NSAVE, M = 0, 1, 2
PSAVE, R, Q, FM, P1, XM, XL, XR, C, LAML, LAMR, P2, P3, P4 = range(3, 17)
_D1, _D2 = 1.7155277699214135, 0.8989161620588988
_LOGGAM_A = np.array([8.333333333333333e-02, -2.777777777777778e-03, 7.936507936507937e-04,
                      -5.952380952380952e-04, 8.417508417508418e-04, -1.917526917526918e-03,
                      6.410256410256410e-03, -2.955065359477124e-02, 1.796443723688307e-01,
                      -1.39243221690590e+00])

jit = njit(cache=True, error_model="numpy")


@jit
def to_int64(x):
    """C's (int64_t)x on x86-64: truncation, INT64_MIN for nan or out of range."""
    if not (x >= -9.223372036854775808e18 and x < 9.223372036854775808e18):
        return INT64_MIN
    return np.int64(x)


@jit
def loggam(x):
    """numpy's random_loggam."""
    if x == 1.0 or x == 2.0:
        return 0.0
    n = to_int64(7 - x) if x < 7.0 else np.int64(0)
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


@jit
def logfactorial(k):
    """numpy's logfactorial."""
    if k < 126:
        return LOGFACT_TABLE[k]
    kd = np.float64(k)
    return (kd + 0.5) * log(kd) - kd + (0.9189385332046728 + (1.0 / kd) * (1 / 12.0 - 1 / (360.0 * kd * kd)))


# -- poisson -----------------------------------------------------------------------------------

@jit
def poisson(bg, lam):
    """numpy's random_poisson: multiplication for lam < 10, PTRS above."""
    if lam >= 10:
        slam = sqrt(lam)
        loglam = log(lam)
        b = 0.931 + 2.53 * slam
        a = -0.059 + 0.02483 * b
        invalpha = 1.1239 + 1.1328 / (b - 3.4)
        vr = 0.9277 - 3.6224 / (b - 2)
        while True:
            u = next_double(bg) - 0.5
            v = next_double(bg)
            us = 0.5 - abs(u)
            k = to_int64(np.floor((2 * a / us + b) * u + lam + 0.43))
            if us >= 0.07 and v <= vr:
                return k
            if k < 0 or (us < 0.013 and v > us):
                continue
            if log(v) + log(invalpha) - log(a / (us * us) + b) <= -lam + np.float64(k) * loglam - loggam(
                    np.float64(k) + 1):
                return k
    if lam == 0:
        return np.int64(0)
    enlam = exp(-lam)
    x = np.int64(0)
    prod = 1.0
    while True:
        prod *= next_double(bg)
        if prod > enlam:
            x += 1
        else:
            return x


@jit
def negative_binomial(bg, n, p):
    """numpy's random_negative_binomial: a poisson of a gamma(n, (1 - p) / p)."""
    return poisson(bg, gamma(bg, n, (1 - p) / p))


# -- binomial ----------------------------------------------------------------------------------

@jit
def _cached(cache, f, n, p):
    return cache[HAS] != 0 and cache[NSAVE] == n and f[PSAVE] == p


@jit
def _btpe_setup(cache, f, n, p):
    cache[HAS], cache[NSAVE] = 1, n
    f[PSAVE] = p
    r = min(p, 1.0 - p)
    q = 1.0 - r
    fm = n * r + r
    m = to_int64(np.floor(fm))
    p1 = np.floor(2.195 * sqrt(n * r * q) - 4.6 * q) + 0.5
    xm = m + 0.5
    xl = xm - p1
    xr = xm + p1
    c = 0.134 + 20.5 / (15.3 + m)
    a = (fm - xl) / (fm - xl * r)
    laml = a * (1.0 + a / 2.0)
    a = (xr - fm) / (xr * q)
    lamr = a * (1.0 + a / 2.0)
    p2 = p1 * (1.0 + 2.0 * c)
    p3 = p2 + c / laml
    cache[M] = m
    f[R], f[Q], f[FM], f[P1], f[XM], f[XL], f[XR], f[C] = r, q, fm, p1, xm, xl, xr, c
    f[LAML], f[LAMR], f[P2], f[P3], f[P4] = laml, lamr, p2, p3, p3 + c / lamr


@jit
def _stirling_term(z):
    z2 = z * z
    return (13680. - (462. - (132. - (99. - 140. / z2) / z2) / z2) / z2) / z / 166320.


@jit
def _btpe_accept(n, m, r, q, xm, y, v):
    """Steps 50-52 of BTPE."""
    nrq = n * r * q
    k = abs(y - m)
    if not (k > 20 and k < nrq / 2.0 - 1):
        s = r / q
        a = s * (n + 1)
        big_f = 1.0
        if m < y:
            for i in range(m + 1, y + 1):
                big_f *= a / i - s
        elif m > y:
            for i in range(y + 1, m + 1):
                big_f /= a / i - s
        return not v > big_f
    rho = (k / nrq) * ((k * (k / 3.0 + 0.625) + 0.16666666666666666) / nrq + 0.5)
    t = np.float64(-k * k) / (2 * nrq)
    big_a = log(v)
    if big_a < t - rho:
        return True
    if big_a > t + rho:
        return False
    x1 = np.float64(y) + 1
    f1 = np.float64(m) + 1
    z = np.float64(n) + 1 - np.float64(m)
    w = np.float64(n) - np.float64(y) + 1
    bound = (xm * log(f1 / x1) + ((n - m) + 0.5) * log(z / w) + np.float64(y - m) * log(w * r / (x1 * q))
             + _stirling_term(f1) + _stirling_term(z) + _stirling_term(x1) + _stirling_term(w))
    return not big_a > bound


@jit
def binomial_btpe(bg, n, p, cache):
    """numpy's random_binomial_btpe, p <= 0.5."""
    f = cache.view(np.float64)
    if not _cached(cache, f, n, p):
        _btpe_setup(cache, f, n, p)
    m = cache[M]
    r, q, p1, xm, xl, xr, c = f[R], f[Q], f[P1], f[XM], f[XL], f[XR], f[C]
    laml, lamr, p2, p3, p4 = f[LAML], f[LAMR], f[P2], f[P3], f[P4]
    while True:
        u = next_double(bg) * p4
        v = next_double(bg)
        if u <= p1:
            y = to_int64(np.floor(xm - p1 * v + u))
            break
        if u <= p2:
            x = xl + (u - p1) / c
            v = v * c + 1.0 - abs(m - x + 0.5) / p1
            if v > 1.0:
                continue
            y = to_int64(np.floor(x))
        elif u <= p3:
            y = to_int64(np.floor(xl + log(v) / laml))
            if y < 0 or v == 0.0:
                continue
            v = v * (u - p2) * laml
        else:
            y = to_int64(np.floor(xr - log(v) / lamr))
            if y > n or v == 0.0:
                continue
            v = v * (u - p3) * lamr
        if _btpe_accept(n, m, r, q, xm, y, v):
            break
    return n - y if p > 0.5 else y


@jit
def binomial_inversion(bg, n, p, cache, legacy):
    """numpy's random_binomial_inversion (legacy: RandomState's, q**n = exp(n log q))."""
    f = cache.view(np.float64)
    if not _cached(cache, f, n, p):
        cache[HAS], cache[NSAVE] = 1, n
        f[PSAVE] = p
        q = 1.0 - p
        f[Q] = q
        f[R] = exp(n * log(q)) if legacy else exp(n * log1p(-p))
        np_ = n * p
        f[C] = np_
        limit = np_ + 10.0 * sqrt(np_ * q + 1)
        cache[M] = to_int64(np.float64(n) if n < limit else limit)
    q, qn, bound = f[Q], f[R], cache[M]
    x = np.int64(0)
    px = qn
    u = next_double(bg)
    while u > px:
        x += 1
        if x > bound:
            x = 0
            px = qn
            u = next_double(bg)
        else:
            u -= px
            px = ((n - x + 1) * p * px) / (x * q)
    return x


@jit
def binomial(bg, p, n, cache):
    """numpy's random_binomial."""
    if n == 0 or p == 0.0:
        return np.int64(0)
    if p <= 0.5:
        if p * n <= 30.0:
            return binomial_inversion(bg, n, p, cache, False)
        return binomial_btpe(bg, n, p, cache)
    q = 1.0 - p
    if q * n <= 30.0:
        return n - binomial_inversion(bg, n, q, cache, False)
    return n - binomial_btpe(bg, n, q, cache)


# -- geometric, logseries, zipf ----------------------------------------------------------------

@jit
def geometric_search(bg, p):
    x = np.int64(1)
    total = prod = p
    q = 1.0 - p
    u = next_double(bg)
    while u > total:
        prod *= q
        total += prod
        x += 1
    return x


@jit
def geometric(bg, p):
    """numpy's random_geometric."""
    if p >= 0.333333333333333333333333:
        return geometric_search(bg, p)
    z = np.ceil(-random_standard_exponential(bg) / log1p(-p))
    if z >= 9.223372036854776e+18:
        return INT64_MAX
    return to_int64(z)


@jit
def logseries(bg, p):
    """numpy's random_logseries."""
    r = log1p(-p)
    while True:
        v = next_double(bg)
        if v >= p:
            return np.int64(1)
        u = next_double(bg)
        q = -expm1(r * u)
        if v <= q * q:
            result = to_int64(np.floor(1 + log(v) / log(q)))
            if result < 1 or v == 0.0:
                continue
            return result
        return np.int64(1) if v >= q else np.int64(2)


@jit
def zipf(bg, a):
    """numpy's random_zipf."""
    if a >= 1025:
        return np.int64(1)
    am1 = a - 1.0
    b = pow(2.0, am1)
    umin = pow(9.223372036854775807e18, -am1)
    while True:
        u01 = next_double(bg)
        u = u01 * umin + (1 - u01)
        v = next_double(bg)
        x = np.floor(pow(u, -1.0 / am1))
        if x > 9.223372036854775807e18 or x < 1.0:
            continue
        t = pow(1.0 + 1.0 / x, am1)
        if v * x * (t - 1.0) / (b - 1.0) <= t / b:
            return to_int64(x)


# -- hypergeometric ----------------------------------------------------------------------------

@jit
def _logfactorial4(k, mingoodbad, computed_sample, maxgoodbad):
    return (logfactorial(k) + logfactorial(mingoodbad - k) + logfactorial(computed_sample - k)
            + logfactorial(maxgoodbad - computed_sample + k))


@jit
def hypergeometric(bg, good, bad, sample):
    """numpy's random_hypergeometric: HRUA for 10 <= sample <= good + bad - 10, else sampling."""
    total = good + bad
    if not (sample >= 10 and sample <= total - 10):
        computed_sample = total - sample if sample > total // 2 else sample
        remaining_total, remaining_good = total, good
        while computed_sample > 0 and remaining_good > 0 and remaining_total > remaining_good:
            remaining_total -= 1
            if np.int64(interval(bg, np.uint64(remaining_total))) < remaining_good:
                remaining_good -= 1
            computed_sample -= 1
        if remaining_total == remaining_good:
            remaining_good -= computed_sample
        return remaining_good if sample > total // 2 else good - remaining_good
    computed_sample = min(sample, total - sample)
    mingoodbad, maxgoodbad = min(good, bad), max(good, bad)
    p = np.float64(mingoodbad) / total
    q = np.float64(maxgoodbad) / total
    a = computed_sample * p + 0.5
    var = np.float64(total - computed_sample) * computed_sample * p * q / (total - 1)
    c = sqrt(var + 0.5)
    h = _D1 * c + _D2
    m = to_int64(np.floor(np.float64(computed_sample + 1) * (mingoodbad + 1) / (total + 2)))
    g = _logfactorial4(m, mingoodbad, computed_sample, maxgoodbad)
    support = np.float64(min(computed_sample, mingoodbad) + 1)
    cut = np.floor(a + 16 * c)
    b = support if support < cut else cut
    while True:
        u = next_double(bg)
        v = next_double(bg)
        x = a + h * (v - 0.5) / u
        if x < 0.0 or x >= b:
            continue
        k = to_int64(np.floor(x))
        t = g - _logfactorial4(k, mingoodbad, computed_sample, maxgoodbad)
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


# -- fills -------------------------------------------------------------------------------------

@jit
def random_poisson_fill(bg, out, lam):
    fill1(bg, out, lam, poisson)


@jit
def random_negative_binomial_fill(bg, out, n, p):
    fill2(bg, out, n, p, negative_binomial)


@jit
def random_binomial_fill(bg, out, cache, p, n):
    ps, ns = int(p.size != 1), int(n.size != 1)
    for i in range(out.size):
        out[i] = binomial(bg, p[i * ps], n[i * ns], cache)


@jit
def random_geometric_fill(bg, out, p):
    fill1(bg, out, p, geometric)


@jit
def random_logseries_fill(bg, out, p):
    fill1(bg, out, p, logseries)


@jit
def random_zipf_fill(bg, out, a):
    fill1(bg, out, a, zipf)


@jit
def random_hypergeometric_fill(bg, out, good, bad, sample):
    gs, bs, ss = int(good.size != 1), int(bad.size != 1), int(sample.size != 1)
    for i in range(out.size):
        out[i] = hypergeometric(bg, good[i * gs], bad[i * bs], sample[i * ss])


@jit
def random_multinomial_fill(bg, out, cache, d, n, pvals, offsets):
    """numpy's random_multinomial into zeroed rows of d."""
    ns, os_ = int(n.size != 1), int(offsets.size != 1)
    for i in range(out.size // d):
        start = offsets[i * os_]
        remaining_p = 1.0
        dn = n[i * ns]
        for j in range(d - 1):
            value = binomial(bg, pvals[start + j] / remaining_p, dn, cache)
            out[i * d + j] = value
            dn -= value
            if dn <= 0:
                break
            remaining_p -= pvals[start + j]
        if dn > 0:
            out[i * d + d - 1] = dn


@jit
def random_multivariate_hypergeometric_count_fill(bg, out, colors, nsample, choices):
    """numpy's random_multivariate_hypergeometric_count; choices: scratch of sum(colors) words."""
    num_colors = colors.size
    total = colors.sum()
    if total == 0 or nsample == 0 or out.size == 0:
        return
    k = 0
    for i in range(num_colors):
        for _ in range(colors[i]):
            choices[k] = i
            k += 1
    more_than_half = nsample > total // 2
    if more_than_half:
        nsample = total - nsample
    for i in range(0, out.size, num_colors):
        for j in range(nsample):
            k = j + np.int64(interval(bg, np.uint64(total - j - 1)))
            choices[k], choices[j] = choices[j], choices[k]
        for j in range(nsample):
            out[i + choices[j]] += 1
        if more_than_half:
            for c in range(num_colors):
                out[i + c] = colors[c] - out[i + c]


@jit
def random_multivariate_hypergeometric_marginals_fill(bg, out, colors, nsample):
    """numpy's random_multivariate_hypergeometric_marginals."""
    num_colors = colors.size
    total = colors.sum()
    if total == 0 or nsample == 0 or out.size == 0:
        return
    more_than_half = nsample > total // 2
    if more_than_half:
        nsample = total - nsample
    for i in range(0, out.size, num_colors):
        to_sample, remaining = nsample, total
        j = 0
        while to_sample > 0 and j + 1 < num_colors:
            remaining -= colors[j]
            r = hypergeometric(bg, colors[j], remaining, to_sample)
            out[i + j] = r
            to_sample -= r
            j += 1
        if to_sample > 0:
            out[i + num_colors - 1] = to_sample
        if more_than_half:
            for c in range(num_colors):
                out[i + c] = colors[c] - out[i + c]
