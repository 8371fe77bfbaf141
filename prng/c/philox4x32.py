"""Philox4x32-10 core over native/philox4x32.c (Random123 block, cuRAND order; AVX2 bulk path)."""

import numpy as np

from ._common import PhiloxStructCore, f64_out, lib, u32_out, u64_out


class Philox4x32Core(PhiloxStructCore):
    """Core state {"counter": uint32[4], "key": uint32[2], "buffer": uint32[4], "buffer_pos"}."""

    C_STRUCT = "prng_philox4x32_t"
    _bind = lib.prng_philox4x32_bitgen
    WORD = np.uint32

    def next_raw(self):
        return lib.prng_philox4x32_next_uint32(self._g)

    def fill_raw(self, out):
        lib.prng_philox4x32_fill_raw(self._g, u64_out(out), out.size)

    def fill_double(self, out):
        lib.prng_philox4x32_fill_double(self._g, f64_out(out), out.size)

    def fill_uint32(self, out):
        lib.prng_philox4x32_fill_uint32(self._g, u32_out(out), out.size)
