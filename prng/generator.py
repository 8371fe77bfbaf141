"""numpy's ``Generator``: distributions on any prng bit generator, value for value.

``Generator(bit_generator)`` gives the same values as ``numpy.random.Generator`` on a numpy bit
generator in the same state, and leaves the bit generator in the same state afterwards (including the
buffered uint32 half, which lives in the bit generator and so carries over between calls). The bit
generator is only reached through ``next_uint32``, ``next_uint64`` and ``next_double``.

Method by method the numpy sources are ``numpy/random/_generator.pyx`` and
``_bounded_integers.pyx.in`` for the argument handling, and ``src/distributions/distributions.c`` for
the samplers (here ``prng._bounded`` and ``prng._ziggurat``).
"""

import math
import operator

import numpy as np

from . import _bounded, _ziggurat
from ._validate import as_int, as_size
from .bitgen.pcg64 import PCG64

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
    bits = 1 if dt.kind == "b" else dt.itemsize * 8
    count = 1 if shape is None else math.prod(shape)
    draws = np.array(_bounded.bounded(bitgen, [closed_high - low] * count, bits, use_masked), dtype=np.uint64)
    # numpy's off + draw, wrapped to the dtype's width and read back as signed where it is signed
    values = (draws + np.uint64(low % 2**64)).astype(f"u{dt.itemsize}").view(dt)
    return values[0] if shape is None else values.reshape(shape)


def shuffle_swaps(bitgen, n):
    """The swaps of numpy's Fisher-Yates ``shuffle`` of ``n`` items: ``(i, random_interval(i))`` for
    i = n-1 down to 1 (masked rejection draws)."""
    tops = range(n - 1, 0, -1)
    return zip(tops, _bounded.bounded(bitgen, tops, 64, use_masked=True))


def shuffle_order(bitgen, n):
    """The order numpy's ``shuffle`` leaves ``arange(n)`` in."""
    order = list(range(n))
    for i, j in shuffle_swaps(bitgen, n):
        order[i], order[j] = order[j], order[i]
    return order


def shuffle_in_place(bitgen, x, axis=0):
    """numpy's ``shuffle`` (Generator and RandomState): an ndarray along ``axis`` (an empty one draws
    nothing), or a mutable sequence swapped item by item."""
    if isinstance(x, np.ndarray):
        if not x.flags.writeable:
            raise ValueError("array is read-only")
        axis = _axis(axis, x.ndim)
        if x.size:
            view = np.moveaxis(x, axis, 0)
            view[...] = view[shuffle_order(bitgen, len(view))]
        return
    if axis != 0:
        raise NotImplementedError("axis is only supported for ndarrays")
    for i, j in shuffle_swaps(bitgen, len(x)):
        x[i], x[j] = x[j], x[i]


def _axis(axis, ndim):
    """Normalize ``axis`` for an array of ``ndim`` dimensions (0-d arrays have no axis to shuffle)."""
    axis = operator.index(axis)
    if not -ndim <= axis < ndim:
        raise np.exceptions.AxisError(axis, ndim)
    return axis % ndim


def scalar_or_array(values, shape, dtype):
    """A Python scalar when ``shape`` is None (numpy returns Python floats there), else an array."""
    if shape is None:
        return values[0]
    return np.array(values, dtype=dtype).reshape(shape)


