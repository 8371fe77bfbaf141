"""The samplers of native/distributions.h for numpy arrays: each function takes a core's ``bitgen``
(``prng_bitgen_t *``) and the flat arrays ``prng._sampling`` prepared, with the names and argument
order of the numba and pure-Python sampler modules (prng.numba.distributions, prng.distributions)."""

import numpy as np

from ._common import ffi, lib

_POINTER_TYPES = {np.dtype(t): ffi.typeof(f"{c}[]") for t, c in (
    (np.float64, "double"), (np.float32, "float"), (np.uint64, "uint64_t"), (np.uint32, "uint32_t"),
    (np.uint16, "uint16_t"), (np.uint8, "uint8_t"), (np.int64, "int64_t"))}
_BOUNDED_FILLS = {64: lib.prng_random_bounded_uint64_fill, 32: lib.prng_random_bounded_uint32_fill,
                  16: lib.prng_random_bounded_uint16_fill, 8: lib.prng_random_bounded_uint8_fill}


def _ptr(array):
    """A C pointer to a C-contiguous array's data (writable arrays only where C writes)."""
    return ffi.from_buffer(_POINTER_TYPES[array.dtype], array, array.flags.writeable)


def _param(values):
    """(pointer, step) of a parameter array of 1 value (step 0) or one per output (step 1)."""
    return _ptr(values), int(values.size != 1)


def random_standard_uniform_fill(bg, out):
    lib.prng_random_standard_uniform_fill(bg, out.size, _ptr(out))


def random_standard_uniform_fill_f(bg, out):
    lib.prng_random_standard_uniform_fill_f(bg, out.size, _ptr(out))


def random_standard_normal_fill(bg, out):
    lib.prng_random_standard_normal_fill(bg, out.size, _ptr(out))


def random_standard_normal_fill_f(bg, out):
    lib.prng_random_standard_normal_fill_f(bg, out.size, _ptr(out))


def random_standard_exponential_fill(bg, out):
    lib.prng_random_standard_exponential_fill(bg, out.size, _ptr(out))


def random_standard_exponential_fill_f(bg, out):
    lib.prng_random_standard_exponential_fill_f(bg, out.size, _ptr(out))


def random_normal_fill(bg, out, loc, scale):
    lib.prng_random_normal_fill(bg, out.size, _ptr(out), *_param(loc), *_param(scale))


def random_uniform_fill(bg, out, low, range_):
    lib.prng_random_uniform_fill(bg, out.size, _ptr(out), *_param(low), *_param(range_))


def random_exponential_fill(bg, out, scale):
    lib.prng_random_exponential_fill(bg, out.size, _ptr(out), *_param(scale))


def random_bounded_fill(bg, off, rng, use_masked, out):
    """out[i] in [off, off + rng] (wrapping at the width of out's unsigned dtype; bool: uint8 0/1)."""
    if out.dtype == np.bool_:
        lib.prng_random_bounded_bool_fill(bg, off, rng, out.size, ffi.from_buffer("uint8_t[]", out, True))
    else:
        _BOUNDED_FILLS[out.dtype.itemsize * 8](bg, off, rng, out.size, use_masked, _ptr(out))


def random_bounded_broadcast_fill(bg, off, rng, use_masked, out):
    """out[i] in [off[i], off[i] + rng[i]] (off, rng: uint64 arrays of 1 value or one per output; bool:
    uint8 0/1)."""
    bits = 1 if out.dtype == np.bool_ else out.dtype.itemsize * 8
    lib.prng_random_bounded_broadcast_fill(bg, out.size, *_param(off), *_param(rng), use_masked, bits,
                                           ffi.from_buffer("void *", out, True))


def random_interval(bg, max_):
    return lib.prng_random_interval(bg, max_)


def random_bounded_uint64(bg, off, rng, use_masked):
    mask = (1 << rng.bit_length()) - 1
    return lib.prng_random_bounded_uint64(bg, off, rng, mask, use_masked)


def shuffle_raw(bg, data, first):
    """numpy's _shuffle_raw on a 1-d array (any stride, no Python objects), in place."""
    itemsize = data.dtype.itemsize
    buf = ffi.new("char[]", itemsize)
    lib.prng_shuffle_raw(bg, data.shape[0], first, itemsize, data.strides[0],
                         ffi.cast("char *", data.ctypes.data), buf)


def shuffle_int(bg, data, first):
    """numpy's _shuffle_int on a C-contiguous int64 array, in place."""
    lib.prng_shuffle_int(bg, data.size, first, _ptr(data))


