"""JAX's ``jax.random`` without JAX: threefry2x32 keys and the samplers, on numpy arrays.

The same numbers as ``jax.random`` (jax 0.10.2, CPU) with its default configuration: keys are
``PRNGKey`` uint32 pairs, ``jax_threefry_partitionable=True`` (the default since jax 0.5; pass
``partitionable=False`` for the older scheme) and ``jax_enable_x64=False`` (default dtypes are 32-bit,
Python scalars become float32/int32); asking for a 64-bit dtype gives what jax gives with x64 enabled.

Everything is computed on whole numpy arrays at once: the threefry2x32 hash of every counter, then
jax's bit manipulations, then XLA's float kernels (``_xla_math``) where a sampler needs log, log1p,
erf or erf_inv. Keys, bits, uniforms, integers, permutations and choices are bitwise; the float
samplers are bitwise against jax on an x86-64 CPU with FMA (see the README's JAX section).
bfloat16 results are numpy arrays of ``ml_dtypes.bfloat16`` (``pip install ml_dtypes``).
"""

import math

import numpy as np

from .._validate import as_int
from ..bitgen.threefry import threefry2x32
from . import _xla_math as xm

M32 = 0xFFFFFFFF
INT_DTYPES = ("int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64")
FLOAT_DTYPES = ("float16", "bfloat16", "float32", "float64")
_SQRT2 = math.sqrt(2.0)


# ---- arguments ----------------------------------------------------------------------------------

def _bfloat16():
    """ml_dtypes' bfloat16 numpy type (an optional dependency, installed with jax)."""
    try:
        import ml_dtypes
    except ImportError:
        raise ImportError('dtype "bfloat16" needs the ml_dtypes package (pip install ml_dtypes)') from None
    return np.dtype(ml_dtypes.bfloat16)


def _dtype(dtype, allowed, name="dtype"):
    """A dtype (a name, a numpy dtype or type) among ``allowed`` as a numpy dtype; bfloat16 via ml_dtypes."""
    label = dtype
    if not isinstance(dtype, str):
        try:
            label = np.dtype(dtype).name
        except TypeError:
            label = None
    if label not in allowed:
        raise TypeError(f"{name} must be one of {', '.join(allowed)}, got {dtype!r}")
    return _bfloat16() if label == "bfloat16" else np.dtype(label)


def _shape(shape, name="shape"):
    """A shape: a sequence of non-negative ints (as jax requires)."""
    if isinstance(shape, (str, bytes)) or not hasattr(shape, "__iter__"):
        raise TypeError(f"{name} must be a sequence of non-negative integers, got {shape!r}")
    return tuple(as_int(d, name, 0) for d in shape)


def _key(key):
    """A raw threefry key: 2 uint32 words (what ``PRNGKey`` and ``split`` return)."""
    words = np.asarray(key)
    if words.shape != (2,) or not (words.dtype.kind in "ui" or words.dtype == object):
        raise TypeError(f"key must be 2 uint32 words (a PRNGKey), got {key!r}")
    values = [as_int(w, "key", 0, M32) for w in words.tolist()]
    return np.array(values, dtype=np.uint32)


def _flag(value, name):
    """``value``, which must be True or False."""
    if not isinstance(value, bool):
        raise TypeError(f"{name} must be True or False, got {value!r}")
    return value


# ---- keys ---------------------------------------------------------------------------------------

def PRNGKey(seed, *, x64=False):
    """``jax.random.PRNGKey(seed)``: the uint32 pair [hi, lo]. jax takes the seed as an int64
    (range -2**63 .. 2**63-1); with its default ``jax_enable_x64=False`` only the low 32 bits count
    (``[0, seed mod 2**32]``), with ``x64=True`` the key is the seed's two's-complement 64 bits."""
    seed = as_int(seed, "seed", -(2**63), 2**63 - 1) % 2**64
    hi = seed >> 32 if _flag(x64, "x64") else 0
    return np.array([hi, seed & M32], dtype=np.uint32)


