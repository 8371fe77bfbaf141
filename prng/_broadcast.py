"""numpy's argument handling for samplers with parameters (``numpy/random/_common.pyx``: ``cont``,
``disc``, ``double_fill``, ``float_fill``, ``check_output``, ``check_constraint``), in one place.

These turn the arguments of a ``Generator``/``RandomState`` method into an output array and flat
parameter arrays, check numpy's constraints with numpy's messages, and run one sampler fill of the bit
generator's backend (``prng._sampling``) over them. Parameter arrays reach the samplers as 1-d float64
(or int64) arrays holding either one value for all outputs or one value per output, in C order.
"""

import math
import operator

import numpy as np

from ._sampling import sampling
from ._validate import as_size

POISSON_LAM_MAX = np.iinfo(np.int64).max - np.sqrt(np.iinfo(np.int64).max) * 10
LEGACY_POISSON_LAM_MAX = np.iinfo(np.int64).max - np.sqrt(np.iinfo(np.int64).max) * 10
LONG_MAX = np.iinfo(np.int64).max

# numpy's constraint_type names; each maps to (test of a scalar, test of an array, message) below.
NONE = "none"
NON_NEGATIVE = "non_negative"
POSITIVE = "positive"
POSITIVE_NOT_NAN = "positive_not_nan"
BOUNDED_0_1 = "bounded_0_1"
BOUNDED_GT_0_1 = "bounded_gt_0_1"
BOUNDED_LT_0_1 = "bounded_lt_0_1"
GT_1 = "gt_1"
GTE_1 = "gte_1"
POISSON = "poisson"
LEGACY_POISSON = "legacy_poisson"
LEGACY_NON_NEGATIVE_INBOUNDS_LONG = "legacy_non_negative_inbounds_long"


def check_constraint(val, name, cons):
    """numpy's ``check_constraint`` for one scalar parameter value (a Python float or int)."""
    if cons == NONE:
        return
    if cons == NON_NEGATIVE:
        if not math.isnan(val) and math.copysign(1.0, val) < 0:
            raise ValueError(f"{name} < 0")
    elif cons in (POSITIVE, POSITIVE_NOT_NAN):
        if cons == POSITIVE_NOT_NAN and math.isnan(val):
            raise ValueError(f"{name} must not be NaN")
        if val <= 0:
            raise ValueError(f"{name} <= 0")
    elif cons == BOUNDED_0_1:
        if not (val >= 0) or not (val <= 1):
            raise ValueError(f"{name} < 0, {name} > 1 or {name} is NaN")
    elif cons == BOUNDED_GT_0_1:
        if not val > 0 or not val <= 1:
            raise ValueError(f"{name} <= 0, {name} > 1 or {name} contains NaNs")
    elif cons == BOUNDED_LT_0_1:
        if not (val >= 0) or not (val < 1):
            raise ValueError(f"{name} < 0, {name} >= 1 or {name} is NaN")
    elif cons == GT_1:
        if not (val > 1):
            raise ValueError(f"{name} <= 1 or {name} is NaN")
    elif cons == GTE_1:
        if not (val >= 1):
            raise ValueError(f"{name} < 1 or {name} is NaN")
    elif cons in (POISSON, LEGACY_POISSON):
        if not (val >= 0):
            raise ValueError(f"{name} < 0 or {name} is NaN")
        if not (val <= (POISSON_LAM_MAX if cons == POISSON else LEGACY_POISSON_LAM_MAX)):
            raise ValueError(f"{name} value too large")
    elif cons == LEGACY_NON_NEGATIVE_INBOUNDS_LONG:
        if val < 0:
            raise ValueError(f"{name} < 0")
        if val > float(LONG_MAX):
            raise ValueError(f"{name} is out of bounds for long, consider using the new generator API "
                             "for 64bit integers.")
    else:
        raise AssertionError(f"unknown constraint {cons!r}")


