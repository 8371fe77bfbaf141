"""Plumbing shared by the C cores: the compiled module, array pointers, 128-bit halves, the samplers'
bit-generator handle every core has, and the base of the counter-based cores (Philox, Philox4x32,
Threefry, Threefry2x32)."""

import functools

import numpy as np

from .._prng_c import ffi, lib  # noqa: F401  (re-exported to the cores)

M64 = (1 << 64) - 1
_UINT64_ARRAY = ffi.typeof("uint64_t[]")
_UINT32_ARRAY = ffi.typeof("uint32_t[]")
_DOUBLE_ARRAY = ffi.typeof("double[]")


def u64_out(out):
    """uint64_t * to a writable C-contiguous uint64 array's data (no copy, nothing allocated in C)."""
    return ffi.from_buffer(_UINT64_ARRAY, out, True)  # True: require_writable


def u32_out(out):
    """uint32_t * to a writable C-contiguous uint32 array's data."""
    return ffi.from_buffer(_UINT32_ARRAY, out, True)


def f64_out(out):
    """double * to a writable C-contiguous float64 array's data."""
    return ffi.from_buffer(_DOUBLE_ARRAY, out, True)


def array_copy(field, dtype):
    """A numpy copy of a C array field of a state struct."""
    return np.frombuffer(ffi.buffer(field), dtype=dtype).copy()


def split128(value):
    """(hi, lo) 64-bit halves of a 128-bit int."""
    return value >> 64, value & M64


def join128(hi, lo):
    return (hi << 64) | lo


class BitgenCore:
    """Base of every C core: ``bitgen``, the ``prng_bitgen_t *`` over the core's struct ``_g`` that the
    samplers (native/distributions.h, prng.c.distributions) draw from. A subclass names its binder
    ``_bind`` (``lib.prng_<algo>_bitgen``). The front moves numpy's buffered uint32 half in and out
    around each sampler call (``load_uint32_buffer`` / ``uint32_buffer``)."""

    _bind = None

    @functools.cached_property
    def bitgen(self):
        bg = ffi.new("prng_bitgen_t *")
        self._bind(bg, self._g)
        return bg

    def load_uint32_buffer(self, has_uint32, uinteger):
        bg = self.bitgen
        bg.has_uint32, bg.uinteger = has_uint32, uinteger

    def uint32_buffer(self):
        bg = self.bitgen
        return bg.has_uint32, bg.uinteger


class PhiloxStructCore(BitgenCore):
    """A core over a C counter-based struct with core state ``{"counter": word[n], "key": word[k],
    "buffer": word[n], "buffer_pos"}``; a subclass names the struct (``C_STRUCT``), the numpy type of
    its words (``WORD``) and its C functions (``next_raw``, ``fill_raw``, ...)."""

    C_STRUCT = None
    WORD = None

    def __init__(self, state):
        g = ffi.new(f"{self.C_STRUCT} *")
        g.counter = [int(w) for w in state["counter"]]
        g.key = [int(w) for w in state["key"]]
        g.buffer = [int(w) for w in state["buffer"]]
        g.buffer_pos = state["buffer_pos"]
        self._g = g

    def get(self):
        g = self._g
        return {
            "counter": array_copy(g.counter, self.WORD),
            "key": array_copy(g.key, self.WORD),
            "buffer": array_copy(g.buffer, self.WORD),
            "buffer_pos": g.buffer_pos,
        }
