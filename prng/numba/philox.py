"""Philox 4x64-10 as numba kernels (numpy's ``philox_next64``, Random123 ``philox4x64_R``).

The state array is ``uint64[11]``: counter words 0..3 (word 0 least
significant), key words 4..5, buffer words 6..9, then ``buffer_pos`` (0..4)
at index 10 (see ``_buffered``).  Build one with :func:`state_array` from a
core-state dict (numpy's ``state["state"]`` counter and key plus its
``buffer`` and ``buffer_pos``).

``philox_next(state)`` returns one uint64 from your own ``@njit`` code;
``philox_fill(state, out)`` fills a uint64 array.  Both update ``state`` in
place and give numpy's ``random_raw`` stream.
"""
import numpy as np
from numba import njit
from numba.experimental import structref

from ._buffered import (BLOCK, BUFFER, BUFFER_POS, COUNTER, KEY, ROUNDS, buffered_next, buffered_state_array,
                        drain, increment_counter, philox_rounds)
from ._buffered import buffered_core_state as core_state
from ._bitgen import BitGen, BitGenType, bind64
from ._core import Doubles64, KernelCore
from ._uint128 import mul_wide

_M0 = np.uint64(0xD2E7470EE14C6C93)
_M1 = np.uint64(0xCA5A826395121157)
_W0 = np.uint64(0x9E3779B97F4A7C15)
_W1 = np.uint64(0xBB67AE8584CAA73B)


def state_array(core):
    """The uint64[11] state array of a ``{"counter", "key", "buffer", "buffer_pos"}`` dict."""
    return buffered_state_array(core, np.uint64)


@njit(cache=True)
def _round(c0, c1, c2, c3, k0, k1):
    """One Philox4x64 round (Random123 ``philox4x64round``)."""
    hi0, lo0 = mul_wide(_M0, c0)
    hi1, lo1 = mul_wide(_M1, c2)
    return hi1 ^ c1 ^ k0, lo1, hi0 ^ c3 ^ k1, lo0


@njit(cache=True)
def _bump(k0, k1):
    """The key of the next round (Random123 ``philox4x64bumpkey``)."""
    return k0 + _W0, k1 + _W1


@njit(cache=True)
def philox4x64_10(c0, c1, c2, c3, k0, k1):
    """Random123's ``philox4x64_R(10, ctr, key)``: the four output words of one block."""
    return philox_rounds(_round, _bump, c0, c1, c2, c3, k0, k1)


@njit(cache=True)
def _refill(state):
    """numpy's order: counter += 1, then buffer = the block of the new counter; ``buffer_pos = 0``."""
    increment_counter(state)
    block = philox4x64_10(state[COUNTER], state[COUNTER + 1], state[COUNTER + 2],
                          state[COUNTER + 3], state[KEY], state[KEY + 1])
    for w in range(BLOCK):
        state[BUFFER + w] = block[w]
    state[BUFFER_POS] = 0


@njit(cache=True)
def _two_blocks(a, b, k0, k1):
    """``philox4x64_10`` of two counters (4-tuples) round by round, so that their multiplies overlap."""
    for r in range(ROUNDS):
        if r:
            k0, k1 = _bump(k0, k1)
        a = _round(a[0], a[1], a[2], a[3], k0, k1)
        b = _round(b[0], b[1], b[2], b[3], k0, k1)
    return a, b


@njit(cache=True)
def _next_counter(state):
    """Counter += 1; returns the new counter as a 4-tuple."""
    increment_counter(state)
    return state[COUNTER], state[COUNTER + 1], state[COUNTER + 2], state[COUNTER + 3]


@njit(cache=True)
def philox_next(state):
    """One 64-bit output (numpy's ``philox_next64``)."""
    return buffered_next(state, _refill)


@njit(cache=True)
def philox_fill(state, out):
    """``out[i] = philox_next(state)`` for every i; two blocks at a time in bulk."""
    i = drain(state, out, 0)
    k0, k1 = state[KEY], state[KEY + 1]
    while out.size - i >= 2 * BLOCK:
        first = _next_counter(state)
        second = _next_counter(state)
        first, second = _two_blocks(first, second, k0, k1)
        out[i], out[i + 1], out[i + 2], out[i + 3] = first
        out[i + 4], out[i + 5], out[i + 6], out[i + 7] = second
        state[BUFFER], state[BUFFER + 1], state[BUFFER + 2], state[BUFFER + 3] = second
        state[BUFFER_POS] = BLOCK
        i += 2 * BLOCK
    while i < out.size:
        out[i] = philox_next(state)
        i += 1


@structref.register
class PhiloxBitGenType(BitGenType):
    """numba type of a Philox core's ``bitgen``."""


class PhiloxBitGen(BitGen):
    """A Philox core's ``bitgen`` (prng.numba._bitgen)."""


bind64(PhiloxBitGenType, PhiloxBitGen, philox_next, philox_fill)


class PhiloxCore(Doubles64, KernelCore):
    """numba core of :class:`prng.Philox` (numpy's Philox 4x64-10 stream)."""

    handle = PhiloxBitGen
    to_array = staticmethod(state_array)
    from_array = staticmethod(core_state)
    next_kernel = staticmethod(philox_next)
    fill_kernel = staticmethod(philox_fill)