class Generator:
    """numpy.random.Generator's distributions over any prng bit generator (``bit_generator``)."""

    def __init__(self, bit_generator):
        for method in ("next_uint32", "next_uint64", "next_double"):
            if not callable(getattr(bit_generator, method, None)):
                raise TypeError(f"bit_generator must have a {method}() method")
        self._bit_generator = bit_generator

    @property
    def bit_generator(self):
        """The bit generator every draw comes from."""
        return self._bit_generator

    def __repr__(self):
        return f"Generator({type(self._bit_generator).__name__})"

    def _sample(self, size, dtype, one):
        """``size`` values of float ``dtype``, each ``one(bitgen)``; a Python float when ``size`` is None."""
        shape = as_size(size)
        bitgen = self._bit_generator
        count = 1 if shape is None else math.prod(shape)
        return scalar_or_array([one(bitgen) for _ in range(count)], shape, dtype)

    def random(self, size=None, dtype=np.float64):
        """numpy's ``Generator.random``: float64 from ``next_double``, float32 from the top 24 bits of
        ``next_uint32`` (``random_standard_uniform_fill[_f]``), drawn in bulk."""
        dt = _float_dtype(dtype, "random")
        shape = as_size(size)
        count = 1 if shape is None else math.prod(shape)
        if dt == np.float64:
            values = _bounded.draws(self._bit_generator, "double", count)
        else:
            words = _bounded.draws(self._bit_generator, "uint32", count)
            values = (words >> 8).astype(np.float32) * np.float32(2.0**-24)
        return float(values[0]) if shape is None else values.reshape(shape)

    def integers(self, low, high=None, size=None, dtype=np.int64, endpoint=False):
        """numpy's ``Generator.integers``: Lemire's method for every integer dtype and bool, with numpy's
        32-bit draws for small 64-bit ranges and 8/16/1-bit draws cut from one ``next_uint32``."""
        if high is None:
            low, high = 0, low
        result = bounded_integers(self._bit_generator, low, high, size, dtype, endpoint, use_masked=False)
        if size is None and (dtype is int or dtype is bool):
            return dtype(result)
        return result

    def standard_normal(self, size=None, dtype=np.float64):
        """numpy's ``Generator.standard_normal``: the 256-layer ziggurat (``random_standard_normal[_f]``)."""
        dt = _float_dtype(dtype, "standard_normal")
        one = _ziggurat.standard_normal if dt == np.float64 else _ziggurat.standard_normal_f
        return self._sample(size, dt, one)

    def standard_exponential(self, size=None, dtype=np.float64):
        """numpy's ``Generator.standard_exponential(method='zig')`` (``random_standard_exponential[_f]``)."""
        dt = _float_dtype(dtype, "standard_exponential")
        one = _ziggurat.standard_exponential if dt == np.float64 else _ziggurat.standard_exponential_f
        return self._sample(size, dt, one)

    def exponential(self, scale=1.0, size=None):
        """numpy's ``Generator.exponential`` for a scalar ``scale``: ``scale * standard_exponential``."""
        scale = float(scale)
        if not scale >= 0:
            raise ValueError("scale < 0")
        return self._sample(size, np.float64, lambda bg: scale * _ziggurat.standard_exponential(bg))

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
        arr = np.array(x)
        axis = _axis(axis, arr.ndim)
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
            idx = np.array(self._sample_without_replacement(pop_size, count, shuffle), dtype=np.int64)
            idx = idx[0] if shape is None else idx.reshape(shape)
        if arr.ndim == 0:
            return int(idx) if shape is None else idx
        return arr.take(idx, axis=axis)

    def _sample_without_replacement(self, pop_size, count, shuffle):
        """numpy's index selection for ``choice(replace=False)`` without ``p``: ``count`` distinct
        indices below ``pop_size``, in numpy's order (Lemire draws, ``random_bounded_uint64``)."""
        bitgen = self._bit_generator
        if pop_size > 10000 and count > pop_size // (50 if shuffle else 20):
            shuffled = _partial_shuffle(bitgen, list(range(pop_size)), max(pop_size - count, 1))
            return shuffled[pop_size - count:]
        chosen, seen = [], set()
        tops = range(pop_size - count, pop_size)
        for j, v in zip(tops, _bounded.bounded(bitgen, tops, 64, use_masked=False)):
            v = j if v in seen else v  # Floyd: a repeat is replaced by j, which cannot have been chosen
            seen.add(v)
            chosen.append(v)
        return _partial_shuffle(bitgen, chosen, 1) if shuffle else chosen

    def bytes(self, length):
        """numpy's ``Generator.bytes``: ``integers(0, 2**32, ceil(length/4), uint32)`` as little-endian
        bytes, cut to ``length``."""
        length = as_int(length, "length", 0)
        words = self.integers(0, 2**32, size=(length + 3) // 4, dtype=np.uint32)
        return words.astype("<u4").tobytes()[:length]


def _partial_shuffle(bitgen, items, first):
    """numpy's ``_shuffle_int``: swap ``items[i]`` with ``items[random_bounded_uint64(0, i)]`` for
    i = len-1 down to ``first`` (Lemire draws); returns ``items``."""
    tops = range(len(items) - 1, first - 1, -1)
    for i, j in zip(tops, _bounded.bounded(bitgen, tops, 64, use_masked=False)):
        items[i], items[j] = items[j], items[i]
    return items


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
