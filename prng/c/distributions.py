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
