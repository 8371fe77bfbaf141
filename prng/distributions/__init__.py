"""The samplers, in pure Python: the readable reference of native/distributions/ (C) and
prng/numba/distributions/ (numba), with the same function names and arguments in all three.

Each ``*_fill(bitgen, out, ...)`` writes ``out`` (a flat numpy array) with one sampler's draws, in
order, from ``bitgen`` — anything with numpy's ``next_uint64``/``next_uint32``/``next_double`` (a
prng front's unlocked ``Draws`` while ``prng._sampling`` holds its lock). Broadcast parameters are
flat float64 arrays of one value or one per output. The scalar samplers live in the submodules
(``ziggurat``, ``bounded``, ``shuffle``, ``legacy``), one per C file.
"""

import numpy as np

from . import bounded, continuous, legacy, legacy_continuous, noncentral, ziggurat
from .bounded import draws
from .shuffle import choice_floyd, shuffle_int, shuffle_raw  # noqa: F401  (the sampler API)
from .discrete import (  # noqa: F401  (the sampler API: numpy's discrete samplers)
    random_binomial_fill,
    random_geometric_fill,
    random_hypergeometric_fill,
    random_logseries_fill,
    random_multinomial_fill,
    random_multivariate_hypergeometric_count_fill,
    random_multivariate_hypergeometric_marginals_fill,
    random_negative_binomial_fill,
    random_poisson_fill,
    random_zipf_fill,
)
from .legacy_discrete import (  # noqa: F401
    legacy_logseries_fill,
    legacy_negative_binomial_fill,
    legacy_random_binomial_fill,
    legacy_random_geometric_fill,
    legacy_random_hypergeometric_fill,
    legacy_random_zipf_fill,
)

_M64 = (1 << 64) - 1


def _fill(out, sample, bitgen):
    for i in range(out.size):
        out[i] = sample(bitgen)


def _param(values, i):
    """Value ``i`` of a broadcast parameter (one value for all, or one per output)."""
    return float(values[0 if values.size == 1 else i])


def random_standard_uniform_fill(bitgen, out):
    """numpy's ``random_standard_uniform_fill``: ``next_double`` per value."""
    out[:] = draws(bitgen, "double", out.size)


def random_standard_uniform_fill_f(bitgen, out):
    """numpy's ``random_standard_uniform_fill_f``: the top 24 bits of ``next_uint32`` times 2**-24."""
    out[:] = (draws(bitgen, "uint32", out.size) >> 8).astype(np.float32) * np.float32(2.0**-24)


def random_standard_normal_fill(bitgen, out):
    _fill(out, ziggurat.standard_normal, bitgen)


def random_standard_normal_fill_f(bitgen, out):
    _fill(out, ziggurat.standard_normal_f, bitgen)


def random_standard_exponential_fill(bitgen, out):
    _fill(out, ziggurat.standard_exponential, bitgen)


def random_standard_exponential_fill_f(bitgen, out):
    _fill(out, ziggurat.standard_exponential_f, bitgen)


def random_normal_fill(bitgen, out, loc, scale):
    """numpy's ``random_normal``: ``loc + scale * standard_normal``."""
    for i in range(out.size):
        out[i] = _param(loc, i) + _param(scale, i) * ziggurat.standard_normal(bitgen)


def random_uniform_fill(bitgen, out, low, range_):
    """numpy's ``random_uniform``: ``low + range * next_double``."""
    for i in range(out.size):
        out[i] = _param(low, i) + _param(range_, i) * bitgen.next_double()


def random_exponential_fill(bitgen, out, scale):
    """numpy's ``random_exponential``: ``scale * standard_exponential``."""
    for i in range(out.size):
        out[i] = _param(scale, i) * ziggurat.standard_exponential(bitgen)


def random_bounded_fill(bitgen, off, rng, use_masked, out):
    """numpy's ``random_bounded_<type>_fill``: values in [off, off + rng], wrapping at out's width."""
    bits = 1 if out.dtype == np.bool_ else out.dtype.itemsize * 8
    values = bounded.bounded(bitgen, [rng] * out.size, bits, use_masked)
    width = 8 if bits == 1 else bits
    out[:] = np.array([(off + v) % (1 << width) for v in values], dtype=np.uint64).astype(out.dtype)


