"""PCG64 and PCG64DXSM cores over native/pcg64.c (numpy's pcg64.h, bulk fills on 4 interleaved chains)."""

from ._common import BitgenCore, f64_out, ffi, join128, lib, split128, u64_out


class PCG64Core(BitgenCore):
    """Core state {"state", "inc"} (128-bit ints); natural output 64 bits (XSL-RR of the new state)."""

    _bind = lib.prng_pcg64_bitgen
    _next = lib.prng_pcg64_next_uint64
    _fill = lib.prng_pcg64_fill_uint64
    _fill_double = lib.prng_pcg64_fill_double

    def __init__(self, state):
        g = ffi.new("prng_pcg64_t *")
        g.state_hi, g.state_lo = split128(state["state"])
        g.inc_hi, g.inc_lo = split128(state["inc"])
        self._g = g

    def get(self):
        g = self._g
        return {"state": join128(g.state_hi, g.state_lo), "inc": join128(g.inc_hi, g.inc_lo)}

    def next_raw(self):
        return self._next(self._g)

    def fill_raw(self, out):
        self._fill(self._g, u64_out(out), out.size)

    def fill_double(self, out):
        self._fill_double(self._g, f64_out(out), out.size)


class PCG64DXSMCore(PCG64Core):
    """Same state; DXSM output of the old state, then a step with the cheap multiplier."""

    _bind = lib.prng_pcg64dxsm_bitgen
    _next = lib.prng_pcg64dxsm_next_uint64
    _fill = lib.prng_pcg64dxsm_fill_uint64
    _fill_double = lib.prng_pcg64dxsm_fill_double
