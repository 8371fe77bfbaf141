"""Argument handling of numpy's discrete methods that ``prng._broadcast.disc`` does not cover, shared by
``Generator`` and ``compat.numpy.RandomState``: hypergeometric's bounds, multinomial's probabilities
and broadcasting, multivariate_hypergeometric (numpy/random/_generator.pyx, mtrand.pyx, _common.pyx).
"""

import operator

import numpy as np

from . import _broadcast as bc
from ._sampling import sampling

HYPERGEOM_MAX = 10**9
INT64_MAX = np.iinfo(np.int64).max


def kahan_sum(values):
    """numpy's ``kahan_sum`` (_common.pyx) of a sequence of doubles: 0.0 when empty."""
    if len(values) == 0:
        return 0.0
    total, c = float(values[0]), 0.0
    for v in values[1:]:
        y = float(v) - c
        t = total + y
        c = (t - total) - y
        total = t
    return total


def int64_scalar(value):
    """Cython's ``<int64_t>value`` of a Python scalar (floats truncate; a string is a TypeError);
    OverflowError past 64 bits."""
    if isinstance(value, (str, bytes)):
        raise TypeError("an integer is required")
    result = int(value)
    if not -2**63 <= result < 2**63:
        raise OverflowError("Python int too large to convert to C long")
    return result


def hypergeometric(bitgen, sampler, size, ngood, nbad, nsample, constraints, max_checked):
    """numpy's ``hypergeometric`` (``max_checked``: Generator's ngood, nbad < 10**9) with the three
    constraints of the Generator or the RandomState method, then the sampler fill."""
    arrays = [np.asarray(v, dtype=np.int64) for v in (ngood, nbad, nsample)]
    params = [(a, name, cons) for a, name, cons in zip(arrays, ("ngood", "nbad", "nsample"), constraints)]
    if all(a.ndim == 0 for a in arrays):
        good, bad, sample = (int64_scalar(v) for v in (ngood, nbad, nsample))
        if max_checked and (good >= HYPERGEOM_MAX or bad >= HYPERGEOM_MAX):
            raise ValueError(f"both ngood and nbad must be less than {HYPERGEOM_MAX}")
        if good + bad < sample:
            raise ValueError("ngood + nbad < nsample")
        params = [(v, name, cons) for v, (_, name, cons) in zip((good, bad, sample), params)]
        return bc.disc(bitgen, sampler, size, params, [np.int64] * 3)
    good, bad, sample = arrays
    if max_checked and (np.any(good >= HYPERGEOM_MAX) or np.any(bad >= HYPERGEOM_MAX)):
        raise ValueError(f"both ngood and nbad must be less than {HYPERGEOM_MAX}")
    if np.any(np.less(np.add(good, bad), sample)):
        raise ValueError("ngood + nbad < nsample")
    return bc.disc(bitgen, sampler, size, params, [np.int64] * 3)


def _check_pvals_sums(parr, pvals, ndim):
    """numpy's check that every row of pvals but its last entry sums (Kahan) to at most 1 + 1e-12."""
    d = parr.shape[-1]
    for row in parr.reshape(-1, d):
        if kahan_sum(row[:d - 1]) > 1.0 + 1e-12:
            cut = "[:-1]" if ndim == 1 else "[...,:-1]"
            if (isinstance(pvals, np.ndarray) and np.issubdtype(pvals.dtype, np.floating)
                    and pvals.dtype != float and pvals.sum() < 1.0001):
                raise ValueError(f"sum(pvals{cut}.astype(np.float64)) > 1.0. The pvals array is cast to 64-bit "
                                 "floating point prior to checking the sum. Precision changes when casting may "
                                 "cause problems even if the sum of the original pvals is valid.")
            raise ValueError(f"sum(pvals{cut}) > 1.0")


def _size_tuple(size):
    try:
        return (operator.index(size),)
    except TypeError:
        return tuple(size)


def _multinomial_rows(bitgen, cache, d, n, pvals, offsets, shape):
    """A zeroed int64 array of ``shape`` (rows of d) filled by random_multinomial_fill."""
    result = np.zeros(shape, dtype=np.int64)
    if result.size:
        with sampling(bitgen) as (samplers, bg):
            samplers.random_multinomial_fill(bg, result.reshape(-1), cache, d, n, pvals, offsets)
    return result


