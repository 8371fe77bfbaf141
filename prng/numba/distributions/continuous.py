"""numpy's continuous samplers for Generator (native/distributions/continuous.c; distributions.c) as
numba samplers, the same operations in the same order with glibc's functions (``_libm``). float32
samplers keep every operand float32 (the constants are float32 globals), so each step rounds as C's."""
import math

import numpy as np
from numba import njit

from .._bitgen import next_double
from ._libm import acos, cos, exp, expm1, fmod, log, log1p, logf, pow, powf, sqrt, sqrtf
from .uniform import next_float
from .ziggurat import (random_standard_exponential, random_standard_exponential_f, random_standard_normal,
                       random_standard_normal_f)

BETA_TINY_THRESHOLD = 3e-103
M_PI = math.pi
_F0, _F1, _F05, _F9 = np.float32(0.0), np.float32(1.0), np.float32(0.5), np.float32(9.0)
_F_THIRD, _F_0331 = np.float32(1.0) / np.float32(3.0), np.float32(0.0331)


@njit(inline="always", error_model="numpy")
def gamma_with(bg, shape, exponential, normal, cache):
    """random_standard_gamma over the given samplers: ``exponential(bg)`` and ``normal(bg, cache)``
    (Generator's ziggurats, or RandomState's legacy ones; native/distributions/gamma.h). Inlined into
    its callers, so they cache."""
    if shape == 1.0:
        return exponential(bg)
    if shape == 0.0:
        return 0.0
    if shape < 1.0:
        while True:
            u = next_double(bg)
            v = exponential(bg)
            if u <= 1.0 - shape:
                x = pow(u, 1.0 / shape)
                if x <= v:
                    return x
            else:
                y = -log((1 - u) / shape)
                x = pow(1.0 - shape + shape * y, 1.0 / shape)
                if x <= v + y:
                    return x
    b = shape - 1.0 / 3.0
    c = 1.0 / sqrt(9 * b)
    while True:
        x = normal(bg, cache)
        v = 1.0 + c * x
        while v <= 0.0:
            x = normal(bg, cache)
            v = 1.0 + c * x
        v = v * v * v
        u = next_double(bg)
        if u < 1.0 - 0.0331 * (x * x) * (x * x):
            return b * v
        if log(u) < 0.5 * x * x + b * (1.0 - v + log(v)):
            return b * v


@njit(cache=True)
def _ziggurat_normal(bg, cache):
    """Generator's normal as gamma_with's normal (no cache)."""
    return random_standard_normal(bg)


@njit(cache=True, error_model="numpy")
def standard_gamma(bg, shape):
    """random_standard_gamma."""
    return gamma_with(bg, shape, random_standard_exponential, _ziggurat_normal, None)


@njit(cache=True, error_model="numpy")
def standard_gamma_f(bg, shape):
    """random_standard_gamma_f (float32 throughout)."""
    if shape == _F1:
        return random_standard_exponential_f(bg)
    if shape == _F0:
        return _F0
    if shape < _F1:
        while True:
            u = next_float(bg)
            v = random_standard_exponential_f(bg)
            if u <= _F1 - shape:
                x = powf(u, _F1 / shape)
                if x <= v:
                    return x
            else:
                y = -logf((_F1 - u) / shape)
                x = powf(_F1 - shape + shape * y, _F1 / shape)
                if x <= v + y:
                    return x
    b = shape - _F_THIRD
    c = _F1 / sqrtf(_F9 * b)
    while True:
        x = random_standard_normal_f(bg)
        v = _F1 + c * x
        while v <= _F0:
            x = random_standard_normal_f(bg)
            v = _F1 + c * x
        v = v * v * v
        u = next_float(bg)
        if u < _F1 - _F_0331 * (x * x) * (x * x):
            return b * v
        if logf(u) < _F05 * x * x + b * (_F1 - v + logf(v)):
            return b * v


@njit(cache=True, error_model="numpy")
def gamma(bg, shape, scale):
    return scale * standard_gamma(bg, shape)


@njit(cache=True, error_model="numpy")
def beta(bg, a, b):
    """random_beta."""
    if a <= 1.0 and b <= 1.0:
        if a < BETA_TINY_THRESHOLD and b < BETA_TINY_THRESHOLD:
            u = next_double(bg)
            return 1.0 if (a + b) * u < a else 0.0
        while True:
            u = next_double(bg)
            v = next_double(bg)
            x = pow(u, 1.0 / a)
            y = pow(v, 1.0 / b)
            xpy = x + y
            if xpy <= 1.0 and u + v > 0.0:
                if x > 0 and y > 0:
                    return x / xpy
                log_x = log(u) / a
                log_y = log(v) / b
                delta = log_x - log_y
                if delta > 0:
                    return exp(-log1p(exp(-delta)))
                return exp(delta - log1p(exp(delta)))
    ga = standard_gamma(bg, a)
    gb = standard_gamma(bg, b)
    return ga / (ga + gb)


