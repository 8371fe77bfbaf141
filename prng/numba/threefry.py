"""Threefry 4x64-20 and 2x32-20 (Random123 ``threefry4x64_R`` / ``threefry2x32_R``) as numba kernels,
in randomgen's order (counter += 1, then the block).

State arrays: ``uint64[13]`` for Threefry (counter words 0..3, word 0 least significant, key words
4..7, buffer words 8..11, ``buffer_pos`` at 12) and ``uint32[7]`` for Threefry2x32 (counter 0..1,
key 2..3, buffer 4..5, ``buffer_pos`` at 6): n counter words, n key words, n buffer words, the
position.  Build one with :func:`state_array` from a core-state dict.

``threefry_next(state)`` / ``threefry2x32_next(state)`` return one natural output from your own
``@njit`` code; ``threefry_fill`` / ``threefry2x32_fill`` fill an array.  ``threefry4x64_20`` and
``threefry2x32_20`` are the bare block functions.
"""
import numpy as np
from numba import njit
from numba.experimental import structref

from ._bitgen import BitGen, BitGenType, bind32, bind64
from ._core import Doubles32, Doubles64, Kernel32Core, KernelCore

_PARITY64 = np.uint64(0x1BD11BDAA9FC1A22)
_PARITY32 = np.uint32(0x1BD11BDA)
_R = tuple(np.uint64(r) for r in range(64))  # rotation amounts as uint64 constants
_S = tuple(np.uint32(r) for r in range(32))
_ONE = np.uint32(1)  # uint64 + uint32 stays uint64 in numba (a plain 1 would make it a float)


def state_array(core):
    """The state array of a ``{"counter", "key", "buffer", "buffer_pos"}`` dict (dtype of its words)."""
    words = core["counter"]
    return np.concatenate([words, core["key"], core["buffer"], np.array([core["buffer_pos"]], dtype=words.dtype)])


def core_state(state):
    """The ``{"counter", "key", "buffer", "buffer_pos"}`` core-state dict of a state array."""
    n = (state.size - 1) // 3
    return {"counter": state[:n].copy(), "key": state[n:2 * n].copy(),
            "buffer": state[2 * n:3 * n].copy(), "buffer_pos": int(state[3 * n])}


@njit(cache=True)
def _rotl64(x, r):
    return (x << r) | (x >> (np.uint64(64) - r))


@njit(cache=True)
def _rotl32(x, r):
    return np.uint32((x << r) | (x >> (np.uint32(32) - r)))


@njit(cache=True)
def _mix(a, b, r):
    """One Threefry mix: a += b; b = rotl(b, r) ^ a (uint64)."""
    a += b
    return a, _rotl64(b, r) ^ a


@njit(cache=True)
def _rounds4x64(x0, x1, x2, x3, ra0, rb0, ra1, rb1, ra2, rb2, ra3, rb3):
    """Four Threefry4x64 rounds: even rounds mix (x0, x1) and (x2, x3), odd ones (x0, x3) and (x2, x1)."""
    x0, x1 = _mix(x0, x1, ra0)
    x2, x3 = _mix(x2, x3, rb0)
    x0, x3 = _mix(x0, x3, ra1)
    x2, x1 = _mix(x2, x1, rb1)
    x0, x1 = _mix(x0, x1, ra2)
    x2, x3 = _mix(x2, x3, rb2)
    x0, x3 = _mix(x0, x3, ra3)
    x2, x1 = _mix(x2, x1, rb3)
    return x0, x1, x2, x3


@njit(cache=True)
def threefry4x64_20(c0, c1, c2, c3, k0, k1, k2, k3):
    """Random123's ``threefry4x64_R(20, ctr, key)``: the four uint64 output words of one block.

    Five groups of four rounds (rotations R_64x4_0..3, then 4..7, alternately); after group s - 1 the
    key schedule word (s + i) mod 5 is added to word i, and s to word 3."""
    ks = (k0, k1, k2, k3, _PARITY64 ^ k0 ^ k1 ^ k2 ^ k3)
    x0, x1, x2, x3 = c0 + k0, c1 + k1, c2 + k2, c3 + k3
    for s in range(1, 6):
        if s % 2:
            x0, x1, x2, x3 = _rounds4x64(x0, x1, x2, x3, _R[14], _R[16], _R[52], _R[57], _R[23], _R[40], _R[5], _R[37])
        else:
            x0, x1, x2, x3 = _rounds4x64(x0, x1, x2, x3, _R[25], _R[33], _R[46], _R[12], _R[58], _R[22], _R[32], _R[32])
        x0 += ks[s % 5]
        x1 += ks[(s + 1) % 5]
        x2 += ks[(s + 2) % 5]
        x3 += ks[(s + 3) % 5] + np.uint64(s)
    return x0, x1, x2, x3


@njit(cache=True)
def _rounds2x32(x0, x1, r0, r1, r2, r3):
    """Four Threefry2x32 rounds: x0 += x1; x1 = rotl(x1, r) ^ x0."""
    x0 = np.uint32(x0 + x1)
    x1 = _rotl32(x1, r0) ^ x0
    x0 = np.uint32(x0 + x1)
    x1 = _rotl32(x1, r1) ^ x0
    x0 = np.uint32(x0 + x1)
    x1 = _rotl32(x1, r2) ^ x0
    x0 = np.uint32(x0 + x1)
    x1 = _rotl32(x1, r3) ^ x0
    return x0, x1


