"""MT19937 as numba kernels (numpy's ``mt19937_next``, ``mt19937_gen``).

The state array is ``uint32[625]``: the 624 key words, then ``pos`` (0..624),
the layout of numpy's ``mt19937_state {key[624]; pos}``.  Build one with
:func:`state_array` from ``numpy.random.MT19937(seed).state["state"]``.

``mt19937_next(state)`` returns one 32-bit output from your own ``@njit`` code;
``mt19937_fill(state, out)`` fills a uint64 or uint32 array.  Both update
``state`` in place and give numpy's ``random_raw`` stream.
``mt19937_jump(state, poly)`` moves ``state`` 2**128 draws ahead (numpy's
``jumped``); ``poly`` is :func:`jump_polynomial`.
"""
import json
from functools import lru_cache
from importlib import resources

import numpy as np
from numba import njit
from numba.experimental import structref

from ._bitgen import BitGen, BitGenType, bind32
from ._core import Doubles32, Kernel32Core

N = 624
"""Words in the key."""
M = 397
"""Twist offset."""
POS = N
"""Index of ``pos`` in the state array."""

_MATRIX_A = np.uint32(0x9908B0DF)
_UPPER = np.uint32(0x80000000)
_LOWER = np.uint32(0x7FFFFFFF)


def state_array(core):
    """The uint32[625] state array of a ``{"key", "pos"}`` core-state dict."""
    state = np.empty(N + 1, dtype=np.uint32)
    state[:N] = core["key"]
    state[POS] = core["pos"]
    return state


def core_state(state):
    """The ``{"key", "pos"}`` core-state dict of a state array."""
    return {"key": state[:N].copy(), "pos": int(state[POS])}


@lru_cache(maxsize=None)
def jump_polynomial():
    """numpy's 2**128 jump polynomial ``poly_coef`` as uint32[624] (prng/data/mt19937_jump.json):
    coefficient d is bit ``d % 32`` of word ``d // 32``."""
    doc = json.loads(resources.files("prng.data").joinpath("mt19937_jump.json").read_text())
    poly = np.array(doc["poly_coef"], dtype=np.uint32)
    poly.flags.writeable = False
    return poly


@njit(cache=True)
def _twist_word(state, i, j, k):
    """``key[i] = key[k] ^ twist(upper(key[i]) | lower(key[j]))`` (one word of mt19937_gen)."""
    y = (state[i] & _UPPER) | (state[j] & _LOWER)
    mag = _MATRIX_A if y & 1 else np.uint32(0)
    state[i] = state[k] ^ (y >> 1) ^ mag


@njit(cache=True, inline="always")
def _twist(state):
    """Regenerate all 624 key words (numpy's ``mt19937_gen``) and set ``pos = 0``."""
    for i in range(N - M):
        _twist_word(state, i, i + 1, i + M)
    for i in range(N - M, N - 1):
        _twist_word(state, i, i + 1, i + M - N)
    _twist_word(state, N - 1, 0, M - 1)
    state[POS] = 0


@njit(cache=True, inline="always")
def _temper(y):
    """MT19937 output tempering of one key word (numpy's ``mt19937_next``)."""
    y ^= y >> 11
    y ^= (y << 7) & 0x9D2C5680
    y ^= (y << 15) & 0xEFC60000
    y ^= y >> 18
    return np.uint32(y)


@njit(cache=True, inline="always")
def mt19937_next(state):
    """One 32-bit output, twisting first when ``pos == 624`` (numpy's ``mt19937_next``)."""
    if state[POS] == N:
        _twist(state)
    pos = state[POS]
    state[POS] = pos + 1
    return _temper(state[pos])


@njit(cache=True)
def mt19937_fill(state, out):
    """``out[i] = mt19937_next(state)`` for every i, one run of key words at a time."""
    done = 0
    while done < out.size:
        if state[POS] == N:
            _twist(state)
        pos = np.int64(state[POS])
        run = min(N - pos, out.size - done)
        for k in range(run):
            out[done + k] = _temper(state[pos + k])
        state[POS] = pos + run
        done += run


@njit(cache=True)
def _gen_next(state, pos):
    """Twist the one key word at ``pos``; return the next pos (numpy's jump ``gen_next``)."""
    _twist_word(state, pos, (pos + 1) % N, (pos + M) % N)
    return (pos + 1) % N


@njit(cache=True)
def _add_state(acc, acc_pos, base, base_pos):
    """XOR ``base`` into ``acc``, both read as circular buffers from their own pos
    (numpy's jump ``add_state``)."""
    i, j = acc_pos, base_pos
    for _ in range(N):
        acc[i] ^= base[j]
        i = i + 1 if i < N - 1 else 0
        j = j + 1 if j < N - 1 else 0


@njit(cache=True)
def _coefficient(poly, degree):
    """Coefficient ``degree`` (0 or 1) of the packed jump polynomial."""
    return (poly[degree >> 5] >> (degree & 31)) & 1


@njit(cache=True)
def mt19937_jump(state, poly):
    """Move ``state`` 2**128 draws ahead in place (numpy's ``mt19937_jump_state``): Horner
    evaluation of ``poly`` at the state's recurrence; ``pos == 624`` counts as 0."""
    base_pos = np.int64(state[POS]) % N
    base = state[:N].copy()
    top = 32 * poly.size - 1
    while not _coefficient(poly, top):
        top -= 1
    pos = _gen_next(state, base_pos)
    for degree in range(top - 1, 0, -1):
        if _coefficient(poly, degree):
            _add_state(state, pos, base, base_pos)
        pos = _gen_next(state, pos)
    if _coefficient(poly, 0):
        _add_state(state, pos, base, base_pos)
    state[POS] = pos


@structref.register
class MT19937BitGenType(BitGenType):
    """numba type of a MT19937 core's ``bitgen``."""


class MT19937BitGen(BitGen):
    """A MT19937 core's ``bitgen`` (prng.numba._bitgen)."""


bind32(MT19937BitGenType, MT19937BitGen, mt19937_next, mt19937_fill)


class MT19937Core(Doubles32, Kernel32Core):
    """numba core of :class:`prng.MT19937` (numpy's MT19937 stream)."""

    handle = MT19937BitGen

    def jump(self):
        """One 2**128-draw jump in place (numpy's ``mt19937_jump``)."""
        mt19937_jump(self._state, jump_polynomial())

    to_array = staticmethod(state_array)
    from_array = staticmethod(core_state)
    next_kernel = staticmethod(mt19937_next)
    fill_kernel = staticmethod(mt19937_fill)
