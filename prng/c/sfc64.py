"""SFC64 core over native/sfc64.c (numpy's sfc64.h)."""

import numpy as np

from ._common import BitgenCore, array_copy, f64_out, ffi, lib, u64_out


class SFC64Core(BitgenCore):
    """Core state {"state": uint64[4]} (a, b, c, counter)."""

    _bind = lib.prng_sfc64_bitgen

    def __init__(self, state):
        self._g = ffi.new("prng_sfc64_t *")
        self._g.s = [int(w) for w in state["state"]]

    def get(self):
        return {"state": array_copy(self._g.s, np.uint64)}

    def next_raw(self):
        return lib.prng_sfc64_next_uint64(self._g)

    def fill_raw(self, out):
        lib.prng_sfc64_fill_uint64(self._g, u64_out(out), out.size)

    def fill_double(self, out):
        lib.prng_sfc64_fill_double(self._g, f64_out(out), out.size)
