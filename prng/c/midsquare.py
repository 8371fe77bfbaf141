"""MidSquare core over native/midsquare.c (von Neumann's decimal middle-square)."""

from ._common import BitgenCore, ffi, lib, u64_out


class MidSquareCore(BitgenCore):
    """Core state {"value", "digits"}; natural output the new value."""

    _bind = lib.prng_midsquare_bitgen

    def __init__(self, state):
        g = ffi.new("prng_midsquare_t *")
        g.value = state["value"]
        g.digits = state["digits"]
        self._g = g

    def get(self):
        return {"value": self._g.value, "digits": self._g.digits}

    def next_raw(self):
        return lib.prng_midsquare_next_uint64(self._g)

    def fill_raw(self, out):
        lib.prng_midsquare_fill_uint64(self._g, u64_out(out), out.size)
