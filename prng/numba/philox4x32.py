"""Philox 4x32-10 as numba kernels (Random123 ``philox4x32_R``, cuRAND's counter order).

The state array is ``uint32[11]``: counter words 0..3 (word 0 least significant), key words 4..5,
buffer words 6..9, then ``buffer_pos`` (0..4) at index 10 (see ``_buffered``).  ``counter`` is the
counter of the next block to compute.  Build one with :func:`state_array` from a core-state dict.

``philox4x32_next(state)`` returns one 32-bit output from your own ``@njit`` code;
``philox4x32_fill(state, out)`` fills a uint64 or uint32 array.  Both update ``state`` in place.
``philox4x32_10`` is the bare block function.
"""
import numpy as np
from numba import njit
from numba.experimental import structref

from ._buffered import (BLOCK, BUFFER, BUFFER_POS, COUNTER, KEY, ROUNDS, buffered_next, buffered_state_array,
                        drain, increment_counter, philox_rounds)
from ._buffered import buffered_core_state as core_state
from ._bitgen import BitGen, BitGenType, bind32
from ._core import Doubles32, Kernel32Core

LANES = 128
"""Most blocks a fill computes side by side (as SIMD lanes)."""

_M0 = np.uint64(0xD2511F53)
_M1 = np.uint64(0xCD9E8D57)
_W0 = np.uint32(0x9E3779B9)
_W1 = np.uint32(0xBB67AE85)
_SHIFT32 = np.uint64(32)


def state_array(core):
    """The uint32[11] state array of a ``{"counter", "key", "buffer", "buffer_pos"}`` dict."""
    return buffered_state_array(core, np.uint32)


@njit(cache=True)
def _round(c0, c1, c2, c3, k0, k1):
    """One Philox4x32 round (Random123 ``philox4x32round``) on uint32 words.

    numba widens uint32 arithmetic to 64 bits, so every word is cut back to 32 bits explicitly.
    """
    p0 = _M0 * np.uint64(c0)
    p1 = _M1 * np.uint64(c2)
    return (np.uint32((p1 >> _SHIFT32) ^ c1 ^ k0), np.uint32(p1),
            np.uint32((p0 >> _SHIFT32) ^ c3 ^ k1), np.uint32(p0))


@njit(cache=True)
def _bump(k0, k1):
    """The key of the next round (Random123 ``philox4x32bumpkey``)."""
    return np.uint32(k0 + _W0), np.uint32(k1 + _W1)


@njit(cache=True)
def philox4x32_10(c0, c1, c2, c3, k0, k1):
    """Random123's ``philox4x32_R(10, ctr, key)``: the four uint32 output words of one block."""
    return philox_rounds(_round, _bump, c0, c1, c2, c3, np.uint32(k0), np.uint32(k1))


@njit(cache=True)
def _refill(state):
    """cuRAND's order: buffer = the block of the counter, ``buffer_pos = 0``, then counter += 1."""
    block = philox4x32_10(state[COUNTER], state[COUNTER + 1], state[COUNTER + 2],
                          state[COUNTER + 3], state[KEY], state[KEY + 1])
    for w in range(BLOCK):
        state[BUFFER + w] = block[w]
    state[BUFFER_POS] = 0
    increment_counter(state)


@njit(cache=True)
def _blocks_for(out, start):
    """How many blocks the fill of ``out[start:]`` computes next (at most ``LANES``)."""
    return min((out.size - start + BLOCK - 1) // BLOCK, LANES)


@njit(cache=True)
def _counters_to_lanes(state, lanes, blocks):
    """Load the counters of the next ``blocks`` blocks into ``lanes[word, block]`` and move the
    state's counter past them."""
    first = state[COUNTER]
    state[COUNTER] = first + np.uint32(blocks)  # wraps at 2**32
    if state[COUNTER] > first:  # no carry out of word 0 within these blocks: the common case
        for b in range(blocks):
            lanes[0, b] = first + np.uint32(b)
        for w in range(1, BLOCK):
            for b in range(blocks):
                lanes[w, b] = state[COUNTER + w]
        return
    state[COUNTER] = first
    for b in range(blocks):
        for w in range(BLOCK):
            lanes[w, b] = state[COUNTER + w]
        increment_counter(state)


@njit(cache=True)
def _lanes_to_output(state, lanes, blocks, out, start):
    """Store the ``blocks`` blocks in ``lanes`` to ``out[start:]`` block after block, as many words
    as fit; the last block becomes the buffer, ``buffer_pos`` just after its last word used.
    Returns the next index."""
    count = min(out.size - start, BLOCK * blocks)
    for k in range(count):
        out[start + k] = lanes[k % BLOCK, k // BLOCK]
    for w in range(BLOCK):
        state[BUFFER + w] = lanes[w, blocks - 1]
    state[BUFFER_POS] = count - BLOCK * (blocks - 1)
    return start + count


@njit(cache=True)
def _lanes_of_blocks(state, lanes, blocks):
    """``philox4x32_10`` on the next ``blocks`` counters into ``lanes[word, block]``, moving the
    counter on.  Round by round across the blocks, so that the compiler uses SIMD multiplies."""
    _counters_to_lanes(state, lanes, blocks)
    k0, k1 = state[KEY], state[KEY + 1]
    for r in range(ROUNDS):
        if r:
            k0, k1 = _bump(k0, k1)
        for b in range(blocks):
            lanes[0, b], lanes[1, b], lanes[2, b], lanes[3, b] = _round(
                lanes[0, b], lanes[1, b], lanes[2, b], lanes[3, b], k0, k1)


@njit(cache=True)
def philox4x32_next(state):
    """One 32-bit output: ``buffer[buffer_pos++]``, refilling first when the buffer is empty."""
    return buffered_next(state, _refill)


@njit(cache=True)
def philox4x32_fill(state, out):
    """``out[i] = philox4x32_next(state)`` for every i, up to ``LANES`` blocks at a time."""
    i = drain(state, out, 0)
    if i < out.size:
        lanes = np.empty((BLOCK, LANES), dtype=np.uint32)
        while i < out.size:
            blocks = _blocks_for(out, i)
            _lanes_of_blocks(state, lanes, blocks)
            i = _lanes_to_output(state, lanes, blocks, out, i)


@structref.register
class Philox4x32BitGenType(BitGenType):
    """numba type of a Philox4x32 core's ``bitgen``."""


class Philox4x32BitGen(BitGen):
    """A Philox4x32 core's ``bitgen`` (prng.numba._bitgen)."""


bind32(Philox4x32BitGenType, Philox4x32BitGen, philox4x32_next, philox4x32_fill)


class Philox4x32Core(Doubles32, Kernel32Core):
    """numba core of :class:`prng.Philox4x32` (Random123 Philox4x32-10, cuRAND's stream)."""

    handle = Philox4x32BitGen
    to_array = staticmethod(state_array)
    from_array = staticmethod(core_state)
    next_kernel = staticmethod(philox4x32_next)
    fill_kernel = staticmethod(philox4x32_fill)
