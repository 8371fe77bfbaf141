"""RandomState's continuous samplers (native/distributions/legacy_continuous.c; legacy-distributions.c)
as numba samplers. Samplers drawing normals take ``cache``, the polar method's cache as a float64 array
``[has_gauss, gauss]``, updated in place."""
import numpy as np
from numba import njit

from .._bitgen import next_double
from ._libm import exp, log, log1p, pow, sqrt
from .continuous import M_PI, fill0, fill1, fill2, gamma_with, vonmises_rejection
from .legacy import legacy_gauss


@njit(cache=True, error_model="numpy")
def legacy_standard_exponential(bg):
    return -log(1.0 - next_double(bg))


@njit(cache=True, error_model="numpy")
def legacy_exponential(bg, scale):
    return scale * legacy_standard_exponential(bg)


@njit(cache=True, error_model="numpy")
def legacy_standard_gamma(bg, cache, shape):
    """legacy_standard_gamma: Generator's algorithm on legacy exponentials and polar normals."""
    return gamma_with(bg, shape, legacy_standard_exponential, legacy_gauss, cache)


@njit(cache=True, error_model="numpy")
def legacy_gamma(bg, cache, shape, scale):
    return scale * legacy_standard_gamma(bg, cache, shape)


@njit(cache=True, error_model="numpy")
def legacy_beta(bg, cache, a, b):
    """legacy_beta."""
    if a <= 1.0 and b <= 1.0:
        while True:
            u = next_double(bg)
            v = next_double(bg)
            x = pow(u, 1.0 / a)
            y = pow(v, 1.0 / b)
            if x + y <= 1.0:
                if x + y > 0:
                    return x / (x + y)
                log_x = log(u) / a
                log_y = log(v) / b
                log_m = log_x if log_x > log_y else log_y
                log_x -= log_m
                log_y -= log_m
                return exp(log_x - log(exp(log_x) + exp(log_y)))
    ga = legacy_standard_gamma(bg, cache, a)
    gb = legacy_standard_gamma(bg, cache, b)
    return ga / (ga + gb)


@njit(cache=True, error_model="numpy")
def legacy_chisquare(bg, cache, df):
    return 2.0 * legacy_standard_gamma(bg, cache, df / 2.0)


@njit(cache=True, error_model="numpy")
def legacy_f(bg, cache, dfnum, dfden):
    num = legacy_chisquare(bg, cache, dfnum) * dfden
    return num / (legacy_chisquare(bg, cache, dfden) * dfnum)


@njit(cache=True, error_model="numpy")
def legacy_normal(bg, cache, loc, scale):
    return loc + scale * legacy_gauss(bg, cache)


@njit(cache=True, error_model="numpy")
def legacy_lognormal(bg, cache, mean, sigma):
    return exp(legacy_normal(bg, cache, mean, sigma))


@njit(cache=True, error_model="numpy")
def legacy_standard_t(bg, cache, df):
    num = legacy_gauss(bg, cache)
    denom = legacy_standard_gamma(bg, cache, df / 2)
    return sqrt(df / 2) * num / sqrt(denom)


@njit(cache=True, error_model="numpy")
def legacy_standard_cauchy(bg, cache):
    num = legacy_gauss(bg, cache)
    return num / legacy_gauss(bg, cache)


@njit(cache=True, error_model="numpy")
def legacy_wald(bg, cache, mean, scale):
    mu_2l = mean / (2 * scale)
    y = legacy_gauss(bg, cache)
    y = mean * y * y
    x = mean + mu_2l * (y - sqrt(4 * scale * y + y * y))
    u = next_double(bg)
    if u <= mean / (mean + x):
        return x
    return mean * mean / x


@njit(cache=True, error_model="numpy")
def legacy_pareto(bg, a):
    return exp(legacy_standard_exponential(bg) / a) - 1


@njit(cache=True, error_model="numpy")
def legacy_weibull(bg, a):
    if a == 0.0:
        return 0.0
    return pow(legacy_standard_exponential(bg), 1.0 / a)


@njit(cache=True, error_model="numpy")
def legacy_power(bg, a):
    return pow(1 - exp(-legacy_standard_exponential(bg)), 1.0 / a)


@njit(cache=True, error_model="numpy")
def legacy_rayleigh(bg, mode):
    return mode * sqrt(-2.0 * log1p(-next_double(bg)))


@njit(cache=True, error_model="numpy")
def legacy_vonmises(bg, mu, kappa):
    if np.isnan(kappa):
        return np.nan
    if kappa < 1e-8:
        return M_PI * (2 * next_double(bg) - 1)
    return vonmises_rejection(bg, mu, kappa)