@njit(cache=True, error_model="numpy")
def chisquare(bg, df):
    return 2.0 * standard_gamma(bg, df / 2.0)


@njit(cache=True, error_model="numpy")
def f(bg, dfnum, dfden):
    num = chisquare(bg, dfnum) * dfden
    den = chisquare(bg, dfden) * dfnum
    return num / den


@njit(cache=True, error_model="numpy")
def standard_cauchy(bg):
    num = random_standard_normal(bg)
    return num / random_standard_normal(bg)


@njit(cache=True, error_model="numpy")
def pareto(bg, a):
    return expm1(random_standard_exponential(bg) / a)


@njit(cache=True, error_model="numpy")
def weibull(bg, a):
    if a == 0.0:
        return 0.0
    return pow(random_standard_exponential(bg), 1.0 / a)


@njit(cache=True, error_model="numpy")
def power(bg, a):
    return pow(-expm1(-random_standard_exponential(bg)), 1.0 / a)


@njit(cache=True, error_model="numpy")
def laplace(bg, loc, scale):
    while True:
        u = next_double(bg)
        if u >= 0.5:
            return loc - scale * log(2.0 - u - u)
        if u > 0.0:
            return loc + scale * log(u + u)


@njit(cache=True, error_model="numpy")
def gumbel(bg, loc, scale):
    while True:
        u = 1.0 - next_double(bg)
        if u < 1.0:
            return loc - scale * log(-log(u))


@njit(cache=True, error_model="numpy")
def logistic(bg, loc, scale):
    while True:
        u = next_double(bg)
        if u > 0.0:
            return loc + scale * log(u / (1.0 - u))


@njit(cache=True, error_model="numpy")
def lognormal(bg, mean, sigma):
    return exp(mean + sigma * random_standard_normal(bg))


@njit(cache=True, error_model="numpy")
def rayleigh(bg, mode):
    return mode * sqrt(2.0 * random_standard_exponential(bg))


@njit(cache=True, error_model="numpy")
def standard_t(bg, df):
    num = random_standard_normal(bg)
    denom = standard_gamma(bg, df / 2)
    return sqrt(df / 2) * num / sqrt(denom)


@njit(cache=True, error_model="numpy")
def wald(bg, mean, scale):
    y = random_standard_normal(bg)
    y = mean * y * y
    d = 1 + sqrt(1 + 4 * scale / y)
    x = mean * (1 - 2 / d)
    u = next_double(bg)
    if u <= mean / (mean + x):
        return x
    return mean * mean / x


@njit(cache=True, error_model="numpy")
def vonmises_rejection(bg, mu, kappa):
    """The rejection part of random_vonmises and legacy_vonmises (kappa >= 1e-8)."""
    if kappa < 1e-5:
        s = 1.0 / kappa + kappa
    else:
        r = 1 + sqrt(1 + 4 * kappa * kappa)
        rho = (r - sqrt(2 * r)) / (2 * kappa)
        s = (1 + rho * rho) / (2 * rho)
    while True:
        u = next_double(bg)
        z = cos(M_PI * u)
        w = (1 + s * z) / (s + z)
        y = kappa * (s - w)
        v = next_double(bg)
        if y * (2 - y) - v >= 0 or log(y / v) + 1 - y >= 0:
            break
    u = next_double(bg)
    result = acos(w)
    if u < 0.5:
        result = -result
    result += mu
    neg = result < 0
    mod = fmod(abs(result) + M_PI, 2 * M_PI) - M_PI
    if neg:
        mod *= -1
    return mod


@njit(cache=True, error_model="numpy")
def vonmises(bg, mu, kappa):
    """random_vonmises."""
    if np.isnan(kappa):
        return np.nan
    if kappa < 1e-8:
        return M_PI * (2 * next_double(bg) - 1)
    if kappa > 1e6:
        result = mu + sqrt(1.0 / kappa) * random_standard_normal(bg)
        if result < -M_PI:
            result += 2 * M_PI
        if result > M_PI:
            result -= 2 * M_PI
        return result
    return vonmises_rejection(bg, mu, kappa)


@njit(cache=True, error_model="numpy")
def triangular(bg, left, mode, right):
    base = right - left
    leftbase = mode - left
    ratio = leftbase / base
    leftprod = leftbase * base
    rightprod = (right - mode) * base
    u = next_double(bg)
    if u <= ratio:
        return left + sqrt(u * leftprod)
    return right - sqrt((1.0 - u) * rightprod)


@njit(cache=True, error_model="numpy")
def standard_exponential_inv(bg):
    return -log1p(-next_double(bg))


@njit(cache=True, error_model="numpy")
def standard_exponential_inv_f(bg):
    return np.float32(-log1p(-np.float64(next_float(bg))))


# --- fills: one loop per arity, inlined into each fill so the fills cache --------------------------

@njit(inline="always")
def fill0(bg, out, sample):
    for i in range(out.size):
        out[i] = sample(bg)