def choice_floyd(bg, pop_size, count):
    """Generator.choice(replace=False)'s Floyd selection: ``count`` distinct int64 indices."""
    mask = (1 << int(1.2 * count).bit_length()) - 1
    hash_set = np.empty(mask + 1, dtype=np.uint64)
    out = np.empty(count, dtype=np.int64)
    lib.prng_choice_floyd(bg, pop_size, count, _ptr(out), _ptr(hash_set), mask)
    return out


def legacy_gauss_fill(bg, out, has_gauss, gauss):
    """RandomState's polar normals into ``out``; returns the cache ``(has_gauss, gauss)`` after."""
    cache = ffi.new("prng_legacy_gauss_t *", (has_gauss, gauss))
    lib.prng_legacy_gauss_fill(bg, cache, out.size, _ptr(out))
    return cache.has_gauss, cache.gauss


# --- numpy's continuous samplers (native/distributions/continuous.c, legacy_continuous.c) ----------

def _params(params):
    """(pointer, step) pairs of broadcast parameters, flattened into one argument list."""
    return [x for p in params for x in _param(p)]


def _fill(fill):
    """A wrapper ``(bg, out, *params)`` of a C fill ``(bg, n, out, p0, step0, ...)``."""
    return lambda bg, out, *params: fill(bg, out.size, _ptr(out), *_params(params))


def _gauss_fill(fill):
    """A wrapper ``(bg, out, cache, *params)`` of a C fill with RandomState's gauss cache, ``cache`` a
    float64 array ``[has_gauss, gauss]`` read and written back."""
    def run(bg, out, cache, *params):
        g = ffi.new("prng_legacy_gauss_t *", (int(cache[0]), float(cache[1])))
        try:
            fill(bg, g, out.size, _ptr(out), *_params(params))
        finally:
            cache[:] = (g.has_gauss, g.gauss)
    return run


random_standard_gamma_fill = _fill(lib.prng_random_standard_gamma_fill)
random_standard_gamma_fill_f = _fill(lib.prng_random_standard_gamma_fill_f)
random_gamma_fill = _fill(lib.prng_random_gamma_fill)
random_beta_fill = _fill(lib.prng_random_beta_fill)
random_chisquare_fill = _fill(lib.prng_random_chisquare_fill)
random_f_fill = _fill(lib.prng_random_f_fill)
random_standard_cauchy_fill = _fill(lib.prng_random_standard_cauchy_fill)
random_pareto_fill = _fill(lib.prng_random_pareto_fill)
random_weibull_fill = _fill(lib.prng_random_weibull_fill)
random_power_fill = _fill(lib.prng_random_power_fill)
random_laplace_fill = _fill(lib.prng_random_laplace_fill)
random_gumbel_fill = _fill(lib.prng_random_gumbel_fill)
random_logistic_fill = _fill(lib.prng_random_logistic_fill)
random_lognormal_fill = _fill(lib.prng_random_lognormal_fill)
random_rayleigh_fill = _fill(lib.prng_random_rayleigh_fill)
random_standard_t_fill = _fill(lib.prng_random_standard_t_fill)
random_wald_fill = _fill(lib.prng_random_wald_fill)
random_vonmises_fill = _fill(lib.prng_random_vonmises_fill)
random_triangular_fill = _fill(lib.prng_random_triangular_fill)
random_standard_exponential_inv_fill = _fill(lib.prng_random_standard_exponential_inv_fill)
random_standard_exponential_inv_fill_f = _fill(lib.prng_random_standard_exponential_inv_fill_f)
legacy_standard_exponential_fill = _fill(lib.prng_legacy_standard_exponential_fill)
legacy_exponential_fill = _fill(lib.prng_legacy_exponential_fill)
legacy_pareto_fill = _fill(lib.prng_legacy_pareto_fill)
legacy_weibull_fill = _fill(lib.prng_legacy_weibull_fill)
legacy_power_fill = _fill(lib.prng_legacy_power_fill)
legacy_rayleigh_fill = _fill(lib.prng_legacy_rayleigh_fill)
legacy_vonmises_fill = _fill(lib.prng_legacy_vonmises_fill)
legacy_standard_gamma_fill = _gauss_fill(lib.prng_legacy_standard_gamma_fill)
legacy_gamma_fill = _gauss_fill(lib.prng_legacy_gamma_fill)
legacy_beta_fill = _gauss_fill(lib.prng_legacy_beta_fill)
legacy_chisquare_fill = _gauss_fill(lib.prng_legacy_chisquare_fill)
legacy_f_fill = _gauss_fill(lib.prng_legacy_f_fill)
legacy_normal_fill = _gauss_fill(lib.prng_legacy_normal_fill)
legacy_lognormal_fill = _gauss_fill(lib.prng_legacy_lognormal_fill)
legacy_standard_t_fill = _gauss_fill(lib.prng_legacy_standard_t_fill)
legacy_standard_cauchy_fill = _gauss_fill(lib.prng_legacy_standard_cauchy_fill)
legacy_wald_fill = _gauss_fill(lib.prng_legacy_wald_fill)