def generator_multinomial(bitgen, cache, n, pvals, size):
    """numpy's ``Generator.multinomial``: n and the rows of pvals (all but the last axis) broadcast."""
    on = np.asarray(n, dtype=np.int64, order="C")
    parr = np.asarray(pvals, dtype=np.float64, order="C")
    ndim = parr.ndim
    d = parr.shape[-1] if ndim >= 1 else 0
    if d == 0:
        raise ValueError("pvals must have at least 1 dimension and the last dimension of pvals must be greater "
                         "than 0.")
    bc.check_array_constraint(parr, "pvals", bc.BOUNDED_0_1)
    _check_pvals_sums(parr, pvals, ndim)
    flat_p = parr.reshape(-1)
    if on.ndim != 0 or ndim > 1:
        bc.check_array_constraint(on, "n", bc.NON_NEGATIVE)
        offsets = np.arange(0, parr.size, d, dtype=np.int64).reshape(parr.shape[:-1])
        if size is None:
            shape = np.broadcast_shapes(on.shape, offsets.shape)
        else:
            shape = np.broadcast_shapes(on.shape, offsets.shape, np.empty(size, dtype=np.int8).shape)
            if shape != _size_tuple(size):
                raise ValueError(f"Output size {_size_tuple(size)} is not compatible with broadcast dimensions "
                                 f"of inputs {shape}.")
        n_flat = np.ascontiguousarray(np.broadcast_to(on, shape)).reshape(-1)
        off_flat = np.ascontiguousarray(np.broadcast_to(offsets, shape)).reshape(-1)
        return _multinomial_rows(bitgen, cache, d, n_flat, flat_p, off_flat, shape + (d,))
    shape = (d,) if size is None else _size_tuple(size) + (d,)
    ni = int64_scalar(n)
    bc.check_constraint(ni, "n", bc.NON_NEGATIVE)
    return _multinomial_rows(bitgen, cache, d, np.array([ni]), flat_p, np.zeros(1, np.int64), shape)


def legacy_multinomial(bitgen, cache, n, pvals, size):
    """numpy's ``RandomState.multinomial``: one n (a C long: floats truncate), 1-d pvals."""
    ni = int64_scalar(n)
    parr = np.asarray(pvals, dtype=np.float64, order="C")
    if parr.ndim == 0:
        raise TypeError("pvals must be a 1-d sequence")
    if parr.ndim > 1:
        raise ValueError("object too deep for desired array")
    d = parr.size
    bc.check_array_constraint(parr, "pvals", bc.BOUNDED_0_1)
    if d:
        _check_pvals_sums(parr, pvals, 1)
    shape = (d,) if size is None else _size_tuple(size) + (d,)
    bc.check_constraint(ni, "n", bc.NON_NEGATIVE)
    if d == 0:
        return np.zeros(shape, dtype=np.int64)
    return _multinomial_rows(bitgen, cache, d, np.array([ni], dtype=np.int64), parr, np.zeros(1, np.int64), shape)


def _colors(colors):
    """numpy's check of ``colors``: a 1-d sequence of nonnegative integers not exceeding INT64_MAX."""
    invalid = False
    try:
        colors = np.asarray(colors)
        if colors.ndim != 1:
            invalid = True
        elif colors.size > 0 and not np.issubdtype(colors.dtype, np.integer):
            invalid = True
        elif np.any((colors < 0) | (colors > INT64_MAX)):
            invalid = True
    except ValueError:
        invalid = True
    if invalid:
        raise ValueError(f"colors must be a one-dimensional sequence of nonnegative integers not exceeding "
                         f"{INT64_MAX}.")
    return np.ascontiguousarray(colors, dtype=np.int64)


def _safe_sum(colors):
    """numpy's ``_safe_sum_nonneg_int64``: the sum, or -1 past INT64_MAX."""
    total = 0
    for c in colors.tolist():
        if c > INT64_MAX - total:
            return -1
        total += c
    return total


def multivariate_hypergeometric(bitgen, colors, nsample, size, method):
    """numpy's ``Generator.multivariate_hypergeometric`` (methods "count" and "marginals")."""
    if method not in ("count", "marginals"):
        raise ValueError('method must be "count" or "marginals".')
    try:
        operator.index(nsample)
    except TypeError:
        raise ValueError("nsample must be an integer") from None
    if nsample < 0:
        raise ValueError("nsample must be nonnegative.")
    if nsample > INT64_MAX:
        raise ValueError(f"nsample must not exceed {INT64_MAX}")
    nsample = operator.index(nsample)
    colors = _colors(colors)
    total = _safe_sum(colors)
    if total == -1:
        raise ValueError(f"sum(colors) must not exceed the maximum value of a 64 bit signed integer ({INT64_MAX})")
    if method == "marginals" and total >= 1000000000:
        raise ValueError('When method is "marginals", sum(colors) must be less than 1000000000.')
    max_index = INT64_MAX // 8
    if method == "count" and total > max_index:
        raise ValueError(f"When method is 'count', sum(colors) must not exceed {max_index}")
    if nsample > total:
        raise ValueError("nsample > sum(colors)")
    if size is None:
        shape = (colors.size,)
    elif np.isscalar(size):
        shape = (size, colors.size)
    else:
        shape = tuple(size) + (colors.size,)
    variates = np.zeros(shape, dtype=np.int64)
    if colors.size == 0 or variates.size == 0:
        return variates
    flat = variates.reshape(-1)
    if method == "count":
        try:
            choices = np.empty(total, dtype=np.int64)
        except MemoryError:
            raise MemoryError(f"Insufficient memory for multivariate_hypergeometric with method='count' and "
                              f"sum(colors)={total}") from None
        with sampling(bitgen) as (samplers, bg):
            samplers.random_multivariate_hypergeometric_count_fill(bg, flat, colors, nsample, choices)
    else:
        with sampling(bitgen) as (samplers, bg):
            samplers.random_multivariate_hypergeometric_marginals_fill(bg, flat, colors, nsample)
    return variates
