"""Threefry 4x64-20 and 2x32-20 cores over native/threefry.c (randomgen's order: counter += 1, then the block)."""

import numpy as np

from ._common import PhiloxStructCore, f64_out, lib, u32_out, u64_out


class ThreefryCore(PhiloxStructCore):
    """Core state {"counter": uint64[4], "key": uint64[4], "buffer": uint64[4], "buffer_pos"}."""

    _bind = lib.prng_threefry_bitgen

    C_STRUCT = "prng_threefry_t"
    WORD = np.uint64

    def next_raw(self):
        return lib.prng_threefry_next_uint64(self._g)

    def fill_raw(self, out):
        lib.prng_threefry_fill_uint64(self._g, u64_out(out), out.size)

    def fill_double(self, out):
        lib.prng_threefry_fill_double(self._g, f64_out(out), out.size)


class Threefry2x32Core(PhiloxStructCore):
    """Core state {"counter": uint32[2], "key": uint32[2], "buffer": uint32[2], "buffer_pos"}."""

    _bind = lib.prng_threefry2x32_bitgen

    C_STRUCT = "prng_threefry2x32_t"
    WORD = np.uint32

    def next_raw(self):
        return lib.prng_threefry2x32_next_uint32(self._g)

    def fill_raw(self, out):
        lib.prng_threefry2x32_fill_raw(self._g, u64_out(out), out.size)

    def fill_double(self, out):
        lib.prng_threefry2x32_fill_double(self._g, f64_out(out), out.size)

    def fill_uint32(self, out):
        lib.prng_threefry2x32_fill_uint32(self._g, u32_out(out), out.size)
