"""RandomState's continuous samplers (numpy/random/src/legacy/legacy-distributions.c and mtrand.pyx's
dirichlet), the pure-Python reference of native/distributions/legacy_continuous.c.

Samplers that draw normals take ``cache``, numpy's ``aug_state`` gauss cache ``[has_gauss, gauss]``
(``legacy.legacy_gauss``), updated in place; the others draw from the bit generator only.
"""

import math

from . import _libm as m
from .continuous import normalised_gammas, standard_gamma, vonmises_rejection
from .legacy import legacy_gauss


def legacy_standard_exponential(bitgen):
    """``legacy_standard_exponential``: ``-log(1 - U)``."""
    return -m.log(1.0 - bitgen.next_double())


def legacy_exponential(bitgen, scale):
    """``legacy_exponential``: ``scale * legacy_standard_exponential``."""
    return scale * legacy_standard_exponential(bitgen)


def legacy_standard_gamma(bitgen, cache, shape):
    """``legacy_standard_gamma``: Generator's algorithm on legacy exponentials and polar normals."""
    return standard_gamma(bitgen, shape, legacy_standard_exponential, lambda bg: legacy_gauss(bg, cache))


def legacy_gamma(bitgen, cache, shape, scale):
    """``legacy_gamma``: ``scale * legacy_standard_gamma``."""
    return scale * legacy_standard_gamma(bitgen, cache, shape)


def legacy_beta(bitgen, cache, a, b):
    """``legacy_beta``: Johnk's algorithm (numpy 1.16's, log-space fallback) for a, b <= 1, else the
    ratio of two legacy gammas."""
    if a <= 1.0 and b <= 1.0:
        while True:
            u = bitgen.next_double()
            v = bitgen.next_double()
            x = m.pow(u, 1.0 / a)
            y = m.pow(v, 1.0 / b)
            if x + y <= 1.0:
                if x + y > 0:
                    return x / (x + y)
                log_x = m.log(u) / a
                log_y = m.log(v) / b
                log_m = log_x if log_x > log_y else log_y
                log_x -= log_m
                log_y -= log_m
                return m.exp(log_x - m.log(m.exp(log_x) + m.exp(log_y)))
    ga = legacy_standard_gamma(bitgen, cache, a)
    gb = legacy_standard_gamma(bitgen, cache, b)
    return m.div(ga, ga + gb)


def legacy_chisquare(bitgen, cache, df):
    """``legacy_chisquare``: ``2 * legacy_standard_gamma(df / 2)``."""
    return 2.0 * legacy_standard_gamma(bitgen, cache, df / 2.0)


def legacy_f(bitgen, cache, dfnum, dfden):
    """``legacy_f``: ``(chisquare(dfnum) * dfden) / (chisquare(dfden) * dfnum)``."""
    num = legacy_chisquare(bitgen, cache, dfnum) * dfden
    return m.div(num, legacy_chisquare(bitgen, cache, dfden) * dfnum)


def legacy_normal(bitgen, cache, loc, scale):
    """``legacy_normal``: ``loc + scale * legacy_gauss``."""
    return loc + scale * legacy_gauss(bitgen, cache)


def legacy_lognormal(bitgen, cache, mean, sigma):
    """``legacy_lognormal``: ``exp(legacy_normal)``."""
    return m.exp(legacy_normal(bitgen, cache, mean, sigma))


def legacy_standard_t(bitgen, cache, df):
    """``legacy_standard_t``: ``sqrt(df / 2) * gauss / sqrt(legacy_standard_gamma(df / 2))``."""
    num = legacy_gauss(bitgen, cache)
    denom = legacy_standard_gamma(bitgen, cache, df / 2)
    return m.div(m.sqrt(df / 2) * num, m.sqrt(denom))


def legacy_standard_cauchy(bitgen, cache):
    """``legacy_standard_cauchy``: the ratio of two polar normals."""
    num = legacy_gauss(bitgen, cache)
    return m.div(num, legacy_gauss(bitgen, cache))


def legacy_wald(bitgen, cache, mean, scale):
    """``legacy_wald``: numpy 1.16's form of the transformation (``mu_2l``)."""
    mu_2l = mean / (2 * scale)
    y = legacy_gauss(bitgen, cache)
    y = mean * y * y
    x = mean + mu_2l * (y - m.sqrt(4 * scale * y + y * y))
    u = bitgen.next_double()
    if u <= m.div(mean, mean + x):
        return x
    return m.div(mean * mean, x)


def legacy_pareto(bitgen, a):
    """``legacy_pareto``: ``exp(legacy_standard_exponential / a) - 1``."""
    return m.exp(legacy_standard_exponential(bitgen) / a) - 1


def legacy_weibull(bitgen, a):
    """``legacy_weibull``: 0 for a = 0 (no draw), else ``pow(legacy_standard_exponential, 1 / a)``."""
    if a == 0.0:
        return 0.0
    return m.pow(legacy_standard_exponential(bitgen), 1.0 / a)


def legacy_power(bitgen, a):
    """``legacy_power``: ``pow(1 - exp(-legacy_standard_exponential), 1 / a)``."""
    return m.pow(1 - m.exp(-legacy_standard_exponential(bitgen)), 1.0 / a)


def legacy_rayleigh(bitgen, mode):
    """``legacy_rayleigh``: ``mode * sqrt(-2 * log1p(-U))``."""
    return mode * m.sqrt(-2.0 * m.log1p(-bitgen.next_double()))


def legacy_vonmises(bitgen, mu, kappa):
    """``legacy_vonmises``: Generator's algorithm without the wrapped-normal path for large kappa."""
    if math.isnan(kappa):
        return math.nan
    if kappa < 1e-8:
        return math.pi * (2 * bitgen.next_double() - 1)
    return vonmises_rejection(bitgen, mu, kappa)


def legacy_dirichlet(bitgen, cache, out, alpha):
    """``RandomState.dirichlet``'s loop (mtrand.pyx): each row of ``out`` is one legacy gamma per alpha,
    normalised by their sum."""
    normalised_gammas(bitgen, out, alpha, lambda bg, a: legacy_standard_gamma(bg, cache, a))