@njit(inline="always")
def fill1(bg, out, a, sample):
    sa = int(a.size != 1)
    for i in range(out.size):
        out[i] = sample(bg, a[i * sa])


@njit(inline="always")
def fill2(bg, out, a, b, sample):
    sa, sb = int(a.size != 1), int(b.size != 1)
    for i in range(out.size):
        out[i] = sample(bg, a[i * sa], b[i * sb])


@njit(inline="always")
def fill3(bg, out, a, b, c, sample):
    sa, sb, sc = int(a.size != 1), int(b.size != 1), int(c.size != 1)
    for i in range(out.size):
        out[i] = sample(bg, a[i * sa], b[i * sb], c[i * sc])


@njit(cache=True, error_model="numpy")
def random_standard_gamma_fill(bg, out, shape):
    fill1(bg, out, shape, standard_gamma)


@njit(cache=True, error_model="numpy")
def random_standard_gamma_fill_f(bg, out, shape):
    fill1(bg, out, shape, standard_gamma_f)


@njit(cache=True, error_model="numpy")
def random_gamma_fill(bg, out, shape, scale):
    fill2(bg, out, shape, scale, gamma)


@njit(cache=True, error_model="numpy")
def random_beta_fill(bg, out, a, b):
    fill2(bg, out, a, b, beta)


@njit(cache=True, error_model="numpy")
def random_chisquare_fill(bg, out, df):
    fill1(bg, out, df, chisquare)


@njit(cache=True, error_model="numpy")
def random_f_fill(bg, out, dfnum, dfden):
    fill2(bg, out, dfnum, dfden, f)


@njit(cache=True, error_model="numpy")
def random_standard_cauchy_fill(bg, out):
    fill0(bg, out, standard_cauchy)


@njit(cache=True, error_model="numpy")
def random_pareto_fill(bg, out, a):
    fill1(bg, out, a, pareto)


@njit(cache=True, error_model="numpy")
def random_weibull_fill(bg, out, a):
    fill1(bg, out, a, weibull)


@njit(cache=True, error_model="numpy")
def random_power_fill(bg, out, a):
    fill1(bg, out, a, power)


@njit(cache=True, error_model="numpy")
def random_laplace_fill(bg, out, loc, scale):
    fill2(bg, out, loc, scale, laplace)


@njit(cache=True, error_model="numpy")
def random_gumbel_fill(bg, out, loc, scale):
    fill2(bg, out, loc, scale, gumbel)


@njit(cache=True, error_model="numpy")
def random_logistic_fill(bg, out, loc, scale):
    fill2(bg, out, loc, scale, logistic)


@njit(cache=True, error_model="numpy")
def random_lognormal_fill(bg, out, mean, sigma):
    fill2(bg, out, mean, sigma, lognormal)


@njit(cache=True, error_model="numpy")
def random_rayleigh_fill(bg, out, mode):
    fill1(bg, out, mode, rayleigh)


@njit(cache=True, error_model="numpy")
def random_standard_t_fill(bg, out, df):
    fill1(bg, out, df, standard_t)


@njit(cache=True, error_model="numpy")
def random_wald_fill(bg, out, mean, scale):
    fill2(bg, out, mean, scale, wald)


@njit(cache=True, error_model="numpy")
def random_vonmises_fill(bg, out, mu, kappa):
    fill2(bg, out, mu, kappa, vonmises)


@njit(cache=True, error_model="numpy")
def random_triangular_fill(bg, out, left, mode, right):
    fill3(bg, out, left, mode, right, triangular)


@njit(cache=True, error_model="numpy")
def random_standard_exponential_inv_fill(bg, out):
    fill0(bg, out, standard_exponential_inv)


@njit(cache=True, error_model="numpy")
def random_standard_exponential_inv_fill_f(bg, out):
    fill0(bg, out, standard_exponential_inv_f)


@njit(cache=True, error_model="numpy")
def random_dirichlet_fill(bg, out, alpha):
    """Generator.dirichlet (_generator.pyx) into ``out`` (2-d, one row per draw, zeros on entry)."""
    k = alpha.size
    if k > 0 and np.max(alpha) < 0.1:
        csum = np.empty(k)
        acc_sum = 0.0
        for j in range(k - 1, -1, -1):
            acc_sum += alpha[j]
            csum[j] = acc_sum
        if not acc_sum > 0:
            return
        for i in range(out.shape[0]):
            acc = 1.0
            for j in range(k - 1):
                v = beta(bg, alpha[j], csum[j + 1])
                out[i, j] = acc * v
                acc *= 1.0 - v
                if csum[j + 1] == 0:
                    break
            out[i, k - 1] = acc
        return
    for i in range(out.shape[0]):
        acc = 0.0
        for j in range(k):
            out[i, j] = standard_gamma(bg, alpha[j])
            acc = acc + out[i, j]
        invacc = 1.0 / acc
        for j in range(k):
            out[i, j] = out[i, j] * invacc