def random_bounded_broadcast_fill(bitgen, off, rng, use_masked, out):
    """numpy's ``_rand_<type>_broadcast`` loop: out[i] in [off[i], off[i] + rng[i]] (off, rng: uint64
    arrays of 1 value or one per output), wrapping at out's width, one piece buffer for the whole fill
    (``random_buffered_bounded_<type>``; 64-bit types: ``random_bounded_uint64`` per value)."""
    bits = 1 if out.dtype == np.bool_ else out.dtype.itemsize * 8
    offs = np.broadcast_to(off, out.shape).tolist()
    rngs = np.broadcast_to(rng, out.shape).tolist()
    values = bounded.bounded(bitgen, rngs, bits, use_masked)
    width = 8 if bits == 1 else bits
    out[:] = np.array([(o + v) % (1 << width) if r else o for o, r, v in zip(offs, rngs, values)],
                      dtype=np.uint64).astype(out.dtype)


def random_interval(bitgen, max_):
    """numpy's ``random_interval``: masked rejection in [0, max]."""
    return bounded.bounded(bitgen, [max_], 64, True)[0]


def random_bounded_uint64(bitgen, off, rng, use_masked):
    """numpy's ``random_bounded_uint64``: one value in [off, off + rng], wrapping at 64 bits."""
    return (off + bounded.bounded(bitgen, [rng], 64, use_masked)[0]) & _M64


def legacy_gauss_fill(bitgen, out, has_gauss, gauss):
    """RandomState's polar normals into ``out``; returns the cache ``(has_gauss, gauss)`` after."""
    cache = [has_gauss, gauss]
    _fill(out, lambda bg: legacy.legacy_gauss(bg, cache), bitgen)
    return cache[0], cache[1]


# --- numpy's continuous samplers (continuous.py, legacy_continuous.py) ---------------------------

def _fill_each(bitgen, out, sample, *params):
    """``out[i] = sample(bitgen, <value i of each broadcast parameter>)`` for every i, in order."""
    for i in range(out.size):
        out[i] = sample(bitgen, *(_param(p, i) for p in params))


def _with_cache(sample, cache):
    """``sample(bitgen, cache, ...)`` as ``sample(bitgen, ...)`` (RandomState's gauss cache, an array
    ``[has_gauss, gauss]`` updated in place)."""
    return lambda bitgen, *params: sample(bitgen, cache, *params)


def random_standard_gamma_fill(bitgen, out, shape):
    _fill_each(bitgen, out, continuous.standard_gamma, shape)


def random_standard_gamma_fill_f(bitgen, out, shape):
    _fill_each(bitgen, out, continuous.standard_gamma_f, shape)


def random_gamma_fill(bitgen, out, shape, scale):
    _fill_each(bitgen, out, continuous.gamma, shape, scale)


def random_beta_fill(bitgen, out, a, b):
    _fill_each(bitgen, out, continuous.beta, a, b)


def random_chisquare_fill(bitgen, out, df):
    _fill_each(bitgen, out, continuous.chisquare, df)


def random_f_fill(bitgen, out, dfnum, dfden):
    _fill_each(bitgen, out, continuous.f, dfnum, dfden)


def random_standard_cauchy_fill(bitgen, out):
    _fill_each(bitgen, out, continuous.standard_cauchy)


def random_pareto_fill(bitgen, out, a):
    _fill_each(bitgen, out, continuous.pareto, a)


def random_weibull_fill(bitgen, out, a):
    _fill_each(bitgen, out, continuous.weibull, a)


def random_power_fill(bitgen, out, a):
    _fill_each(bitgen, out, continuous.power, a)


def random_laplace_fill(bitgen, out, loc, scale):
    _fill_each(bitgen, out, continuous.laplace, loc, scale)


def random_gumbel_fill(bitgen, out, loc, scale):
    _fill_each(bitgen, out, continuous.gumbel, loc, scale)


def random_logistic_fill(bitgen, out, loc, scale):
    _fill_each(bitgen, out, continuous.logistic, loc, scale)


def random_lognormal_fill(bitgen, out, mean, sigma):
    _fill_each(bitgen, out, continuous.lognormal, mean, sigma)


def random_rayleigh_fill(bitgen, out, mode):
    _fill_each(bitgen, out, continuous.rayleigh, mode)


def random_standard_t_fill(bitgen, out, df):
    _fill_each(bitgen, out, continuous.standard_t, df)


def random_wald_fill(bitgen, out, mean, scale):
    _fill_each(bitgen, out, continuous.wald, mean, scale)


def random_vonmises_fill(bitgen, out, mu, kappa):
    _fill_each(bitgen, out, continuous.vonmises, mu, kappa)


