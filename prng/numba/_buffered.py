"""The counter, key and 4-word output buffer shared by the Philox kernels (philox.py, philox4x32.py).

Both state arrays share one layout: counter words 0..3 (word 0 least significant), key words 4..5,
buffer words 6..9, ``buffer_pos`` (0..4) at 10.  Each algorithm passes its own round, key bump and
buffer refill (numba functions) to ``philox_rounds`` and ``buffered_next``, and has its own bulk fill.
Those two are inlined into their callers (``inline="always"``): a numba function passed to a call that
is not inlined is held as a Python object, and its caller could not be cached.
"""
import numpy as np
from numba import njit

COUNTER = 0
"""Index of counter word 0 in the state array."""
KEY = 4
"""Index of key word 0."""
BUFFER = 6
"""Index of buffer word 0."""
BUFFER_POS = 10
"""Index of ``buffer_pos``."""
STATE_WORDS = 11
"""Length of the state array."""
BLOCK = 4
"""Words per block."""
ROUNDS = 10
"""Rounds per block (Philox4x64-10, Philox4x32-10)."""

_ONE = np.uint32(1)


def buffered_state_array(core, dtype):
    """The state array of a ``{"counter", "key", "buffer", "buffer_pos"}`` core-state dict."""
    state = np.empty(STATE_WORDS, dtype=dtype)
    state[COUNTER:KEY] = core["counter"]
    state[KEY:BUFFER] = core["key"]
    state[BUFFER:BUFFER_POS] = core["buffer"]
    state[BUFFER_POS] = core["buffer_pos"]
    return state


def buffered_core_state(state):
    """The ``{"counter", "key", "buffer", "buffer_pos"}`` core-state dict of a state array."""
    return {"counter": state[COUNTER:KEY].copy(), "key": state[KEY:BUFFER].copy(),
            "buffer": state[BUFFER:BUFFER_POS].copy(), "buffer_pos": int(state[BUFFER_POS])}


@njit(cache=True)
def increment_counter(state):
    """Counter += 1 (word 0 least significant, carry into the next word, wrapping at the top)."""
    for w in range(COUNTER, KEY):
        state[w] = state[w] + _ONE
        if state[w]:
            break


@njit(cache=True)
def take(state):
    """``buffer[buffer_pos++]``; the buffer must not be empty."""
    pos = state[BUFFER_POS]
    state[BUFFER_POS] = pos + _ONE
    return state[BUFFER + pos]


@njit(cache=True)
def drain(state, out, start):
    """Copy the unread buffered words to ``out[start:]`` (as many as fit); return the next index."""
    i = start
    while i < out.size and state[BUFFER_POS] < BLOCK:
        out[i] = take(state)
        i += 1
    return i


@njit(cache=True, inline="always")
def philox_rounds(round_, bump, c0, c1, c2, c3, k0, k1):
    """Random123's ``philox4xW_R(ROUNDS, ctr, key)`` at the word width of ``round_`` (one round) and
    ``bump`` (the key of the next round): the four output words of one block."""
    for r in range(ROUNDS):
        if r:
            k0, k1 = bump(k0, k1)
        c0, c1, c2, c3 = round_(c0, c1, c2, c3, k0, k1)
    return c0, c1, c2, c3


@njit(cache=True, inline="always")
def buffered_next(state, refill):
    """One output word: ``refill(state)`` first when the buffer is empty, then ``buffer[buffer_pos++]``."""
    if state[BUFFER_POS] == BLOCK:
        refill(state)
    return take(state)