@njit(cache=True, error_model="numpy")
def legacy_standard_exponential_fill(bg, out):
    fill0(bg, out, legacy_standard_exponential)


@njit(cache=True, error_model="numpy")
def legacy_exponential_fill(bg, out, scale):
    fill1(bg, out, scale, legacy_exponential)


@njit(cache=True, error_model="numpy")
def legacy_pareto_fill(bg, out, a):
    fill1(bg, out, a, legacy_pareto)


@njit(cache=True, error_model="numpy")
def legacy_weibull_fill(bg, out, a):
    fill1(bg, out, a, legacy_weibull)


@njit(cache=True, error_model="numpy")
def legacy_power_fill(bg, out, a):
    fill1(bg, out, a, legacy_power)


@njit(cache=True, error_model="numpy")
def legacy_rayleigh_fill(bg, out, mode):
    fill1(bg, out, mode, legacy_rayleigh)


@njit(cache=True, error_model="numpy")
def legacy_vonmises_fill(bg, out, mu, kappa):
    fill2(bg, out, mu, kappa, legacy_vonmises)


# fills with the gauss cache: one loop per arity, inlined so the fills cache

@njit(inline="always")
def gauss_fill0(bg, out, cache, sample):
    for i in range(out.size):
        out[i] = sample(bg, cache)


@njit(inline="always")
def gauss_fill1(bg, out, cache, a, sample):
    sa = int(a.size != 1)
    for i in range(out.size):
        out[i] = sample(bg, cache, a[i * sa])


@njit(inline="always")
def gauss_fill2(bg, out, cache, a, b, sample):
    sa, sb = int(a.size != 1), int(b.size != 1)
    for i in range(out.size):
        out[i] = sample(bg, cache, a[i * sa], b[i * sb])


@njit(inline="always")
def gauss_fill3(bg, out, cache, a, b, c, sample):
    sa, sb, sc = int(a.size != 1), int(b.size != 1), int(c.size != 1)
    for i in range(out.size):
        out[i] = sample(bg, cache, a[i * sa], b[i * sb], c[i * sc])


@njit(cache=True, error_model="numpy")
def legacy_standard_gamma_fill(bg, out, cache, shape):
    gauss_fill1(bg, out, cache, shape, legacy_standard_gamma)


@njit(cache=True, error_model="numpy")
def legacy_gamma_fill(bg, out, cache, shape, scale):
    gauss_fill2(bg, out, cache, shape, scale, legacy_gamma)


@njit(cache=True, error_model="numpy")
def legacy_beta_fill(bg, out, cache, a, b):
    gauss_fill2(bg, out, cache, a, b, legacy_beta)


@njit(cache=True, error_model="numpy")
def legacy_chisquare_fill(bg, out, cache, df):
    gauss_fill1(bg, out, cache, df, legacy_chisquare)


@njit(cache=True, error_model="numpy")
def legacy_f_fill(bg, out, cache, dfnum, dfden):
    gauss_fill2(bg, out, cache, dfnum, dfden, legacy_f)


@njit(cache=True, error_model="numpy")
def legacy_normal_fill(bg, out, cache, loc, scale):
    gauss_fill2(bg, out, cache, loc, scale, legacy_normal)


@njit(cache=True, error_model="numpy")
def legacy_lognormal_fill(bg, out, cache, mean, sigma):
    gauss_fill2(bg, out, cache, mean, sigma, legacy_lognormal)


@njit(cache=True, error_model="numpy")
def legacy_standard_t_fill(bg, out, cache, df):
    gauss_fill1(bg, out, cache, df, legacy_standard_t)


@njit(cache=True, error_model="numpy")
def legacy_standard_cauchy_fill(bg, out, cache):
    gauss_fill0(bg, out, cache, legacy_standard_cauchy)


@njit(cache=True, error_model="numpy")
def legacy_wald_fill(bg, out, cache, mean, scale):
    gauss_fill2(bg, out, cache, mean, scale, legacy_wald)


@njit(cache=True, error_model="numpy")
def legacy_dirichlet_fill(bg, out, cache, alpha):
    """RandomState.dirichlet (mtrand.pyx) into ``out`` (2-d, one row per draw)."""
    k = alpha.size
    for i in range(out.shape[0]):
        acc = 0.0
        for j in range(k):
            out[i, j] = legacy_standard_gamma(bg, cache, alpha[j])
            acc = acc + out[i, j]
        invacc = 1 / acc
        for j in range(k):
            out[i, j] = out[i, j] * invacc
