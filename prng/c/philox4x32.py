"""Philox4x32-10 core over native/philox4x32.c (Random123 block, cuRAND order; AVX2 bulk path)."""

import numpy as np

from ._common import array_copy, ffi, lib, u32_out, u64_out


class Philox4x32Core:
    """Core state {"counter": uint32[4], "key": uint32[2], "buffer": uint32[4], "buffer_pos"}."""

    def __init__(self, state):
        g = ffi.new("prng_philox4x32_t *")
        g.counter = [int(w) for w in state["counter"]]
        g.key = [int(w) for w in state["key"]]
        g.buffer = [int(w) for w in state["buffer"]]
        g.buffer_pos = state["buffer_pos"]
        self._g = g

    def get(self):
        g = self._g
        return {
            "counter": array_copy(g.counter, np.uint32),
            "key": array_copy(g.key, np.uint32),
            "buffer": array_copy(g.buffer, np.uint32),
            "buffer_pos": g.buffer_pos,
        }

    def next_raw(self):
        return lib.prng_philox4x32_next_uint32(self._g)

    def fill_raw(self, out):
        lib.prng_philox4x32_fill_raw(self._g, u64_out(out), out.size)

    def fill_uint32(self, out):
        lib.prng_philox4x32_fill_uint32(self._g, u32_out(out), out.size)
