"""MT19937 core over native/mt19937.c (numpy's mt19937.h, mt19937-jump.c)."""

import numpy as np

from ._common import BitgenCore, array_copy, f64_out, ffi, lib, u32_out, u64_out


class MT19937Core(BitgenCore):
    """Core state {"key": uint32[624], "pos"}; natural output 32 bits."""

    _bind = lib.prng_mt19937_bitgen

    def __init__(self, state):
        g = ffi.new("prng_mt19937_t *")
        np.frombuffer(ffi.buffer(g.key), dtype=np.uint32)[:] = state["key"]
        g.pos = state["pos"]
        self._g = g

    def get(self):
        return {"key": array_copy(self._g.key, np.uint32), "pos": self._g.pos}

    @staticmethod
    def init_by_array(words):
        """mt19937ar's init_by_array in C: the key (uint32[624]) for a non-empty list of 32-bit words."""
        g = ffi.new("prng_mt19937_t *")
        lib.prng_mt19937_init_by_array(g, ffi.new("uint32_t[]", words), len(words))
        return array_copy(g.key, np.uint32)

    def next_raw(self):
        return lib.prng_mt19937_next_uint32(self._g)

    def fill_raw(self, out):
        lib.prng_mt19937_fill_raw(self._g, u64_out(out), out.size)

    def fill_double(self, out):
        lib.prng_mt19937_fill_double(self._g, f64_out(out), out.size)

    def fill_uint32(self, out):
        lib.prng_mt19937_fill_uint32(self._g, u32_out(out), out.size)

    def jump(self):
        """One numpy jump: 2**128 steps ahead."""
        lib.prng_mt19937_jump(self._g)
