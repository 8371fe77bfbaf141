"""numpy's noncentral chi-square and F samplers, which draw a poisson (``discrete.poisson``): Generator's
``random_noncentral_chisquare``/``random_noncentral_f`` (distributions.c) and RandomState's
``legacy_noncentral_chisquare``/``legacy_noncentral_f`` (legacy-distributions.c); the reference of
native/distributions/noncentral.c."""

import math

from . import _libm as m
from .continuous import chisquare
from .discrete import poisson
from .legacy import legacy_gauss
from .legacy_continuous import legacy_chisquare
from .ziggurat import standard_normal


def noncentral_chisquare(bitgen, df, nonc):
    """``random_noncentral_chisquare``: nan for nan nonc (no draw), chisquare for nonc 0, a shifted
    normal squared plus a chisquare(df - 1) for df > 1, else a chisquare with a poisson's extra df."""
    if math.isnan(nonc):
        return math.nan
    if nonc == 0:
        return chisquare(bitgen, df)
    if 1 < df:
        chi2 = chisquare(bitgen, df - 1)
        n = standard_normal(bitgen) + m.sqrt(nonc)
        return chi2 + n * n
    i = poisson(bitgen, nonc / 2.0)
    return chisquare(bitgen, df + 2 * i)


def noncentral_f(bitgen, dfnum, dfden, nonc):
    """``random_noncentral_f``: ``noncentral_chisquare * dfden / (chisquare(dfden) * dfnum)``."""
    t = noncentral_chisquare(bitgen, dfnum, nonc) * dfden
    return m.div(t, chisquare(bitgen, dfden) * dfnum)


def legacy_noncentral_chisquare(bitgen, cache, df, nonc):
    """``legacy_noncentral_chisquare``: the same on legacy samplers, the nan check after the draws."""
    if nonc == 0:
        return legacy_chisquare(bitgen, cache, df)
    if 1 < df:
        chi2 = legacy_chisquare(bitgen, cache, df - 1)
        n = legacy_gauss(bitgen, cache) + m.sqrt(nonc)
        return chi2 + n * n
    i = poisson(bitgen, nonc / 2.0)
    out = legacy_chisquare(bitgen, cache, df + 2 * i)
    return math.nan if math.isnan(nonc) else out


def legacy_noncentral_f(bitgen, cache, dfnum, dfden, nonc):
    """``legacy_noncentral_f``."""
    t = legacy_noncentral_chisquare(bitgen, cache, dfnum, nonc) * dfden
    return m.div(t, legacy_chisquare(bitgen, cache, dfden) * dfnum)