def _threefry_hash(key, counts):
    """jax's ``threefry_2x32(key, counts)``: the flat counts (an odd count padded with a 0) split in
    halves, which are the two counter words of one block each; the two output halves, concatenated."""
    n = counts.size
    padded = np.concatenate([counts, np.zeros(n % 2, np.uint32)])
    half = padded.size // 2
    y0, y1 = threefry2x32(key, padded[:half], padded[half:])
    return np.concatenate([y0, y1])[:n]


def _iota_2x32(size):
    """The high and low 32-bit words of 0 .. size-1 (jax's ``iota_2x32_shape``, flattened)."""
    index = np.arange(size, dtype=np.uint64)
    return (index >> np.uint64(32)).astype(np.uint32), index.astype(np.uint32)


def _split(key, shape, partitionable):
    """``prng.threefry_split``: keys of ``shape`` (+ (2,))."""
    count = math.prod(shape)
    if partitionable:
        b1, b2 = threefry2x32(key, *_iota_2x32(count))
        return np.stack([b1, b2], axis=-1).reshape(*shape, 2)
    return _threefry_hash(key, np.arange(2 * count, dtype=np.uint32)).reshape(*shape, 2)


def split(key, num=2, *, partitionable=True):
    """``jax.random.split(key, num)``: ``num`` new keys, shape (num, 2); ``num`` may be a shape tuple."""
    shape = _shape(num, "num") if isinstance(num, (tuple, list)) else (as_int(num, "num", 0),)
    return _split(_key(key), shape, _flag(partitionable, "partitionable"))


def fold_in(key, data, *, partitionable=True):
    """``jax.random.fold_in(key, data)``: ``data`` a uint32 (0 .. 2**32-1); the hash of (0, data)."""
    _flag(partitionable, "partitionable")  # fold_in is the same under both settings
    data = as_int(data, "data", 0, M32)
    return _threefry_hash(_key(key), np.array([0, data], dtype=np.uint32))


# ---- bits ---------------------------------------------------------------------------------------

