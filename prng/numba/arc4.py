"""ARC4 (RC4 keystream) as seedrandom 3.0.5 uses it, as numba kernels.

The state array is ``uint8[258]``: the permutation ``S`` (0..255), then ``i``
and ``j``.  Build one with :func:`state_array` from an ``{"i", "j", "S"}``
core-state dict (seedrandom's ``.state()``).  ``arc4_next(state)`` returns the
next 4 keystream bytes big-endian (seedrandom's ``int32() >>> 0``) from your
own ``@njit`` code; ``arc4_fill(state, out)`` fills a uint64 or uint32 array
with such words and ``arc4_fill_bytes(state, out)`` a uint8 array with bytes.
"""
import numpy as np
from numba import njit
from numba.experimental import structref

from ._bitgen import BitGen, BitGenType, bind32
from ._core import Kernel32Core

I = 256
"""Index of ``i`` in the state array."""
J = 257
"""Index of ``j``."""


def state_array(core):
    """The uint8[258] state array of an ``{"i", "j", "S"}`` core-state dict."""
    state = np.empty(J + 1, dtype=np.uint8)
    state[:I] = core["S"]
    state[I], state[J] = core["i"], core["j"]
    return state


def core_state(state):
    """The ``{"i", "j", "S"}`` core-state dict of a state array."""
    return {"i": int(state[I]), "j": int(state[J]), "S": state[:I].copy()}


@njit(cache=True)
def _keystream_byte(state, i, j):
    """One RC4 PRGA step on ``S = state[:256]`` (seedrandom's ``ARC4.g`` loop body);
    returns ``(byte, i, j)``."""
    i = (i + 1) & 255
    t = state[i]
    j = (j + t) & 255
    state[i] = state[j]
    state[j] = t
    return state[(state[i] + t) & 255], i, j


@njit(cache=True)
def _word(state, i, j):
    """Four keystream bytes big-endian (seedrandom's ``g(4)``); returns ``(word, i, j)``."""
    word = np.uint32(0)
    for _ in range(4):
        byte, i, j = _keystream_byte(state, i, j)
        word = (word << np.uint32(8)) | np.uint32(byte)
    return word, i, j


@njit(cache=True)
def arc4_next(state):
    """One 32-bit output: seedrandom's ``g(4)``."""
    word, state[I], state[J] = _word(state, np.int64(state[I]), np.int64(state[J]))
    return word


@njit(cache=True)
def arc4_next_double(state):
    """seedrandom's ``prng()``: 6 bytes, then one more at a time until 52 bits are filled, then halved
    back under 2**53 (native/arc4.c's seedrandom_double)."""
    i, j = np.int64(state[I]), np.int64(state[J])
    n, x, d = np.uint64(0), np.uint64(0), 281474976710656.0
    for _ in range(6):
        byte, i, j = _keystream_byte(state, i, j)
        n = (n << np.uint64(8)) | np.uint64(byte)
    while True:
        n = (n + x) << np.uint64(8)
        d *= 256.0
        byte, i, j = _keystream_byte(state, i, j)
        x = np.uint64(byte)
        if n >= np.uint64(1 << 52):
            break
    while n >= np.uint64(1 << 53):
        n >>= np.uint64(1)
        x >>= np.uint64(1)
        d *= 0.5
    state[I], state[J] = i, j
    return float(n + x) / d


@njit(cache=True, inline="always")
def _fill_with(state, out, produce):
    """``out[k], i, j = produce(state, i, j)`` for every k, ``i`` and ``j`` kept in locals meanwhile.

    Inlined into its callers: ``produce`` (a numba function) passed to a call that is not inlined is
    held as a Python object, and the caller could not be cached.
    """
    i, j = np.int64(state[I]), np.int64(state[J])
    for k in range(out.size):
        out[k], i, j = produce(state, i, j)
    state[I], state[J] = i, j


@njit(cache=True)
def arc4_fill(state, out):
    """``out[k] = arc4_next(state)`` for every k."""
    _fill_with(state, out, _word)


@njit(cache=True)
def arc4_fill_bytes(state, out):
    """``out[k]`` = the next keystream byte, for every k (seedrandom's ``g(n)`` digits)."""
    _fill_with(state, out, _keystream_byte)


@structref.register
class ARC4BitGenType(BitGenType):
    """numba type of a ARC4 core's ``bitgen``."""


class ARC4BitGen(BitGen):
    """A ARC4 core's ``bitgen`` (prng.numba._bitgen)."""


bind32(ARC4BitGenType, ARC4BitGen, arc4_next, arc4_fill, arc4_next_double)


class ARC4Core(Kernel32Core):
    """numba core of :class:`prng.ARC4` (seedrandom's default generator)."""

    handle = ARC4BitGen
    to_array = staticmethod(state_array)
    from_array = staticmethod(core_state)
    next_kernel = staticmethod(arc4_next)
    fill_kernel = staticmethod(arc4_fill)

    def bytes(self, n):
        """seedrandom's ``g(n)``: the next ``n`` keystream bytes as one big-endian int."""
        out = np.empty(n, dtype=np.uint8)
        arc4_fill_bytes(self._state, out)
        return int.from_bytes(out.tobytes(), "big")
