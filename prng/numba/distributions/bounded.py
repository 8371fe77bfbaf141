"""numpy's bounded integers (native/distributions/bounded.c; distributions.c's random_interval,
random_bounded_uint64, random_bounded_uint{64,32,16,8}_fill, random_bounded_bool_fill) as numba
samplers: Lemire's method, or masked rejection with ``use_masked``; 32-bit draws for 64-bit types whose
range fits 32 bits; 16/8/1-bit pieces cut from one 32-bit draw, lowest first.

Each fill calls its loop with the width and method as constants, which LLVM inlines into a loop of
their own, and keeps the piece buffer (``word``, ``left``) in locals: no runtime width, no array
round trip per value."""
import numpy as np
from numba import njit

from .._bitgen import next_uint32, next_uint64
from .._uint128 import mul_wide

_M32 = np.uint64(0xFFFFFFFF)
_M64 = np.uint64(0xFFFFFFFFFFFFFFFF)


@njit(cache=True)
def gen_mask(max_):
    """numpy's gen_mask: the smallest 2**k - 1 >= max_."""
    mask = np.uint64(max_)
    for shift in (1, 2, 4, 8, 16, 32):
        mask |= mask >> np.uint64(shift)
    return mask


@njit(cache=True, inline="always")
def _draw(bg, word, left, bits):
    """One ``bits``-bit draw (32, 16, 8 or 1) as a uint64, and the piece buffer after: ``word``, the
    current 32-bit draw shifted to its next piece, and ``left``, the pieces left in it (numpy's
    buffered_uint16, buffered_uint8, buffered_bounded_bool)."""
    if bits == 32:
        return np.uint64(next_uint32(bg)), word, left
    if left == 0:
        word = next_uint32(bg)
        left = 32 // bits - 1
    else:
        word >>= np.uint32(bits)
        left -= 1
    return np.uint64(word) & np.uint64((1 << bits) - 1), word, left


@njit(cache=True, inline="always")
def _lemire_small(bg, rng, bits, word, left):
    """Lemire's method on ``bits``-bit draws for 0 < rng < 2**bits - 1; with the piece buffer after."""
    full = np.uint64((1 << bits) - 1)
    rng_excl = rng + np.uint64(1)
    value, word, left = _draw(bg, word, left, bits)
    m = value * rng_excl
    leftover = m & full
    if leftover < rng_excl:
        threshold = (full - rng) % rng_excl
        while leftover < threshold:
            value, word, left = _draw(bg, word, left, bits)
            m = value * rng_excl
            leftover = m & full
    return m >> np.uint64(bits), word, left


@njit(cache=True, inline="always")
def _masked_small(bg, rng, mask, bits, word, left):
    """Masked rejection on ``bits``-bit draws; with the piece buffer after."""
    value, word, left = _draw(bg, word, left, bits)
    while value & mask > rng:
        value, word, left = _draw(bg, word, left, bits)
    return value & mask, word, left


@njit(cache=True, inline="always")
def _lemire_uint64(bg, rng):
    """Lemire's method on 64-bit draws (the high word of the 128-bit product)."""
    rng_excl = rng + np.uint64(1)
    hi, leftover = mul_wide(next_uint64(bg), rng_excl)
    if leftover < rng_excl:
        threshold = (_M64 - rng) % rng_excl
        while leftover < threshold:
            hi, leftover = mul_wide(next_uint64(bg), rng_excl)
    return hi


@njit(cache=True, inline="always")
def _masked_uint64(bg, rng, mask):
    """Masked rejection on 64-bit draws."""
    value = next_uint64(bg) & mask
    while value > rng:
        value = next_uint64(bg) & mask
    return value


@njit(cache=True, inline="always")
def _bounded_large(bg, rng, mask, use_masked):
    """One value in [0, rng] (rng above 2**32 - 1) from 64-bit draws."""
    if rng == _M64:
        return next_uint64(bg)
    if use_masked:
        return _masked_uint64(bg, rng, mask)
    return _lemire_uint64(bg, rng)


@njit(cache=True, inline="always")
def bounded_uint64(bg, off, rng, use_masked):
    """numpy's random_bounded_uint64: one value in [off, off + rng], wrapping at 64 bits."""
    off, rng = np.uint64(off), np.uint64(rng)
    if rng == 0:
        return off
    mask = gen_mask(rng)
    if rng > _M32:
        return off + _bounded_large(bg, rng, mask, use_masked)
    if rng == _M32:
        return off + np.uint64(next_uint32(bg))
    word, left = np.uint32(0), 0
    if use_masked:
        value, word, left = _masked_small(bg, rng, mask, 32, word, left)
    else:
        value, word, left = _lemire_small(bg, rng, 32, word, left)
    return off + value


@njit(cache=True, inline="always")
def interval(bg, max_):
    """numpy's random_interval: masked rejection in [0, max_]."""
    return bounded_uint64(bg, 0, max_, True)


