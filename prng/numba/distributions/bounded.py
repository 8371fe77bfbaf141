"""numpy's bounded integers (native/distributions/bounded.c; distributions.c's random_interval,
random_bounded_uint64, random_bounded_uint{64,32,16,8}_fill, random_bounded_bool_fill) as numba
samplers: Lemire's method, or masked rejection with ``use_masked``; 32-bit draws for 64-bit types whose
range fits 32 bits; 16/8/1-bit pieces cut from one 32-bit draw, lowest first."""
import numpy as np
from numba import njit

from .._bitgen import next_uint32, next_uint64
from .._uint128 import mul_wide

_M32 = np.uint64(0xFFFFFFFF)
_M64 = np.uint64(0xFFFFFFFFFFFFFFFF)
WORD, LEFT = 0, 1
"""The piece buffer: ``pieces[WORD]`` the current 32-bit draw, ``pieces[LEFT]`` the pieces left in it."""


@njit(cache=True)
def gen_mask(max_):
    """numpy's gen_mask: the smallest 2**k - 1 >= max_."""
    mask = np.uint64(max_)
    for shift in (1, 2, 4, 8, 16, 32):
        mask |= mask >> np.uint64(shift)
    return mask


@njit(cache=True)
def next_piece(bg, pieces, bits):
    """The next ``bits``-bit piece (bits 16, 8 or 1) of a buffered 32-bit draw, in its low bits."""
    if pieces[LEFT] == 0:
        pieces[WORD] = next_uint32(bg)
        pieces[LEFT] = 32 // bits - 1
    else:
        pieces[WORD] >>= np.uint32(bits)
        pieces[LEFT] -= 1
    return pieces[WORD]


@njit(cache=True)
def _draw(bg, pieces, bits):
    """One ``bits``-bit draw (32, 16 or 8), as a uint64."""
    if bits == 32:
        return np.uint64(next_uint32(bg))
    return np.uint64(next_piece(bg, pieces, bits)) & np.uint64((1 << bits) - 1)


@njit(cache=True)
def _lemire_small(bg, rng, bits, pieces):
    """Lemire's method on ``bits``-bit draws for rng below 2**bits - 1."""
    full = np.uint64((1 << bits) - 1)
    rng_excl = rng + np.uint64(1)
    m = _draw(bg, pieces, bits) * rng_excl
    leftover = m & full
    if leftover < rng_excl:
        threshold = (full - rng) % rng_excl
        while leftover < threshold:
            m = _draw(bg, pieces, bits) * rng_excl
            leftover = m & full
    return m >> np.uint64(bits)


@njit(cache=True)
def _lemire_uint64(bg, rng):
    """Lemire's method on 64-bit draws (the high word of the 128-bit product)."""
    rng_excl = rng + np.uint64(1)
    hi, leftover = mul_wide(next_uint64(bg), rng_excl)
    if leftover < rng_excl:
        threshold = (_M64 - rng) % rng_excl
        while leftover < threshold:
            hi, leftover = mul_wide(next_uint64(bg), rng_excl)
    return hi


@njit(cache=True)
def _masked(bg, rng, mask, bits, pieces):
    """Masked rejection on ``bits``-bit draws (64, 32, 16 or 8)."""
    while True:
        value = (next_uint64(bg) if bits == 64 else _draw(bg, pieces, bits)) & mask
        if value <= rng:
            return value


@njit(cache=True)
def bounded_small(bg, rng, mask, bits, use_masked, pieces):
    """One value in [0, rng] from ``bits``-bit draws (32, 16 or 8); rng may be the full width."""
    if rng == np.uint64((1 << bits) - 1):
        return _draw(bg, pieces, bits)
    if use_masked:
        return _masked(bg, rng, mask, bits, pieces)
    return _lemire_small(bg, rng, bits, pieces)


@njit(cache=True)
def bounded_uint64(bg, off, rng, use_masked, pieces):
    """numpy's random_bounded_uint64: one value in [off, off + rng], wrapping at 64 bits (``pieces``:
    a scratch piece buffer, unused by these 32- and 64-bit draws)."""
    off, rng = np.uint64(off), np.uint64(rng)
    mask = gen_mask(rng)
    if rng == 0:
        return off
    if rng <= _M32:
        return off + bounded_small(bg, rng, mask, 32, use_masked, pieces)
    if rng == _M64:
        return off + next_uint64(bg)
    if use_masked:
        return off + _masked(bg, rng, mask, 64, pieces)
    return off + _lemire_uint64(bg, rng)


def random_bounded_uint64(bg, off, rng, use_masked):
    """numpy's random_bounded_uint64, from Python (64-bit ``off`` and ``rng`` as Python ints)."""
    return int(bounded_uint64(bg, np.uint64(off), np.uint64(rng), use_masked, np.zeros(2, np.uint32)))


def random_interval(bg, max_):
    """numpy's random_interval: masked rejection in [0, max_]."""
    return random_bounded_uint64(bg, 0, max_, True)


@njit(cache=True)
def _bounded_fill(bg, off, rng, use_masked, out):
    off, rng = np.uint64(off), np.uint64(rng)
    pieces = np.zeros(2, np.uint32)
    bits = out.itemsize * 8
    if bits == 64 and rng > _M32:
        for i in range(out.size):
            out[i] = bounded_uint64(bg, off, rng, use_masked, pieces)
        return
    mask = gen_mask(rng)
    width = 32 if bits == 64 else bits
    for i in range(out.size):
        out[i] = off + (bounded_small(bg, rng, mask, width, use_masked, pieces) if rng else np.uint64(0))


@njit(cache=True)
def _bounded_bool_fill(bg, off, rng, out):
    pieces = np.zeros(2, np.uint32)
    for i in range(out.size):
        out[i] = (next_piece(bg, pieces, 1) & np.uint32(1)) if rng else off


def random_bounded_fill(bg, off, rng, use_masked, out):
    """numpy's random_bounded_<type>_fill into ``out`` (uint64/32/16/8, or bool: one bit of a buffered
    32-bit draw per value): values in [off, off + rng], one piece buffer for the whole fill."""
    if out.dtype == np.bool_:
        _bounded_bool_fill(bg, np.uint64(off), np.uint64(rng), out)
    else:
        _bounded_fill(bg, np.uint64(off), np.uint64(rng), use_masked, out)


@njit(cache=True)
def _bounded_broadcast_fill(bg, off, rng, use_masked, bits, out):
    pieces = np.zeros(2, np.uint32)
    off_step, rng_step = int(off.size != 1), int(rng.size != 1)
    for i in range(out.size):
        o, r = off[i * off_step], rng[i * rng_step]
        if bits == 64:
            out[i] = bounded_uint64(bg, o, r, use_masked, pieces)
        elif r == 0:
            out[i] = o
        elif bits == 1:
            out[i] = next_piece(bg, pieces, 1) & np.uint32(1)
        else:
            out[i] = o + bounded_small(bg, r, gen_mask(r), bits, use_masked, pieces)


def random_bounded_broadcast_fill(bg, off, rng, use_masked, out):
    """numpy's _rand_<type>_broadcast loop: out[i] in [off[i], off[i] + rng[i]] (off, rng: uint64 arrays
    of 1 value or one per output), wrapping at out's width; random_bounded_uint64 per value for 64-bit types, else
    random_buffered_bounded_<type> with one piece buffer for the whole fill (bool: one bit per value)."""
    bits = 1 if out.dtype == np.bool_ else out.itemsize * 8
    target = out.view(np.uint8) if bits == 1 else out
    _bounded_broadcast_fill(bg, off, rng, use_masked, bits, target)