def check_array_constraint(val, name, cons):
    """numpy's ``check_array_constraint`` for a parameter array."""
    if cons == NONE:
        return
    if cons == NON_NEGATIVE:
        if np.any(np.logical_and(np.logical_not(np.isnan(val)), np.signbit(val))):
            raise ValueError(f"{name} < 0")
    elif cons in (POSITIVE, POSITIVE_NOT_NAN):
        if cons == POSITIVE_NOT_NAN and np.any(np.isnan(val)):
            raise ValueError(f"{name} must not be NaN")
        if np.any(np.less_equal(val, 0)):
            raise ValueError(f"{name} <= 0")
    elif cons == BOUNDED_0_1:
        if not np.all(np.greater_equal(val, 0)) or not np.all(np.less_equal(val, 1)):
            raise ValueError(f"{name} < 0, {name} > 1 or {name} contains NaNs")
    elif cons == BOUNDED_GT_0_1:
        if not np.all(np.greater(val, 0)) or not np.all(np.less_equal(val, 1)):
            raise ValueError(f"{name} <= 0, {name} > 1 or {name} contains NaNs")
    elif cons == BOUNDED_LT_0_1:
        if not np.all(np.greater_equal(val, 0)) or not np.all(np.less(val, 1)):
            raise ValueError(f"{name} < 0, {name} >= 1 or {name} contains NaNs")
    elif cons == GT_1:
        if not np.all(np.greater(val, 1)):
            raise ValueError(f"{name} <= 1 or {name} contains NaNs")
    elif cons == GTE_1:
        if not np.all(np.greater_equal(val, 1)):
            raise ValueError(f"{name} < 1 or {name} contains NaNs")
    elif cons in (POISSON, LEGACY_POISSON):
        if not np.all(np.less_equal(val, POISSON_LAM_MAX if cons == POISSON else LEGACY_POISSON_LAM_MAX)):
            raise ValueError(f"{name} value too large")
        if not np.all(np.greater_equal(val, 0.0)):
            raise ValueError(f"{name} < 0 or {name} contains NaNs")
    elif cons == LEGACY_NON_NEGATIVE_INBOUNDS_LONG:
        if not np.all(val >= 0):
            raise ValueError(f"{name} < 0")
        if not np.all(val <= int(LONG_MAX)):
            raise ValueError(f"{name} is out of bounds for long, consider using the new generator API "
                             "for 64bit integers.")
    else:
        raise AssertionError(f"unknown constraint {cons!r}")


def check_output(out, dtype, size, require_c_array):
    """numpy's ``check_output``: ``out`` (if given) is a contiguous, writable, aligned, native array of
    ``dtype`` whose shape is ``size`` (when given)."""
    if out is None:
        return
    if not isinstance(out, np.ndarray):
        raise TypeError(f"out must be a numpy array, not {type(out).__name__}")
    flags = out.flags
    c_ok = flags.c_contiguous and flags.writeable and flags.aligned and out.dtype.isnative
    f_ok = flags.f_contiguous and flags.writeable and flags.aligned and out.dtype.isnative
    if not (c_ok or (f_ok and not require_c_array)):
        req = "C-" if require_c_array else ""
        raise ValueError(f"Supplied output array must be {req}contiguous, writable, aligned, and in "
                         "machine byte-order.")
    if out.dtype != dtype:
        raise TypeError(f"Supplied output array has the wrong type. Expected {np.dtype(dtype)}, got {out.dtype}")
    if size is not None:
        try:
            tup_size = tuple(size)
        except TypeError:
            tup_size = (size,)
        if tup_size != out.shape:
            raise ValueError("size must match out.shape when used together")


def flat_view(out):
    """A 1-d view of a C- or F-contiguous output, in memory order (numpy fills outputs that way)."""
    return out.reshape(-1, order="C" if out.flags.c_contiguous else "F")


def fill(bitgen, sampler, size, dtype, out, scalar_type=float):
    """numpy's ``double_fill`` / ``float_fill``: ``sampler(bg, flat_out)`` of a parameterless sampler;
    one ``scalar_type`` value when ``size`` and ``out`` are both None."""
    if out is not None:
        check_output(out, dtype, size, False)
        result = out
    else:
        result = np.empty(1 if size is None else as_size(size), dtype)
    with sampling(bitgen) as (samplers, bg):
        getattr(samplers, sampler)(bg, flat_view(result))
    return scalar_type(result[0]) if size is None and out is None else result


def _parameter_arrays(params, dtypes):
    """Each parameter as an array of its dtype (numpy's PyArray_FROM_OTF), and whether all are 0-d."""
    arrays = [np.asarray(value, dtype=dt) for (value, _, _), dt in zip(params, dtypes)]
    return arrays, all(a.ndim == 0 for a in arrays)


