"""Philox4x64-10 core over native/philox.c (numpy's philox.h: counter += 1, then the block)."""

import numpy as np

from ._common import array_copy, ffi, lib, u64_out


class PhiloxCore:
    """Core state {"counter": uint64[4], "key": uint64[2], "buffer": uint64[4], "buffer_pos"}."""

    def __init__(self, state):
        g = ffi.new("prng_philox_t *")
        g.counter = [int(w) for w in state["counter"]]
        g.key = [int(w) for w in state["key"]]
        g.buffer = [int(w) for w in state["buffer"]]
        g.buffer_pos = state["buffer_pos"]
        self._g = g

    def get(self):
        g = self._g
        return {
            "counter": array_copy(g.counter, np.uint64),
            "key": array_copy(g.key, np.uint64),
            "buffer": array_copy(g.buffer, np.uint64),
            "buffer_pos": g.buffer_pos,
        }

    def next_raw(self):
        return lib.prng_philox_next_uint64(self._g)

    def fill_raw(self, out):
        lib.prng_philox_fill_uint64(self._g, u64_out(out), out.size)
