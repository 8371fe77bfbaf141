"""numpy's ``Generator``: distributions on any prng bit generator, value for value.

``Generator(bit_generator)`` gives the same values as ``numpy.random.Generator`` on a numpy bit
generator in the same state, and leaves the bit generator in the same state afterwards (including the
buffered uint32 half, which lives in the bit generator and so carries over between calls). The bit
generator is only reached through ``next_uint32``, ``next_uint64`` and ``next_double``.

Method by method the numpy sources are ``numpy/random/_generator.pyx`` and
``_bounded_integers.pyx.in`` for the argument handling (here, with ``prng._broadcast``), and
``src/distributions/distributions.c`` for the samplers, which run on the bit generator's backend
(``prng._sampling``: C, numba, or the pure-Python reference ``prng.distributions``).
"""

import collections.abc
import math
import operator
import warnings

import numpy as np

from . import _broadcast as bc
from . import _discrete
from ._sampling import sampling
from ._validate import as_size
from .bitgen.pcg64 import PCG64
from .distributions.discrete import binomial_cache

_INTEGER_DTYPES = tuple(np.dtype(t) for t in (
    np.int8, np.int16, np.int32, np.int64, np.uint8, np.uint16, np.uint32, np.uint64, np.bool_))


def _integer_dtype(dtype):
    """The numpy dtype for ``integers``; anything but the 8 integer dtypes and bool is a TypeError."""
    try:
        dt = np.dtype(dtype)
    except TypeError as exc:
        raise TypeError(f"dtype {dtype!r} is not a numpy dtype") from exc
    if dt.isnative and dt in _INTEGER_DTYPES:
        return dt
    if not dt.isnative:
        raise ValueError(f"dtype {dt} has a non-native byte order; integers supports native ones only")
    raise TypeError(f"Unsupported dtype {dt!r} for integers")


def _float_dtype(dtype, method):
    """np.float64 or np.float32; anything else is a TypeError naming ``method``."""
    dt = np.dtype(dtype)
    if dt not in (np.dtype(np.float64), np.dtype(np.float32)):
        raise TypeError(f"Unsupported dtype {dt!r} for {method}")
    return dt


def _as_bound(value, name):
    """A scalar integer bound (numpy truncates floats with int(); arrays are not supported here)."""
    if isinstance(value, int):
        return value
    arr = np.asarray(value)
    if arr.ndim != 0:
        raise TypeError(f"{name} must be a scalar; array bounds (broadcasting) are not supported")
    if arr.dtype.kind not in "biuf":
        raise TypeError(f"{name} must be an integer, not {type(value).__name__}")
    return int(arr)


def bounded_integers(bitgen, low, high, size, dtype, endpoint, use_masked):
    """numpy's ``_rand_<dtype>`` scalar-bounds path: ``size`` integers of ``dtype`` in [low, high) (or
    [low, high] with ``endpoint``) by Lemire's method, or by masked rejection with ``use_masked``
    (RandomState). Returns a numpy scalar when ``size`` is None."""
    dt = _integer_dtype(dtype)
    shape = as_size(size)
    if shape is not None and math.prod(shape) == 0:
        return np.empty(shape, dtype=dt)
    low, high = _as_bound(low, "low"), _as_bound(high, "high")
    closed_high = high if endpoint else high - 1
    info = np.iinfo(dt) if dt.kind != "b" else np.iinfo(np.uint8)
    type_max = 1 if dt.kind == "b" else int(info.max)
    if low < info.min:
        raise ValueError(f"low is out of bounds for {dt.name}")
    if closed_high > type_max:
        raise ValueError(f"high is out of bounds for {dt.name}")
    if low > closed_high:
        compare = ("<" if endpoint else "<=") if low == 0 else (">" if endpoint else ">=")
        raise ValueError(f"high {compare} 0" if low == 0 else f"low {compare} high")
    # numpy draws into the unsigned type of the same width: off + value wraps there, and reads back
    # as signed where the dtype is signed
    unsigned = dt if dt.kind == "b" else np.dtype(f"u{dt.itemsize}")
    width = 8 * unsigned.itemsize
    values = np.empty(1 if shape is None else shape, dtype=unsigned)
    with sampling(bitgen) as (samplers, bg):
        samplers.random_bounded_fill(bg, low % (1 << width), closed_high - low, use_masked, values.reshape(-1))
    values = values.view(dt)
    return values[0] if shape is None else values