def _random_bits(key, width, shape, partitionable):
    """``threefry_random_bits``: uniform unsigned ints of ``width`` bits, of ``shape``."""
    size = math.prod(shape)
    dtype = np.dtype(f"uint{width}")
    if partitionable:
        b1, b2 = threefry2x32(key, *_iota_2x32(size))
        if width == 64:
            bits = (b1.astype(np.uint64) << np.uint64(32)) | b2
        else:
            bits = (b1 ^ b2).astype(dtype)
    else:
        words = -(-width * size // 32)
        if words >= M32:
            raise ValueError(f"shape {shape} asks for {words} 32-bit words; at most 2**32-2 are supported")
        stream = _threefry_hash(key, np.arange(words, dtype=np.uint32))
        if width == 64:
            bits = (stream[:size].astype(np.uint64) << np.uint64(32)) | stream[size:]
        else:
            bits = stream.astype("<u4").view(f"<u{width // 8}")[:size].astype(dtype)
    return bits.reshape(shape)


def bits(key, shape=(), dtype="uint32", *, partitionable=True):
    """``jax.random.bits(key, shape, dtype)``: uniform bits as uint8/16/32/64."""
    dtype = _dtype(dtype, ("uint8", "uint16", "uint32", "uint64"))
    return _random_bits(_key(key), dtype.itemsize * 8, _shape(shape), _flag(partitionable, "partitionable"))


# ---- uniform and normal -------------------------------------------------------------------------

def _float_param(value, dtype, name):
    """A float parameter as jax converts it: float64 stays float64 (x64), anything else goes through
    float32 (a Python float is a float32 in jax's default mode) and then to ``dtype``."""
    array = np.asarray(value)
    if array.dtype.kind not in "fiu" and array.dtype != _maybe_bfloat16():
        raise TypeError(f"{name} must be a real number or an array of them, got {value!r}")
    if dtype == np.float64:
        return array.astype(np.float64)
    if array.dtype.itemsize > 4 or array.dtype.kind in "iu":
        array = array.astype(np.float32)
    return array.astype(dtype)


def _maybe_bfloat16():
    """ml_dtypes' bfloat16, or None when ml_dtypes is not installed."""
    try:
        return _bfloat16()
    except ImportError:
        return None


def _fused(a, b, c, dtype):
    """a * b + c as XLA's CPU code computes it: one FMA for float32/float64, else two roundings."""
    if dtype == np.float32:
        return xm.ftz(xm.fma32(a, b, c))
    if dtype == np.float64:
        return xm.ftz(xm.fma64(a, b, c))
    return (a * b).astype(dtype) + c


def _uniform(key, shape, dtype, minval, maxval, partitionable):
    """``jax.random._uniform``: 1 + mantissa bits, minus 1, scaled to [minval, maxval), clamped to minval."""
    info = np.finfo(dtype)
    nbits, nmant = info.bits, info.nmant
    rng_bits = nbits if nmant >= 8 else 8  # bfloat16: 8 random bits
    raw = _random_bits(key, rng_bits, shape, partitionable).astype(f"uint{nbits}")
    one = np.array(1, dtype).view(f"uint{nbits}")
    floats = ((raw >> (rng_bits - nmant)) | one).view(dtype) - np.array(1, dtype)
    minval = np.broadcast_to(minval, shape).astype(dtype)
    span = (np.broadcast_to(maxval, shape).astype(dtype) - minval).astype(dtype)
    return np.maximum(minval, _fused(floats, span, minval, dtype)).astype(dtype)


def uniform(key, shape=(), dtype="float32", minval=0.0, maxval=1.0, *, partitionable=True):
    """``jax.random.uniform``: [minval, maxval) in float16, bfloat16, float32 or float64."""
    dtype = _dtype(dtype, FLOAT_DTYPES)
    shape = _shape(shape)
    low, high = _float_param(minval, dtype, "minval"), _float_param(maxval, dtype, "maxval")
    _broadcastable(shape, _broadcast_shape(low, high, "uniform"), "uniform")
    return _uniform(_key(key), shape, dtype, low, high, _flag(partitionable, "partitionable"))


def _erf_inv(u, dtype):
    """CHLO erf_inv in ``dtype``: float16/bfloat16 are computed in float32 and rounded back."""
    if dtype == np.float64:
        return xm.erf_inv_f64(u)
    return xm.erf_inv_f32(u.astype(np.float32)).astype(dtype)


def _normal(key, shape, dtype, partitionable):
    """``jax.random._normal_real``: sqrt(2) * erf_inv(uniform on (-1, 1))."""
    low = np.nextafter(np.array(-1, dtype), np.array(0, dtype))
    u = _uniform(key, shape, dtype, low, np.array(1, dtype), partitionable)
    return (_erf_inv(u, dtype) * np.array(_SQRT2, dtype)).astype(dtype)


def normal(key, shape=(), dtype="float32", *, partitionable=True):
    """``jax.random.normal``: standard normals (XLA's erf_inv; bitwise on x86-64 with FMA)."""
    dtype = _dtype(dtype, FLOAT_DTYPES)
    return _normal(_key(key), _shape(shape), dtype, _flag(partitionable, "partitionable"))


def truncated_normal(key, lower, upper, shape=None, dtype="float32", *, partitionable=True):
    """``jax.random.truncated_normal``: normals in (lower, upper) by inverting erf."""
    key, dtype = _key(key), _dtype(dtype, FLOAT_DTYPES)
    lower, upper = _float_param(lower, dtype, "lower"), _float_param(upper, dtype, "upper")
    params = _broadcast_shape(lower, upper, "truncated_normal")
    shape = params if shape is None else _broadcastable(_shape(shape), params, "truncated_normal")
    sqrt2 = np.array(_SQRT2, dtype)
    inverse = np.array(1, dtype) / sqrt2  # XLA turns x / sqrt(2) into x * (1 / sqrt(2)), rounded
    a, b = _erf((lower * inverse).astype(dtype), dtype), _erf((upper * inverse).astype(dtype), dtype)
    u = _uniform(key, shape, dtype, a, b, _flag(partitionable, "partitionable"))
    out = (sqrt2 * _erf_inv(u, dtype)).astype(dtype)
    low = np.nextafter(lower, np.array(np.inf, dtype)).astype(dtype)
    high = np.nextafter(upper, np.array(-np.inf, dtype)).astype(dtype)
    return np.minimum(np.maximum(out, low), high).astype(dtype)


def _erf(x, dtype):
    """XLA's erf in ``dtype`` (float16/bfloat16 through float32)."""
    if dtype == np.float64:
        return xm.erf_f64(x)
    return xm.erf_f32(x.astype(np.float32)).astype(dtype)


def _broadcast_shape(a, b, name):
    """The broadcast shape of two parameters, or a ValueError naming the function."""
    try:
        return np.broadcast_shapes(np.shape(a), np.shape(b))
    except ValueError:
        raise ValueError(f"{name}: parameter shapes {np.shape(a)} and {np.shape(b)} do not broadcast") from None


def _broadcastable(shape, params, name):
    """``shape``, checked to hold the parameters' broadcast shape (jax's ``_check_shape``)."""
    try:
        fits = np.broadcast_shapes(shape, params) == shape
    except ValueError:
        fits = False
    if not fits:
        raise ValueError(f"{name}: shape {shape} must be broadcast-compatible with the parameters' shape {params}")
    return shape


# ---- log-based samplers --------------------------------------------------------------------------

def _log(x, dtype):
    """XLA's log in ``dtype`` (float16/bfloat16 through float32)."""
    return xm.log_f64(x) if dtype == np.float64 else xm.log_f32(x.astype(np.float32)).astype(dtype)


def _log1p(x, dtype):
    """XLA's log1p in ``dtype`` (float16/bfloat16 through float32)."""
    return xm.log1p_f64(x) if dtype == np.float64 else xm.log1p_f32(x.astype(np.float32)).astype(dtype)


def exponential(key, shape=(), dtype="float32", *, partitionable=True):
    """``jax.random.exponential``: -log1p(-u)."""
    dtype = _dtype(dtype, FLOAT_DTYPES)
    u = _uniform(_key(key), _shape(shape), dtype, np.array(0, dtype), np.array(1, dtype),
                 _flag(partitionable, "partitionable"))
    return (-_log1p((-u).astype(dtype), dtype)).astype(dtype)


def _gumbel(key, shape, dtype, mode, partitionable):
    """``jax.random._gumbel``: -log(-log(u)); mode "high" adds a second uniform's low bits below 0.5."""
    info = np.finfo(dtype)
    tiny = np.array(info.tiny, dtype)
    if mode == "high":
        high, low = _uniform(key, (2, *shape), dtype, np.array(0, dtype), np.array(1, dtype), partitionable)
        fine = (high + (np.array(2.0 ** -info.nmant, dtype) * low).astype(dtype)).astype(dtype) + tiny
        x = np.where(high >= np.array(0.5, dtype), high, fine.astype(dtype))
        return (-_log((-_log1p((-x).astype(dtype), dtype)).astype(dtype), dtype)).astype(dtype)
    # uniform on [tiny, 1): XLA folds the span 1 - tiny to 1 and drops "+ tiny" (which matters only in
    # float16, where it is not below half an ulp), leaving max(tiny, floats)
    u = np.maximum(tiny, _uniform(key, shape, dtype, np.array(0, dtype), np.array(1, dtype), partitionable))
    return (-_log((-_log(u, dtype)).astype(dtype), dtype)).astype(dtype)


def _mode(mode):
    """A gumbel ``mode``: None (jax's default, "low"), "low" or "high"."""
    if mode is None:
        return "low"
    if mode not in ("low", "high"):
        raise ValueError(f'mode must be None, "low" or "high", got {mode!r}')
    return mode


def gumbel(key, shape=(), dtype="float32", mode=None, *, partitionable=True):
    """``jax.random.gumbel``: -log(-log(u)) (``mode`` "low", the default, or "high")."""
    dtype = _dtype(dtype, FLOAT_DTYPES)
    return _gumbel(_key(key), _shape(shape), dtype, _mode(mode), _flag(partitionable, "partitionable"))


def categorical(key, logits, axis=-1, shape=None, replace=True, mode=None, *, partitionable=True):
    """``jax.random.categorical``: the Gumbel-max trick (with replacement) or Gumbel-top-k (without)."""
    key, mode = _key(key), _mode(mode)
    partitionable, replace = _flag(partitionable, "partitionable"), _flag(replace, "replace")
    logits = _float_array(logits, "logits")
    dtype = logits.dtype
    axis = _axis(axis, logits.ndim)
    batch = logits.shape[:axis] + logits.shape[axis + 1:]
    shape = batch if shape is None else _broadcastable(_shape(shape), batch, "categorical")
    prefix = shape[:len(shape) - len(batch)]
    if replace:
        tail = list(shape[len(prefix):])
        tail.insert(axis, logits.shape[axis])
        g = _gumbel(key, (*prefix, *tail), dtype, mode, partitionable)
        return np.argmax(g + logits, axis=len(prefix) + axis).astype(np.int32)
    k = math.prod(prefix)
    if k > logits.shape[axis]:
        raise ValueError(f"Number of samples without replacement ({k}) cannot exceed number of "
                         f"categories ({logits.shape[axis]}).")
    g = (logits + _gumbel(key, logits.shape, dtype, mode, partitionable)).astype(dtype)
    top = _top_k(np.moveaxis(g, axis, -1), k)  # batch + (k,)
    return np.moveaxis(top, -1, 0).reshape(shape).astype(np.int32)


def _top_k(values, k):
    """Indices of the k largest along the last axis, largest first, ties by lower index (XLA TopK)."""
    return np.argsort(-values, axis=-1, kind="stable")[..., :k]


def _float_array(value, name, integers=False):
    """A float array as jax holds it by default: float16/bfloat16 stay, any other float (and, with
    ``integers``, integer) array becomes float32."""
    array = np.asarray(value)
    if array.dtype == np.float16 or array.dtype == _maybe_bfloat16():
        return array
    if array.dtype.kind not in ("fiub" if integers else "f"):
        raise TypeError(f"{name} must be an array of floats, got dtype {array.dtype}")
    return array.astype(np.float32)


def _axis(axis, ndim):
    """``axis`` of an ``ndim``-dimensional array (negative counts from the end) as 0 .. ndim-1."""
    axis = as_int(axis, "axis", -max(ndim, 1), max(ndim, 1) - 1)
    return axis % max(ndim, 1)


def bernoulli(key, p=0.5, shape=None, mode="low", *, partitionable=True):
    """``jax.random.bernoulli``: uniform < p, in p's dtype (float32 unless p is float16/bfloat16)."""
    key, partitionable = _key(key), _flag(partitionable, "partitionable")
    p = _float_array(p, "p")
    shape = p.shape if shape is None else _broadcastable(_shape(shape), p.shape, "bernoulli")
    dtype = p.dtype
    zero, one = np.array(0, dtype), np.array(1, dtype)
    if _mode(mode) == "high":
        u1, u2 = _uniform(key, (2, *shape), dtype, zero, one, partitionable)
        u2 = (u2 * np.array(2.0 ** -np.finfo(dtype).nmant, dtype)).astype(dtype)
        return u2 < (p - u1).astype(dtype)
    return _uniform(key, shape, dtype, zero, one, partitionable) < p


# ---- integers -----------------------------------------------------------------------------------

def _int_bounds(value, name, dtype):
    """minval/maxval as exact Python-int arrays (object dtype), checked against int64/uint64."""
    array = np.asarray(value)
    if array.dtype.kind == "f":
        if not np.all(np.isfinite(array)):
            raise ValueError(f"{name} must be finite, got {value!r}")
        array = np.trunc(array)  # jax casts float bounds with astype(int)
    elif array.dtype.kind not in "iuO":
        raise TypeError(f"{name} must be an integer or an array of integers, got {value!r}")
    ints = np.vectorize(lambda v: int(v), otypes=[object])(array) if array.size else array.astype(object)
    limit = 2**64 if dtype.kind == "u" else 2**63
    if array.size and (min(ints.ravel()) < -(2**63) or max(ints.ravel()) > limit):
        raise ValueError(f"{name} must be in [-2**63, {'2**64' if limit == 2**64 else '2**63'}], got {value!r}")
    return ints


def _randint(key, shape, minval, maxval, dtype, partitionable):
    """``jax.random._randint``: two draws of ``nbits`` bits folded into [minval, maxval) by
    ((hi % span) * (2**nbits % span) + lo % span) % span (unsigned, wrapping; x % 0 = x).
    ``minval``/``maxval`` are exact ints (object arrays), clipped to ``dtype``'s range; a maxval above
    it widens the span by one (so [0, 2**nbits) wraps the span to 0: every value)."""
    info = np.iinfo(dtype)
    nbits = info.bits
    udtype = np.dtype(f"uint{nbits}")
    mask = (1 << nbits) - 1
    clip = lambda v: min(max(v, info.min), info.max)  # noqa: E731

    def span_of(low, high):
        span = 1 if clip(high) <= clip(low) else (clip(high) - clip(low)) & mask
        return (span + 1) & mask if high > info.max and high > low else span

    spans = np.frompyfunc(span_of, 2, 1)(minval, maxval)
    span = np.broadcast_to(np.asarray(spans, dtype=object).astype(udtype), shape)
    start = np.broadcast_to(np.asarray(np.frompyfunc(lambda v: clip(v) & mask, 1, 1)(minval), object).astype(udtype), shape)
    k1, k2 = _split(key, (2,), partitionable)
    higher, lower = _random_bits(k1, nbits, shape, partitionable), _random_bits(k2, nbits, shape, partitionable)
    multiplier = _rem(np.array(1 << (nbits // 2), udtype), span)
    multiplier = _rem((multiplier * multiplier).astype(udtype), span)
    offset = _rem(_rem(higher, span) * multiplier + _rem(lower, span), span)
    return (start + offset).astype(udtype).view(dtype)


def _rem(a, b):
    """XLA's unsigned remainder: a % b, and a where b == 0."""
    a, b = np.broadcast_arrays(np.asarray(a), np.asarray(b))
    return np.where(b == 0, a, a % np.where(b == 0, 1, b)).astype(b.dtype)


def randint(key, shape, minval, maxval, dtype="int32", *, partitionable=True):
    """``jax.random.randint``: integers in [minval, maxval) of any integer dtype (64-bit dtypes as
    jax with x64). 8- and 16-bit dtypes are drawn as int32 (as jax does), bounds clipped to the dtype."""
    key, shape, partitionable = _key(key), _shape(shape), _flag(partitionable, "partitionable")
    dtype = _dtype(dtype, INT_DTYPES)
    low, high = _int_bounds(minval, "minval", dtype), _int_bounds(maxval, "maxval", dtype)
    _broadcastable(shape, _broadcast_shape(low, high, "randint"), "randint")
    if dtype.itemsize < 4:
        info = np.iinfo(dtype)
        for name, bound in (("minval", low), ("maxval", high)):
            if bound.size and (min(bound.ravel()) < -(2**31) or max(bound.ravel()) >= 2**31):
                raise ValueError(f"{name} must be in the int32 range for dtype {dtype}, got {bound!r}")
        clip = np.frompyfunc(lambda v, top: min(max(v, info.min), top), 2, 1)
        low, high = clip(low, info.max), clip(high, info.max + 1)
        return _randint(key, shape, low, high, np.dtype(np.int32), partitionable).astype(dtype)
    return _randint(key, shape, low, high, dtype, partitionable)


# ---- permutations and choices -------------------------------------------------------------------

def _shuffle(key, x, axis, partitionable):
    """``jax.random._shuffle``: ceil(3 ln n / ln(2**32 - 1)) rounds of a stable sort by fresh 32-bit keys."""
    rounds = int(np.ceil(3 * np.log(max(1, x.size)) / np.log(np.iinfo(np.uint32).max)))
    for _ in range(rounds):
        key, subkey = _split(key, (2,), partitionable)
        sort_keys = _random_bits(subkey, 32, x.shape, partitionable)
        x = np.take_along_axis(x, np.argsort(sort_keys, axis=axis, kind="stable"), axis=axis)
    return x


def _permute(key, x, axis, independent, partitionable):
    """``jax.random._permutation``: shuffle ``x`` itself (1-d or independent), else shuffle the indices
    along ``axis`` and take."""
    if independent or x.ndim == 1:
        return _shuffle(key, x, axis, partitionable)
    order = _shuffle(key, np.arange(x.shape[axis], dtype=np.int32), 0, partitionable)
    return np.take(x, order, axis=axis)


def permutation(key, x, axis=0, independent=False, *, partitionable=True):
    """``jax.random.permutation``: a shuffled ``arange(x)`` (int x) or array along ``axis``
    (``independent``: each slice along ``axis`` shuffled on its own)."""
    key, partitionable = _key(key), _flag(partitionable, "partitionable")
    independent = _flag(independent, "independent")
    array = np.asarray(x)
    if array.ndim == 0:
        n = as_int(x, "x", 0)
        return _shuffle(key, np.arange(n, dtype=np.int32), 0, partitionable)
    return _permute(key, array, _axis(axis, array.ndim), independent, partitionable)


def choice(key, a, shape=(), replace=True, p=None, axis=0, mode=None, *, partitionable=True):
    """``jax.random.choice``: ``shape`` draws from ``arange(a)`` (int a) or ``a`` along ``axis``,
    with or without replacement, uniform or with probabilities ``p``."""
    key, shape = _key(key), _shape(shape)
    partitionable, replace, mode = _flag(partitionable, "partitionable"), _flag(replace, "replace"), _mode(mode)
    array = np.asarray(a)
    if array.ndim == 0:
        n = as_int(a, "a")
    else:
        axis = _axis(axis, array.ndim)
        n = array.shape[axis]
    draws = math.prod(shape)
    out_shape = shape if array.ndim == 0 else array.shape[:axis] + shape + array.shape[axis + 1:]
    if draws == 0:
        return np.zeros(out_shape, dtype=np.int32 if array.ndim == 0 else array.dtype)
    if n <= 0:
        raise ValueError("a must be greater than 0 unless no samples are taken")
    if not replace and draws > n:
        raise ValueError(f"Cannot take a larger sample (size {draws}) than population (size {n}) when 'replace=False'")
    if p is None:
        if replace:
            index = _randint(key, shape, np.array(0, object), np.array(n, object), np.dtype(np.int32), partitionable)
        else:
            source = np.arange(n, dtype=np.int32) if array.ndim == 0 else array
            picked = _permute(key, source, 0 if array.ndim == 0 else axis, False, partitionable)
            picked = np.take(picked, np.arange(draws), axis=0 if array.ndim == 0 else axis)
            return picked.reshape(out_shape)
    else:
        probs = _float_array(p, "p", integers=True)
        if probs.shape != (n,):
            raise ValueError(f"p must be None or a 1D vector with the same size as a.shape[axis]. "
                             f"p has shape {probs.shape} and a.shape[axis] is {n}.")
        if replace:
            cumulative = _xla_cumsum(probs)
            u = _uniform(key, shape, probs.dtype, np.array(0, probs.dtype), np.array(1, probs.dtype), partitionable)
            r = (cumulative[-1] * (np.array(1, probs.dtype) - u)).astype(probs.dtype)
            index = np.searchsorted(cumulative, r, side="left").astype(np.int32)
        else:
            g = (_gumbel(key, (n,), probs.dtype, mode, partitionable) + _log(probs, probs.dtype)).astype(probs.dtype)
            index = _top_k(g, draws).astype(np.int32)
    result = index if array.ndim == 0 else np.take(array, index, axis=axis)
    return result.reshape(out_shape)


CUMSUM_BASE = 16  # XLA CPU's ReduceWindowRewriter base length


def _xla_cumsum(x):
    """``jnp.cumsum`` of a 1-d array as XLA's CPU rewrite computes it: blocks of 16 summed in order,
    the blocks' running totals (the same scheme, recursively) added to every element of the next."""
    n = x.size
    if n <= CUMSUM_BASE:
        return np.cumsum(x, dtype=x.dtype)
    padded = np.zeros(-(-n // CUMSUM_BASE) * CUMSUM_BASE, x.dtype)
    padded[:n] = x
    inner = np.cumsum(padded.reshape(-1, CUMSUM_BASE), axis=1, dtype=x.dtype)
    totals = _xla_cumsum(inner[:, -1])
    before = np.concatenate([np.zeros(1, x.dtype), totals[:-1]])
    return (inner + before[:, None]).astype(x.dtype).ravel()[:n]


__all__ = ["PRNGKey", "split", "fold_in", "bits", "uniform", "normal", "truncated_normal", "randint",
           "permutation", "choice", "bernoulli", "exponential", "gumbel", "categorical"]