def random_triangular_fill(bitgen, out, left, mode, right):
    _fill_each(bitgen, out, continuous.triangular, left, mode, right)


def random_standard_exponential_inv_fill(bitgen, out):
    _fill_each(bitgen, out, continuous.standard_exponential_inv)


def random_standard_exponential_inv_fill_f(bitgen, out):
    _fill_each(bitgen, out, continuous.standard_exponential_inv_f)


def random_dirichlet_fill(bitgen, out, alpha):
    """``Generator.dirichlet`` into ``out`` (2-d: one row per draw, zeros on entry)."""
    continuous.dirichlet(bitgen, out, [float(a) for a in alpha])


def legacy_standard_exponential_fill(bitgen, out):
    _fill_each(bitgen, out, legacy_continuous.legacy_standard_exponential)


def legacy_exponential_fill(bitgen, out, scale):
    _fill_each(bitgen, out, legacy_continuous.legacy_exponential, scale)


def legacy_pareto_fill(bitgen, out, a):
    _fill_each(bitgen, out, legacy_continuous.legacy_pareto, a)


def legacy_weibull_fill(bitgen, out, a):
    _fill_each(bitgen, out, legacy_continuous.legacy_weibull, a)


def legacy_power_fill(bitgen, out, a):
    _fill_each(bitgen, out, legacy_continuous.legacy_power, a)


def legacy_rayleigh_fill(bitgen, out, mode):
    _fill_each(bitgen, out, legacy_continuous.legacy_rayleigh, mode)


def legacy_vonmises_fill(bitgen, out, mu, kappa):
    _fill_each(bitgen, out, legacy_continuous.legacy_vonmises, mu, kappa)


def legacy_standard_gamma_fill(bitgen, out, cache, shape):
    _fill_each(bitgen, out, _with_cache(legacy_continuous.legacy_standard_gamma, cache), shape)


def legacy_gamma_fill(bitgen, out, cache, shape, scale):
    _fill_each(bitgen, out, _with_cache(legacy_continuous.legacy_gamma, cache), shape, scale)


def legacy_beta_fill(bitgen, out, cache, a, b):
    _fill_each(bitgen, out, _with_cache(legacy_continuous.legacy_beta, cache), a, b)


def legacy_chisquare_fill(bitgen, out, cache, df):
    _fill_each(bitgen, out, _with_cache(legacy_continuous.legacy_chisquare, cache), df)


def legacy_f_fill(bitgen, out, cache, dfnum, dfden):
    _fill_each(bitgen, out, _with_cache(legacy_continuous.legacy_f, cache), dfnum, dfden)


def legacy_normal_fill(bitgen, out, cache, loc, scale):
    _fill_each(bitgen, out, _with_cache(legacy_continuous.legacy_normal, cache), loc, scale)


def legacy_lognormal_fill(bitgen, out, cache, mean, sigma):
    _fill_each(bitgen, out, _with_cache(legacy_continuous.legacy_lognormal, cache), mean, sigma)


def legacy_standard_t_fill(bitgen, out, cache, df):
    _fill_each(bitgen, out, _with_cache(legacy_continuous.legacy_standard_t, cache), df)


def legacy_standard_cauchy_fill(bitgen, out, cache):
    _fill_each(bitgen, out, _with_cache(legacy_continuous.legacy_standard_cauchy, cache))


def legacy_wald_fill(bitgen, out, cache, mean, scale):
    _fill_each(bitgen, out, _with_cache(legacy_continuous.legacy_wald, cache), mean, scale)


def legacy_dirichlet_fill(bitgen, out, cache, alpha):
    """``RandomState.dirichlet`` into ``out`` (2-d: one row per draw)."""
    legacy_continuous.legacy_dirichlet(bitgen, cache, out, [float(a) for a in alpha])


def random_noncentral_chisquare_fill(bitgen, out, df, nonc):
    _fill_each(bitgen, out, noncentral.noncentral_chisquare, df, nonc)


def random_noncentral_f_fill(bitgen, out, dfnum, dfden, nonc):
    _fill_each(bitgen, out, noncentral.noncentral_f, dfnum, dfden, nonc)


def legacy_noncentral_chisquare_fill(bitgen, out, cache, df, nonc):
    _fill_each(bitgen, out, _with_cache(noncentral.legacy_noncentral_chisquare, cache), df, nonc)


def legacy_noncentral_f_fill(bitgen, out, cache, dfnum, dfden, nonc):
    _fill_each(bitgen, out, _with_cache(noncentral.legacy_noncentral_f, cache), dfnum, dfden, nonc)