def shuffle_order(bitgen, n):
    """The order numpy's ``shuffle`` leaves ``arange(n)`` in (its ``_shuffle_raw`` swaps)."""
    order = np.arange(n, dtype=np.intp)
    with sampling(bitgen) as (samplers, bg):
        samplers.shuffle_raw(bg, order, 1)
    return order


def shuffle_in_place(bitgen, x, axis=0):
    """numpy's ``shuffle`` (Generator and RandomState): a 1-d numeric ndarray swapped in place by the
    sampler, other ndarrays along ``axis`` by the same swaps (an empty one draws nothing), and any
    other mutable sequence item by item."""
    if isinstance(x, np.ndarray):
        if not x.flags.writeable:
            raise ValueError("array is read-only")
        axis = _axis(axis, x.ndim)
        if x.ndim == 1 and x.size and type(x) is np.ndarray and not x.dtype.hasobject \
                and x.dtype.isnative and x.dtype.kind in "biufc":
            with sampling(bitgen) as (samplers, bg):
                samplers.shuffle_raw(bg, x, 1)
        elif x.size:
            view = np.moveaxis(x, axis, 0)
            view[...] = view[shuffle_order(bitgen, len(view))]
        return
    if not isinstance(x, collections.abc.Sequence):
        warnings.warn(f"you are shuffling a '{type(x).__name__}' object which is not a subclass of 'Sequence'; "
                      "`shuffle` is not guaranteed to behave correctly. E.g., non-numpy array/tensor objects "
                      "with view semantics may contain duplicates after shuffling.", UserWarning, stacklevel=3)
    if axis != 0:
        raise NotImplementedError("Axis argument is only supported on ndarray objects")
    order = shuffle_order(bitgen, len(x))
    items = [x[i] for i in order]
    for i, item in enumerate(items):
        x[i] = item


def _axis(axis, ndim):
    """Normalize ``axis`` for an array of ``ndim`` dimensions (0-d arrays have no axis to shuffle)."""
    axis = operator.index(axis)
    if not -ndim <= axis < ndim:
        raise np.exceptions.AxisError(axis, ndim)
    return axis % ndim


