"""MiddleSquareWeyl core over native/msws.c (Widynski's msws32)."""

from ._common import BitgenCore, f64_out, ffi, lib, u32_out, u64_out


class MiddleSquareWeylCore(BitgenCore):
    """Core state {"x", "w", "s"} (64-bit ints, s odd); natural output 32 bits."""

    _bind = lib.prng_msws_bitgen

    def __init__(self, state):
        g = ffi.new("prng_msws_t *")
        g.x, g.w, g.s = state["x"], state["w"], state["s"]
        self._g = g

    def get(self):
        return {"x": self._g.x, "w": self._g.w, "s": self._g.s}

    def next_raw(self):
        return lib.prng_msws_next_uint32(self._g)

    def fill_raw(self, out):
        lib.prng_msws_fill_raw(self._g, u64_out(out), out.size)

    def fill_double(self, out):
        lib.prng_msws_fill_double(self._g, f64_out(out), out.size)

    def fill_uint32(self, out):
        lib.prng_msws_fill_uint32(self._g, u32_out(out), out.size)
