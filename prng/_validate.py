"""Argument checks shared by every generator: fail early, name the argument and the accepted range."""

import numbers
import operator

import numpy as np


def as_int(value, name, lo=None, hi=None):
    """Return ``value`` as a Python int in ``[lo, hi]`` (either bound may be None).

    Accepts Python and numpy integers; rejects bool, floats (even integral ones), NaN and strings
    with a TypeError, and out-of-range values with a ValueError, both naming ``name``.
    """
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, numbers.Integral):
        raise TypeError(f"{name} must be an integer, not {type(value).__name__} ({value!r})")
    value = operator.index(value)
    if (lo is not None and value < lo) or (hi is not None and value > hi):
        raise ValueError(f"{name} must be in [{_bound(lo, '-inf')}, {_bound(hi, 'inf')}], got {value}")
    return value


def as_words(value, name, count, bits):
    """Return ``value`` as a list of ``count`` unsigned ``bits``-bit words (word 0 least significant).

    ``value`` is either one integer in ``[0, 2**(bits*count))`` or a sequence of ``count`` words.
    """
    if isinstance(value, numbers.Integral) and not isinstance(value, (bool, np.bool_)):
        whole = as_int(value, name, 0, (1 << (bits * count)) - 1)
        mask = (1 << bits) - 1
        return [(whole >> (bits * i)) & mask for i in range(count)]
    words = as_int_list(value, name, 0, (1 << bits) - 1)
    if len(words) != count:
        raise ValueError(f"{name} must have {count} words of {bits} bits, got {len(words)}")
    return words


def as_int_list(value, name, lo=None, hi=None):
    """Return a 1-d sequence or array of integers as a list of Python ints, each in ``[lo, hi]``."""
    if isinstance(value, (str, bytes, dict)) or not hasattr(value, "__len__"):
        raise TypeError(f"{name} must be a sequence of integers, not {type(value).__name__}")
    arr = np.asarray(value, dtype=object) if not isinstance(value, np.ndarray) else value
    if arr.ndim != 1:
        raise ValueError(f"{name} must be 1-dimensional, got shape {arr.shape}")
    return [as_int(v, f"{name}[{i}]", lo, hi) for i, v in enumerate(arr.tolist())]


def as_size(size):
    """Return ``size`` (None, an int or a tuple of ints, all >= 0) as a shape tuple, or None."""
    if size is None:
        return None
    if type(size) is int and size >= 0:  # the common case, without the slower ABC checks
        return (size,)
    if isinstance(size, numbers.Integral) and not isinstance(size, (bool, np.bool_)):
        return (as_int(size, "size", 0),)
    if isinstance(size, (tuple, list)):
        return tuple(as_int(s, "size", 0) for s in size)
    raise TypeError(f"size must be None, a non-negative integer or a tuple of them, not {size!r}")


def _bound(b, unbounded):
    """Print a range bound readably: 2**64-1 rather than 18446744073709551615."""
    if b is None:
        return unbounded
    if b >= 2**32 and (b + 1) & b == 0:
        return f"2**{b.bit_length()}-1"
    return str(b)