class Generator:
    """numpy.random.Generator's distributions over any prng bit generator (``bit_generator``)."""

    def __init__(self, bit_generator):
        for method in ("next_uint32", "next_uint64", "next_double"):
            if not callable(getattr(bit_generator, method, None)):
                raise TypeError(f"bit_generator must have a {method}() method")
        self._bit_generator = bit_generator
        self._binomial = binomial_cache()  # numpy's binomial_t: the setup of the last (n, p)

    @property
    def bit_generator(self):
        """The bit generator every draw comes from."""
        return self._bit_generator

    def __repr__(self):
        return f"Generator({type(self._bit_generator).__name__})"

    def _float_fill(self, sampler, size, dtype, out, method):
        """numpy's ``double_fill`` / ``float_fill``: ``sampler`` (float64) or ``sampler_f`` (float32)."""
        dt = _float_dtype(dtype, method)
        if dt == np.float64:
            return bc.fill(self._bit_generator, sampler, size, dt, out)
        return bc.fill(self._bit_generator, sampler + "_f", size, dt, out)

    def random(self, size=None, dtype=np.float64, out=None):
        """numpy's ``Generator.random``: float64 from ``next_double``, float32 from the top 24 bits of
        ``next_uint32`` (``random_standard_uniform_fill[_f]``)."""
        return self._float_fill("random_standard_uniform_fill", size, dtype, out, "random")

    def integers(self, low, high=None, size=None, dtype=np.int64, endpoint=False):
        """numpy's ``Generator.integers``: Lemire's method for every integer dtype and bool, with numpy's
        32-bit draws for small 64-bit ranges and 8/16/1-bit draws cut from one ``next_uint32``."""
        if high is None:
            low, high = 0, low
        result = bounded_integers(self._bit_generator, low, high, size, dtype, endpoint, use_masked=False)
        if size is None and (dtype is int or dtype is bool):
            return dtype(result)
        return result

    def standard_normal(self, size=None, dtype=np.float64, out=None):
        """numpy's ``Generator.standard_normal``: the 256-layer ziggurat (``random_standard_normal[_f]``)."""
        return self._float_fill("random_standard_normal_fill", size, dtype, out, "standard_normal")

    def standard_exponential(self, size=None, dtype=np.float64, method="zig", out=None):
        """numpy's ``Generator.standard_exponential`` (``random_standard_exponential[_f]``, ziggurat)."""
        if method != "zig":
            raise NotImplementedError("standard_exponential supports method='zig' only")
        return self._float_fill("random_standard_exponential_fill", size, dtype, out, "standard_exponential")

    def exponential(self, scale=1.0, size=None):
        """numpy's ``Generator.exponential``: ``scale * standard_exponential`` (``random_exponential``)."""
        return bc.cont(self._bit_generator, "random_exponential_fill", size,
                       [(scale, "scale", bc.NON_NEGATIVE)])

    def normal(self, loc=0.0, scale=1.0, size=None):
        """numpy's ``Generator.normal``: ``loc + scale * standard_normal`` (``random_normal``)."""
        return bc.cont(self._bit_generator, "random_normal_fill", size,
                       [(loc, "", bc.NONE), (scale, "scale", bc.NON_NEGATIVE)])

    def uniform(self, low=0.0, high=1.0, size=None):
        """numpy's ``Generator.uniform``: ``low + (high - low) * next_double`` (``random_uniform``);
        a range that is not finite is an OverflowError."""
        low_arr, high_arr = np.asarray(low, dtype=np.float64), np.asarray(high, dtype=np.float64)
        if low_arr.ndim == high_arr.ndim == 0:
            low, rng = float(low), float(high) - float(low)
            if not np.isfinite(rng):
                raise OverflowError("high - low range exceeds valid bounds")
        else:
            low, rng = low_arr, np.subtract(high_arr, low_arr)
            if not np.all(np.isfinite(rng)):
                raise OverflowError("Range exceeds valid bounds")
        return bc.cont(self._bit_generator, "random_uniform_fill", size,
                       [(low, "", bc.NONE), (rng, "high - low", bc.NON_NEGATIVE)])

    def shuffle(self, x, axis=0):
        """numpy's ``Generator.shuffle``: Fisher-Yates in place with masked-rejection draws."""
        shuffle_in_place(self._bit_generator, x, axis)

    def permutation(self, x, axis=0):
        """numpy's ``Generator.permutation``: a shuffled ``arange(x)`` for an int, else a shuffled copy
        (n-d arrays: the rows along ``axis`` in a shuffled order)."""
        if isinstance(x, (int, np.integer)):
            arr = np.arange(x)
            self.shuffle(arr)
            return arr
        arr = np.asarray(x)
        axis = _axis(axis, arr.ndim)
        if arr.ndim == 1:
            if np.may_share_memory(arr, x):
                arr = np.array(arr)
            self.shuffle(arr)
            return arr
        return np.take(arr, shuffle_order(self._bit_generator, arr.shape[axis]), axis=axis)

    def choice(self, a, size=None, replace=True, axis=0, shuffle=True):
        """numpy's ``Generator.choice`` without ``p``: with replacement ``integers(0, n, size)``; without,
        a partial Fisher-Yates from the end (large populations) or Floyd's method then a shuffle
        (Lemire draws throughout)."""
        arr = np.asarray(a)
        pop_size = population_size(arr, a, axis, size)
        shape = as_size(size)
        count = 1 if shape is None else math.prod(shape)
        if replace:
            idx = self.integers(0, pop_size, size=shape)
        else:
            if count > pop_size:
                raise ValueError("Cannot take a larger sample than population when replace is False")
            idx = self._sample_without_replacement(pop_size, count, shuffle)
            idx = idx[0] if shape is None else idx.reshape(shape)
        if arr.ndim == 0:
            return int(idx) if shape is None else idx
        return arr.take(idx, axis=axis)

    def _sample_without_replacement(self, pop_size, count, shuffle):
        """numpy's index selection for ``choice(replace=False)`` without ``p``: ``count`` distinct
        indices below ``pop_size``, in numpy's order (Lemire draws, ``random_bounded_uint64``)."""
        with sampling(self._bit_generator) as (samplers, bg):
            if pop_size > 10000 and count > pop_size // (50 if shuffle else 20):
                idx = np.arange(pop_size, dtype=np.int64)
                samplers.shuffle_int(bg, idx, max(pop_size - count, 1))
                return idx[pop_size - count:].copy()
            idx = np.asarray(samplers.choice_floyd(bg, pop_size, count), dtype=np.int64)
            if shuffle:
                samplers.shuffle_int(bg, idx, 1)
            return idx

    def bytes(self, length):
        """numpy's ``Generator.bytes``: ``integers(0, 2**32, n, uint32)`` as little-endian bytes, cut to
        ``length``, with n = (length - 1) / 4 + 1 in C's truncating division (so ``bytes(0)`` draws one
        word and ``bytes(-1)`` gives 3 bytes, as numpy's)."""
        length = bc.as_index(length, "length")
        words = self.integers(0, 2**32, size=bc.c_int_div(length - 1, 4) + 1, dtype=np.uint32)
        return words.astype("<u4").tobytes()[:length]

    # -- discrete distributions (distributions.c, random_hypergeometric.c, random_mvhg_*.c) --------

    def binomial(self, n, p, size=None):
        """numpy's ``Generator.binomial``: inversion for n min(p, 1-p) <= 30, else BTPE, with numpy's
        setup cache for the last (n, p) (``random_binomial``)."""
        return bc.disc(self._bit_generator, "random_binomial_fill", size,
                       [(p, "p", bc.BOUNDED_0_1), (n, "n", bc.NON_NEGATIVE)], [np.float64, np.int64],
                       extra=(self._binomial,))

    def poisson(self, lam=1.0, size=None):
        """numpy's ``Generator.poisson``: multiplication of uniforms for lam < 10, else PTRS."""
        return bc.disc(self._bit_generator, "random_poisson_fill", size, [(lam, "lam", bc.POISSON)], [np.float64])

    def geometric(self, p, size=None):
        """numpy's ``Generator.geometric``: search for p >= 1/3, else inversion of an exponential."""
        return bc.disc(self._bit_generator, "random_geometric_fill", size, [(p, "p", bc.BOUNDED_GT_0_1)],
                       [np.float64])

    def logseries(self, p, size=None):
        """numpy's ``Generator.logseries`` (``random_logseries``)."""
        return bc.disc(self._bit_generator, "random_logseries_fill", size, [(p, "p", bc.BOUNDED_LT_0_1)],
                       [np.float64])

    def zipf(self, a, size=None):
        """numpy's ``Generator.zipf`` (``random_zipf``: rejection, 1 for a >= 1025)."""
        return bc.disc(self._bit_generator, "random_zipf_fill", size, [(a, "a", bc.GT_1)], [np.float64])

    def hypergeometric(self, ngood, nbad, nsample, size=None):
        """numpy's ``Generator.hypergeometric``: HRUA for 10 <= nsample <= ngood + nbad - 10, else
        item-by-item sampling; ngood and nbad below 10**9."""
        return _discrete.hypergeometric(self._bit_generator, "random_hypergeometric_fill", size, ngood, nbad,
                                        nsample, [bc.NON_NEGATIVE] * 3, max_checked=True)

    def multinomial(self, n, pvals, size=None):
        """numpy's ``Generator.multinomial``: a binomial per category; n and the rows of pvals broadcast."""
        return _discrete.generator_multinomial(self._bit_generator, self._binomial, n, pvals, size)

    def multivariate_hypergeometric(self, colors, nsample, size=None, method="marginals"):
        """numpy's ``Generator.multivariate_hypergeometric``: a hypergeometric per color ("marginals") or a
        partial shuffle of the items ("count")."""
        return _discrete.multivariate_hypergeometric(self._bit_generator, colors, nsample, size, method)


def population_size(arr, a, axis, size):
    """numpy's ``choice`` population checks: ``a`` is a positive int or a non-empty array."""
    no_samples = size is not None and math.prod(as_size(size)) == 0
    if arr.ndim == 0:
        try:
            pop_size = operator.index(arr.item())
        except TypeError as exc:
            raise ValueError(f"a must be a sequence or an integer, not {type(a)}") from exc
        if pop_size <= 0 and not no_samples:
            raise ValueError("a must be a positive integer unless no samples are taken")
        return pop_size
    pop_size = arr.shape[_axis(axis, arr.ndim)]
    if pop_size == 0 and not no_samples:
        raise ValueError("a cannot be empty unless no samples are taken")
    return pop_size


def default_rng(seed=None):
    """numpy's ``default_rng``: a Generator over ``prng.PCG64(seed)``; a Generator is returned as is
    and a bit generator is wrapped."""
    if isinstance(seed, Generator):
        return seed
    if hasattr(seed, "next_uint64") and hasattr(seed, "next_double"):
        return Generator(seed)
    return Generator(PCG64(seed))
