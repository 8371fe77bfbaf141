"""PCG64 (XSL-RR 128/64) and PCG64DXSM as numba kernels.

The state array is ``uint64[4] = [state_hi, state_lo, inc_hi, inc_lo]``, the
word order of numpy's ``pcg64_state`` (``pcg128_t {high, low}``).  Build one
with :func:`state_array` from a core-state dict, which is exactly
``numpy.random.PCG64(seed).state["state"]``.

``pcg64_next(state)`` / ``pcg64dxsm_next(state)`` return one uint64 and can be
called from your own ``@njit`` code; ``pcg64_fill(state, out)`` /
``pcg64dxsm_fill(state, out)`` fill a uint64 array.  All update ``state`` in
place and give numpy's ``random_raw`` stream.
"""
import numpy as np
from numba import njit
from numba.experimental import structref

from ._bitgen import BitGen, BitGenType, bind64
from ._core import Doubles64, KernelCore
from ._uint128 import mul_add

MULT_HI = np.uint64(0x2360ED051FC65DA4)
"""High word of PCG_DEFAULT_MULTIPLIER_128."""
MULT_LO = np.uint64(0x4385DF649FCCF645)
"""Low word of PCG_DEFAULT_MULTIPLIER_128."""
CHEAP_MULT = np.uint64(0xDA942042E4DD58B5)
"""PCG_CHEAP_MULTIPLIER_128, the DXSM multiplier."""

CHAINS = 4
"""Interleaved LCG chains in the bulk DXSM fill."""

_ZERO = np.uint64(0)
_ONE = np.uint64(1)
_MASK64 = (1 << 64) - 1


def state_array(core):
    """The uint64[4] state array of a ``{"state", "inc"}`` core-state dict."""
    words = [core["state"] >> 64, core["state"] & _MASK64,
             core["inc"] >> 64, core["inc"] & _MASK64]
    return np.array(words, dtype=np.uint64)


def core_state(state):
    """The ``{"state", "inc"}`` core-state dict of a state array."""
    hi, lo, inc_hi, inc_lo = (int(word) for word in state)
    return {"state": (hi << 64) | lo, "inc": (inc_hi << 64) | inc_lo}


@njit(cache=True)
def _rotr64(value, rot):
    """Rotate a uint64 right by ``rot`` (0..63) bits (numpy's ``pcg64_rotr``)."""
    return (value >> rot) | (value << ((np.uint64(64) - rot) & np.uint64(63)))


@njit(cache=True)
def _xsl_rr(hi, lo):
    """XSL-RR output of a 128-bit state (numpy's ``pcg_output_xsl_rr_128_64``)."""
    return _rotr64(hi ^ lo, hi >> np.uint64(58))


@njit(cache=True)
def _dxsm(hi, lo):
    """DXSM output of a 128-bit state (numpy's ``pcg_cm_random_r`` output half)."""
    lo |= _ONE
    hi ^= hi >> np.uint64(32)
    hi *= CHEAP_MULT
    hi ^= hi >> np.uint64(48)
    return hi * lo


@njit(cache=True)
def pcg64_next(state):
    """One PCG64 output: step, then XSL-RR of the new state (numpy ``pcg64_next64``)."""
    hi, lo = mul_add(state[0], state[1], MULT_HI, MULT_LO, state[2], state[3])
    state[0], state[1] = hi, lo
    return _xsl_rr(hi, lo)


@njit(cache=True)
def pcg64_fill(state, out):
    """``out[i] = pcg64_next(state)`` for every i, with the state held in registers."""
    hi, lo, inc_hi, inc_lo = state[0], state[1], state[2], state[3]
    for i in range(out.size):
        hi, lo = mul_add(hi, lo, MULT_HI, MULT_LO, inc_hi, inc_lo)
        out[i] = _xsl_rr(hi, lo)
    state[0], state[1] = hi, lo


@njit(cache=True)
def pcg64dxsm_next(state):
    """One PCG64DXSM output: DXSM of the old state, then a cheap-multiplier step
    (numpy ``pcg64_cm_next64``)."""
    hi, lo = state[0], state[1]
    state[0], state[1] = mul_add(hi, lo, _ZERO, CHEAP_MULT, state[2], state[3])
    return _dxsm(hi, lo)