def _run(bitgen, sampler, result, arrays, state=()):
    """``sampler(bg, flat result, *state, *flat parameters)``, each parameter broadcast to ``result``'s
    shape (``state``: sampler state passed as is, e.g. RandomState's gauss cache)."""
    flats = []
    for a in arrays:
        if a.size == 1:
            flats.append(np.ascontiguousarray(a, dtype=a.dtype).reshape(1))
        else:
            flats.append(np.ascontiguousarray(np.broadcast_to(a, result.shape)).reshape(-1))
    with sampling(bitgen) as (samplers, bg):
        getattr(samplers, sampler)(bg, result.reshape(-1), *state, *flats)
    return result


def _broadcast_output(arrays, size, dtype, out=None):
    """numpy's output of a broadcast call: ``out``, ``size``'s shape, or the parameters' broadcast shape;
    its shape must equal the shape of output and parameters broadcast together."""
    if out is not None:
        result = out
    elif size is not None:
        result = np.empty(as_size(size), dtype)
    else:
        result = np.empty(np.broadcast_shapes(*(a.shape for a in arrays)), dtype)
    try:
        joint = np.broadcast_shapes(result.shape, *(a.shape for a in arrays))
    except ValueError as exc:
        raise ValueError(f"shape mismatch: objects cannot be broadcast to a single shape ({exc})") from None
    if joint != result.shape:
        raise ValueError(f"Output size {result.shape} is not compatible with broadcast dimensions of inputs "
                         f"{joint}.")
    return result


def cont(bitgen, sampler, size, params, out=None, dtype=np.float64, param_dtype=np.float64, state=()):
    """numpy's ``cont`` (and ``cont_f`` with ``dtype``/``param_dtype`` float32): ``params`` is a list of
    ``(value, name, constraint)``. All-scalar parameters are checked as scalars and give a Python
    float when ``size`` and ``out`` are None; otherwise the parameters broadcast against the output.
    ``state`` goes to the sampler before the parameters (RandomState's gauss cache)."""
    if out is not None:
        check_output(out, dtype, size, bool(params))
    arrays, is_scalar = _parameter_arrays(params, [param_dtype] * len(params))
    if not is_scalar:
        for a, (_, name, cons) in zip(arrays, params):
            check_array_constraint(a, name, cons)
        # numpy passes ``out`` on only for one-parameter samplers
        return _run(bitgen, sampler, _broadcast_output(arrays, size, dtype, out if len(params) == 1 else None),
                    arrays, state)
    for a, (_, name, cons) in zip(arrays, params):
        check_constraint(float(a), name, cons)
    if size is None and out is None:
        return float(_run(bitgen, sampler, np.empty(1, dtype), arrays, state)[0])
    result = out if out is not None else np.empty(as_size(size), dtype)
    _run(bitgen, sampler, flat_view(result), arrays, state)
    return result


def disc(bitgen, sampler, size, params, param_dtypes, state=()):
    """numpy's ``disc``: int64 outputs; ``params`` as in ``cont``, each converted to its entry of
    ``param_dtypes`` (float64 or int64). Scalars give a Python int when ``size`` is None. ``state`` goes
    to the sampler before the parameters (numpy's binomial_t cache, RandomState's gauss cache)."""
    arrays, is_scalar = _parameter_arrays(params, param_dtypes)
    if not is_scalar:
        for a, (_, name, cons) in zip(arrays, params):
            check_array_constraint(a, name, cons)
        return _run(bitgen, sampler, _broadcast_output(arrays, size, np.int64), arrays, state)
    for a, (_, name, cons) in zip(arrays, params):
        check_constraint(float(a) if a.dtype.kind == "f" else int(a), name, cons)
    if size is None:
        return int(_run(bitgen, sampler, np.empty(1, np.int64), arrays, state)[0])
    return _run(bitgen, sampler, np.empty(as_size(size), np.int64), arrays, state)


def c_int_div(a, b):
    """C's truncating integer division (Cython's cdivision), which numpy's ``bytes`` uses."""
    q = abs(a) // abs(b)
    return q if (a >= 0) == (b >= 0) else -q


def as_index(value, name):
    """An integer argument (anything with ``__index__``), else TypeError naming it."""
    try:
        return operator.index(value)
    except TypeError:
        raise TypeError(f"{name} must be an integer, not {type(value).__name__}") from None
