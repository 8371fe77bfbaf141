"""numpy's noncentral chi-square and F samplers (native/distributions/noncentral.c) as numba samplers:
Generator's and RandomState's (legacy), over the poisson of discrete.py."""
import numpy as np
from numba import njit

from ._libm import sqrt
from .continuous import chisquare, fill2, fill3
from .discrete import poisson
from .legacy import legacy_gauss
from .legacy_continuous import gauss_fill2, gauss_fill3, legacy_chisquare
from .ziggurat import random_standard_normal


@njit(cache=True, error_model="numpy")
def noncentral_chisquare(bg, df, nonc):
    """random_noncentral_chisquare."""
    if np.isnan(nonc):
        return np.nan
    if nonc == 0:
        return chisquare(bg, df)
    if 1 < df:
        chi2 = chisquare(bg, df - 1)
        n = random_standard_normal(bg) + sqrt(nonc)
        return chi2 + n * n
    i = poisson(bg, nonc / 2.0)
    return chisquare(bg, df + np.float64(2 * i))


@njit(cache=True, error_model="numpy")
def noncentral_f(bg, dfnum, dfden, nonc):
    t = noncentral_chisquare(bg, dfnum, nonc) * dfden
    return t / (chisquare(bg, dfden) * dfnum)


@njit(cache=True, error_model="numpy")
def legacy_noncentral_chisquare(bg, cache, df, nonc):
    """legacy_noncentral_chisquare: the nan check after the draws."""
    if nonc == 0:
        return legacy_chisquare(bg, cache, df)
    if 1 < df:
        chi2 = legacy_chisquare(bg, cache, df - 1)
        n = legacy_gauss(bg, cache) + sqrt(nonc)
        return chi2 + n * n
    i = poisson(bg, nonc / 2.0)
    out = legacy_chisquare(bg, cache, df + np.float64(2 * i))
    return np.nan if np.isnan(nonc) else out


@njit(cache=True, error_model="numpy")
def legacy_noncentral_f(bg, cache, dfnum, dfden, nonc):
    t = legacy_noncentral_chisquare(bg, cache, dfnum, nonc) * dfden
    return t / (legacy_chisquare(bg, cache, dfden) * dfnum)


@njit(cache=True, error_model="numpy")
def random_noncentral_chisquare_fill(bg, out, df, nonc):
    fill2(bg, out, df, nonc, noncentral_chisquare)


@njit(cache=True, error_model="numpy")
def random_noncentral_f_fill(bg, out, dfnum, dfden, nonc):
    fill3(bg, out, dfnum, dfden, nonc, noncentral_f)


@njit(cache=True, error_model="numpy")
def legacy_noncentral_chisquare_fill(bg, out, cache, df, nonc):
    gauss_fill2(bg, out, cache, df, nonc, legacy_noncentral_chisquare)


@njit(cache=True, error_model="numpy")
def legacy_noncentral_f_fill(bg, out, cache, dfnum, dfden, nonc):
    gauss_fill3(bg, out, cache, dfnum, dfden, nonc, legacy_noncentral_f)
