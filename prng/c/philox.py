"""Philox4x64-10 core over native/philox.c (numpy's philox.h: counter += 1, then the block)."""

import numpy as np

from ._common import PhiloxStructCore, f64_out, lib, u64_out


class PhiloxCore(PhiloxStructCore):
    """Core state {"counter": uint64[4], "key": uint64[2], "buffer": uint64[4], "buffer_pos"}."""

    C_STRUCT = "prng_philox_t"
    _bind = lib.prng_philox_bitgen
    WORD = np.uint64

    def next_raw(self):
        return lib.prng_philox_next_uint64(self._g)

    def fill_raw(self, out):
        lib.prng_philox_fill_uint64(self._g, u64_out(out), out.size)

    def fill_double(self, out):
        lib.prng_philox_fill_double(self._g, f64_out(out), out.size)