@njit(cache=True)
def threefry2x32_20(c0, c1, k0, k1):
    """Random123's ``threefry2x32_R(20, ctr, key)`` (JAX's threefry_2x32): the two uint32 output words.

    Five groups of four rounds (rotations 13 15 26 6, then 17 29 16 24, alternately); after group s - 1,
    x0 += ks[s mod 3], x1 += ks[(s + 1) mod 3] + s with ks = (k0, k1, k0 ^ k1 ^ parity)."""
    ks = (np.uint32(k0), np.uint32(k1), np.uint32(_PARITY32 ^ k0 ^ k1))
    x0, x1 = np.uint32(c0 + k0), np.uint32(c1 + k1)
    for s in range(1, 6):
        if s % 2:
            x0, x1 = _rounds2x32(x0, x1, _S[13], _S[15], _S[26], _S[6])
        else:
            x0, x1 = _rounds2x32(x0, x1, _S[17], _S[29], _S[16], _S[24])
        x0 = np.uint32(x0 + ks[s % 3])
        x1 = np.uint32(x1 + ks[(s + 1) % 3] + np.uint32(s))
    return x0, x1


@njit(cache=True)
def _increment(state, n):
    """Counter (words 0..n-1, word 0 least significant) += 1, with carry, wrapping at the top."""
    for w in range(n):
        state[w] += _ONE
        if state[w] != 0:
            break


@njit(cache=True)
def _refill4x64(state):
    """Counter += 1, then the buffer = the block of the new counter (words 8..11)."""
    _increment(state, 4)
    block = threefry4x64_20(state[0], state[1], state[2], state[3], state[4], state[5], state[6], state[7])
    for w in range(4):
        state[8 + w] = block[w]


@njit(cache=True)
def _refill2x32(state):
    """Counter += 1, then the buffer = the block of the new counter (words 4..5)."""
    _increment(state, 2)
    state[4], state[5] = threefry2x32_20(state[0], state[1], state[2], state[3])


@njit(cache=True, inline="always")
def _next(state, n, refill):
    """``buffer[buffer_pos++]``, refilling first when all ``n`` words are used."""
    if state[3 * n] == n:
        refill(state)
        state[3 * n] = 0
    pos = state[3 * n]
    state[3 * n] = pos + _ONE
    return state[2 * n + pos]


@njit(cache=True, inline="always")
def _fill(state, out, n, refill):
    """``out[i] = next`` for every i: whole blocks are computed straight into the buffer and copied."""
    i = 0
    while i < out.size and state[3 * n] < n:
        out[i] = _next(state, n, refill)
        i += 1
    while out.size - i >= n:
        refill(state)
        for w in range(n):
            out[i + w] = state[2 * n + w]
        i += n
    while i < out.size:
        out[i] = _next(state, n, refill)
        i += 1


@njit(cache=True)
def threefry_next(state):
    """One 64-bit output of Threefry 4x64-20."""
    return _next(state, 4, _refill4x64)


@njit(cache=True)
def threefry_fill(state, out):
    """``out[i] = threefry_next(state)`` for every i."""
    _fill(state, out, 4, _refill4x64)


@njit(cache=True)
def threefry2x32_next(state):
    """One 32-bit output of Threefry 2x32-20."""
    return _next(state, 2, _refill2x32)


@njit(cache=True)
def threefry2x32_fill(state, out):
    """``out[i] = threefry2x32_next(state)`` for every i (a uint64 or uint32 array)."""
    _fill(state, out, 2, _refill2x32)


@structref.register
class ThreefryBitGenType(BitGenType):
    """numba type of a Threefry core's ``bitgen``."""


class ThreefryBitGen(BitGen):
    """A Threefry core's ``bitgen`` (prng.numba._bitgen)."""


bind64(ThreefryBitGenType, ThreefryBitGen, threefry_next, threefry_fill)


@structref.register
class Threefry2x32BitGenType(BitGenType):
    """numba type of a Threefry2x32 core's ``bitgen``."""


class Threefry2x32BitGen(BitGen):
    """A Threefry2x32 core's ``bitgen`` (prng.numba._bitgen)."""


bind32(Threefry2x32BitGenType, Threefry2x32BitGen, threefry2x32_next, threefry2x32_fill)


class ThreefryCore(Doubles64, KernelCore):
    """numba core of :class:`prng.Threefry` (randomgen's ThreeFry 4x64-20)."""

    handle = ThreefryBitGen

    to_array = staticmethod(state_array)
    from_array = staticmethod(core_state)
    next_kernel = staticmethod(threefry_next)
    fill_kernel = staticmethod(threefry_fill)


class Threefry2x32Core(Doubles32, Kernel32Core):
    """numba core of :class:`prng.Threefry2x32` (randomgen's ThreeFry 2x32-20)."""

    handle = Threefry2x32BitGen

    to_array = staticmethod(state_array)
    from_array = staticmethod(core_state)
    next_kernel = staticmethod(threefry2x32_next)
    fill_kernel = staticmethod(threefry2x32_fill)