def random_dirichlet_fill(bg, out, alpha):
    """Generator.dirichlet into ``out`` (2-d C-contiguous, one row per draw, zeros on entry)."""
    k = alpha.size
    stick = bool(k > 0 and alpha.max() < 0.1)
    csum = np.empty(max(k, 1))
    lib.prng_random_dirichlet_fill(bg, out.shape[0], k, _ptr(alpha), stick, _ptr(csum), _ptr(out))


def legacy_dirichlet_fill(bg, out, cache, alpha):
    """RandomState.dirichlet into ``out`` (2-d C-contiguous, one row per draw)."""
    g = ffi.new("prng_legacy_gauss_t *", (int(cache[0]), float(cache[1])))
    try:
        lib.prng_legacy_dirichlet_fill(bg, g, out.shape[0], alpha.size, _ptr(alpha), _ptr(out))
    finally:
        cache[:] = (g.has_gauss, g.gauss)


# --- numpy's discrete samplers (native/distributions/discrete.c, legacy_discrete.c) ----------------

def _binomial_cache(cache):
    """numpy's binomial_t over the int64 words of a ``binomial_cache()`` array (shared, not copied)."""
    return ffi.cast("prng_binomial_t *", ffi.from_buffer("int64_t[]", cache, True))


def _binomial_fill(fill):
    """A wrapper ``(bg, out, cache, p, n)`` of a C binomial fill with numpy's binomial_t cache."""
    return lambda bg, out, cache, p, n: fill(bg, out.size, _ptr(out), *_params((p, n)), _binomial_cache(cache))


random_poisson_fill = _fill(lib.prng_random_poisson_fill)
random_binomial_fill = _binomial_fill(lib.prng_random_binomial_fill)
random_negative_binomial_fill = _fill(lib.prng_random_negative_binomial_fill)
random_geometric_fill = _fill(lib.prng_random_geometric_fill)
random_logseries_fill = _fill(lib.prng_random_logseries_fill)
random_zipf_fill = _fill(lib.prng_random_zipf_fill)
random_hypergeometric_fill = _fill(lib.prng_random_hypergeometric_fill)
legacy_random_binomial_fill = _binomial_fill(lib.prng_legacy_random_binomial_fill)
legacy_negative_binomial_fill = _gauss_fill(lib.prng_legacy_negative_binomial_fill)
legacy_random_geometric_fill = _fill(lib.prng_legacy_random_geometric_fill)
legacy_logseries_fill = _fill(lib.prng_legacy_logseries_fill)
legacy_random_zipf_fill = _fill(lib.prng_legacy_random_zipf_fill)
legacy_random_hypergeometric_fill = _fill(lib.prng_legacy_random_hypergeometric_fill)


def random_multinomial_fill(bg, out, cache, d, n, pvals, offsets):
    """numpy's random_multinomial into ``out`` (zeroed rows of d): row i from n value i and the d
    probabilities of ``pvals`` from ``offsets`` value i on."""
    lib.prng_random_multinomial_fill(bg, out.size // d, d, _ptr(out), *_param(n), _ptr(pvals), *_param(offsets),
                                     _binomial_cache(cache))


def random_multivariate_hypergeometric_count_fill(bg, out, colors, nsample, choices):
    lib.prng_random_multivariate_hypergeometric_count_fill(bg, out.size // colors.size, _ptr(out), colors.size,
                                                           _ptr(colors), nsample, _ptr(choices))


def random_multivariate_hypergeometric_marginals_fill(bg, out, colors, nsample):
    lib.prng_random_multivariate_hypergeometric_marginals_fill(bg, out.size // colors.size, _ptr(out), colors.size,
                                                               _ptr(colors), nsample)


random_noncentral_chisquare_fill = _fill(lib.prng_random_noncentral_chisquare_fill)
random_noncentral_f_fill = _fill(lib.prng_random_noncentral_f_fill)
legacy_noncentral_chisquare_fill = _gauss_fill(lib.prng_legacy_noncentral_chisquare_fill)
legacy_noncentral_f_fill = _gauss_fill(lib.prng_legacy_noncentral_f_fill)