@njit(cache=True)
def _cheap_steps(count, inc_hi, inc_lo):
    """``(mult_hi, mult_lo, plus_hi, plus_lo)`` of ``count`` (a power of two) DXSM steps composed:
    ``x -> mult*x + plus`` (mod 2**128)."""
    m_hi, m_lo, c_hi, c_lo = _ZERO, CHEAP_MULT, inc_hi, inc_lo
    while count > 1:  # (m, c) -> (m*m, m*c + c): the map applied twice
        c_hi, c_lo = mul_add(m_hi, m_lo, c_hi, c_lo, c_hi, c_lo)
        m_hi, m_lo = mul_add(m_hi, m_lo, m_hi, m_lo, _ZERO, _ZERO)
        count //= 2
    return m_hi, m_lo, c_hi, c_lo


@njit(cache=True)
def pcg64dxsm_fill(state, out):
    """``out[i] = pcg64dxsm_next(state)`` for every i.

    In bulk, four interleaved chains hold the states ``s_i .. s_(i+3)`` and each moves four steps
    at a time, so that their multiplies overlap instead of waiting on one another.
    """
    hi, lo, inc_hi, inc_lo = state[0], state[1], state[2], state[3]
    i = 0
    if out.size >= 2 * CHAINS:
        m_hi, m_lo, c_hi, c_lo = _cheap_steps(CHAINS, inc_hi, inc_lo)
        x0 = (hi, lo)
        x1 = mul_add(x0[0], x0[1], _ZERO, CHEAP_MULT, inc_hi, inc_lo)
        x2 = mul_add(x1[0], x1[1], _ZERO, CHEAP_MULT, inc_hi, inc_lo)
        x3 = mul_add(x2[0], x2[1], _ZERO, CHEAP_MULT, inc_hi, inc_lo)
        while out.size - i >= CHAINS:
            out[i], out[i + 1] = _dxsm(x0[0], x0[1]), _dxsm(x1[0], x1[1])
            out[i + 2], out[i + 3] = _dxsm(x2[0], x2[1]), _dxsm(x3[0], x3[1])
            x0 = mul_add(x0[0], x0[1], m_hi, m_lo, c_hi, c_lo)
            x1 = mul_add(x1[0], x1[1], m_hi, m_lo, c_hi, c_lo)
            x2 = mul_add(x2[0], x2[1], m_hi, m_lo, c_hi, c_lo)
            x3 = mul_add(x3[0], x3[1], m_hi, m_lo, c_hi, c_lo)
            i += CHAINS
        hi, lo = x0
    for k in range(i, out.size):
        out[k] = _dxsm(hi, lo)
        hi, lo = mul_add(hi, lo, _ZERO, CHEAP_MULT, inc_hi, inc_lo)
    state[0], state[1] = hi, lo


@structref.register
class PCG64BitGenType(BitGenType):
    """numba type of a PCG64 core's ``bitgen``."""


class PCG64BitGen(BitGen):
    """A PCG64 core's ``bitgen`` (prng.numba._bitgen)."""


bind64(PCG64BitGenType, PCG64BitGen, pcg64_next, pcg64_fill)

@structref.register
class PCG64DXSMBitGenType(BitGenType):
    """numba type of a PCG64DXSM core's ``bitgen``."""


class PCG64DXSMBitGen(BitGen):
    """A PCG64DXSM core's ``bitgen`` (prng.numba._bitgen)."""


bind64(PCG64DXSMBitGenType, PCG64DXSMBitGen, pcg64dxsm_next, pcg64dxsm_fill)


class PCG64Core(Doubles64, KernelCore):
    """numba core of :class:`prng.PCG64` (numpy's PCG64 stream)."""

    handle = PCG64BitGen
    to_array = staticmethod(state_array)
    from_array = staticmethod(core_state)
    next_kernel = staticmethod(pcg64_next)
    fill_kernel = staticmethod(pcg64_fill)


class PCG64DXSMCore(Doubles64, KernelCore):
    """numba core of :class:`prng.PCG64DXSM` (numpy's PCG64DXSM stream)."""

    handle = PCG64DXSMBitGen
    to_array = staticmethod(state_array)
    from_array = staticmethod(core_state)
    next_kernel = staticmethod(pcg64dxsm_next)
    fill_kernel = staticmethod(pcg64dxsm_fill)
