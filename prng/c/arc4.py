"""ARC4 core over native/arc4.c (seedrandom 3.0.5's RC4 keystream)."""

import numpy as np

from ._common import BitgenCore, array_copy, ffi, lib, u32_out, u64_out


class ARC4Core(BitgenCore):
    """Core state {"i", "j", "S": uint8[256]}; natural output g(4), 32 bits big-endian."""

    _bind = lib.prng_arc4_bitgen

    def __init__(self, state):
        g = ffi.new("prng_arc4_t *")
        np.frombuffer(ffi.buffer(g.S), dtype=np.uint8)[:] = state["S"]
        g.i, g.j = state["i"], state["j"]
        self._g = g

    def get(self):
        return {"i": self._g.i, "j": self._g.j, "S": array_copy(self._g.S, np.uint8)}

    def bytes(self, count):
        """seedrandom's g(count): the next ``count`` keystream bytes as a big-endian int."""
        out = bytearray(count)
        lib.prng_arc4_fill_bytes(self._g, ffi.from_buffer("uint8_t[]", out), count)
        return int.from_bytes(out, "big")

    def next_raw(self):
        return lib.prng_arc4_next_uint32(self._g)

    def fill_raw(self, out):
        lib.prng_arc4_fill_raw(self._g, u64_out(out), out.size)

    def fill_uint32(self, out):
        lib.prng_arc4_fill_uint32(self._g, u32_out(out), out.size)