def random_bounded_uint64(bg, off, rng, use_masked):
    """numpy's random_bounded_uint64, from Python (64-bit ``off`` and ``rng`` as Python ints)."""
    return int(bounded_uint64(bg, np.uint64(off), np.uint64(rng), use_masked))


def random_interval(bg, max_):
    """numpy's random_interval, from Python."""
    return int(interval(bg, np.uint64(max_)))


@njit(cache=True, inline="always")
def _bounded_pieces(bg, rng, mask, use_masked, bits, word, left):
    """One value in [0, rng] (rng > 0, up to 2**bits - 1; ``mask`` its gen_mask) from ``bits``-bit draws
    (numpy's random_buffered_bounded_uint32/16/8 and buffered_bounded_bool); with the piece buffer after."""
    if rng == np.uint64((1 << bits) - 1):
        return _draw(bg, word, left, bits)
    if use_masked:
        return _masked_small(bg, rng, mask, bits, word, left)
    return _lemire_small(bg, rng, bits, word, left)


@njit(cache=True)
def _fill_pieces(bg, off, rng, use_masked, bits, out):
    """``out[i] = off + value`` of [0, rng] from ``bits``-bit draws by one method (constants, once
    inlined), one piece buffer for the whole fill."""
    mask = gen_mask(rng)
    word, left = np.uint32(0), 0
    for i in range(out.size):
        value, word, left = _bounded_pieces(bg, rng, mask, use_masked, bits, word, left)
        out[i] = off + value


@njit(cache=True)
def _fill_bits(bg, off, rng, use_masked, bits, out):
    """A fill from ``bits``-bit draws (numpy's random_bounded_uint{32,16,8}_fill, the bool fill, and
    random_bounded_uint64_fill's 32-bit loop for ranges that fit 32 bits); rng 0 draws nothing."""
    if rng == 0:
        out[:] = off
        return
    if rng == np.uint64((1 << bits) - 1):
        _fill_pieces(bg, off, rng, False, bits, out)
    elif use_masked:
        _fill_pieces(bg, off, rng, True, bits, out)
    else:
        _fill_pieces(bg, off, rng, False, bits, out)


@njit(cache=True)
def _fill_large(bg, off, rng, use_masked, out):
    """``out[i] = off + value`` of [0, rng] (rng above 2**32 - 1) from 64-bit draws by one method."""
    n = out.size
    mask = gen_mask(rng)
    for i in range(n):
        out[i] = off + _bounded_large(bg, rng, mask, use_masked)


@njit(cache=True)
def _bounded_fill(bg, off, rng, use_masked, out):
    bits = out.itemsize * 8
    if bits == 64 and rng > _M32:
        if use_masked:
            _fill_large(bg, off, rng, True, out)
        else:
            _fill_large(bg, off, rng, False, out)
    elif bits >= 32:
        _fill_bits(bg, off, rng, use_masked, 32, out)
    elif bits == 16:
        _fill_bits(bg, off, rng, use_masked, 16, out)
    else:
        _fill_bits(bg, off, rng, use_masked, 8, out)


@njit(cache=True)
def _bounded_bool_fill(bg, off, rng, out):
    _fill_bits(bg, off, rng, False, 1, out)


def random_bounded_fill(bg, off, rng, use_masked, out):
    """numpy's random_bounded_<type>_fill into ``out`` (uint64/32/16/8, or bool: one bit of a buffered
    32-bit draw per value): values in [off, off + rng], one piece buffer for the whole fill."""
    if out.dtype == np.bool_:
        _bounded_bool_fill(bg, np.uint64(off), np.uint64(rng), out)
    else:
        _bounded_fill(bg, np.uint64(off), np.uint64(rng), use_masked, out)


@njit(cache=True)
def _bounded_broadcast_fill(bg, off, rng, use_masked, bits, out):
    off_step, rng_step = int(off.size != 1), int(rng.size != 1)
    word, left = np.uint32(0), 0
    for i in range(out.size):
        o, r = off[i * off_step], rng[i * rng_step]
        if bits == 64:
            out[i] = bounded_uint64(bg, o, r, use_masked)
        elif r == 0:
            out[i] = o
        else:
            value, word, left = _bounded_pieces(bg, r, gen_mask(r), use_masked, bits, word, left)
            out[i] = value if bits == 1 else o + value


def random_bounded_broadcast_fill(bg, off, rng, use_masked, out):
    """numpy's _rand_<type>_broadcast loop: out[i] in [off[i], off[i] + rng[i]] (off, rng: uint64 arrays
    of 1 value or one per output), wrapping at out's width; random_bounded_uint64 per value for 64-bit types, else
    random_buffered_bounded_<type> with one piece buffer for the whole fill (bool: one bit per value)."""
    bits = 1 if out.dtype == np.bool_ else out.itemsize * 8
    target = out.view(np.uint8) if bits == 1 else out
    _bounded_broadcast_fill(bg, off, rng, use_masked, bits, target)
