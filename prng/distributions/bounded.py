"""numpy's bounded-integer samplers, written once for every width: Lemire's method (Generator),
masked rejection (RandomState, and every shuffle through ``random_interval``), and the draw widths and
small-type buffers numpy feeds them.

The C originals are in ``numpy/random/src/distributions/distributions.c``: ``random_bounded_uint64``,
``random_bounded_uint{64,32,16,8}_fill``, ``random_bounded_bool_fill``, ``bounded_lemire_uint64``,
``buffered_bounded_lemire_uint{32,16,8}``, the ``*_masked_*`` twins and ``random_interval``. They only
draw from a bit generator's ``next_uint32`` / ``next_uint64``.

Draws are fetched in bulk: a run of values still owed needs at least one draw each, so asking for that
many draws never takes one numpy would not, and the bit generator ends where numpy's does.
"""

import itertools

import numpy as np

U32_MAX = 0xFFFFFFFF


def gen_mask(rng):
    """numpy's ``gen_mask``: the smallest ``2**k - 1`` that is >= ``rng``."""
    return (1 << rng.bit_length()) - 1


def draw_width(rng, dtype_bits):
    """The width of numpy's draws for range ``rng`` of a ``dtype_bits``-bit dtype (1 for bool): None
    (no draw) for ``rng == 0``, 64 only when a 64-bit range exceeds 32 bits, else 32, 16, 8 or 1."""
    if rng == 0:
        return None
    if dtype_bits == 64:
        return 64 if rng > U32_MAX else 32
    return dtype_bits


_DRAW_DTYPES = {"uint32": np.uint32, "double": np.float64}


def draws(bitgen, kind, n):
    """``n`` ``next_<kind>`` draws (``kind``: "uint32" or "double") as a uint32 / float64 array, in
    bulk through ``fill_<kind>`` when the bit generator has it."""
    dtype = _DRAW_DTYPES[kind]
    fill = getattr(bitgen, f"fill_{kind}", None)
    if fill is not None:
        return fill(np.empty(n, dtype=dtype))
    draw = getattr(bitgen, f"next_{kind}")
    return np.array([draw() for _ in range(n)], dtype=dtype)


class DrawSource:
    """Draws of one width, in numpy's order: ``next_uint64``, ``next_uint32``, or 16/8/1-bit pieces cut
    from ``next_uint32`` lowest bits first (numpy's ``buffered_uint16``/``buffered_uint8`` and the bool
    buffer, which live for one call: so does a DrawSource)."""

    def __init__(self, bitgen, bits):
        self._bitgen = bitgen
        self.bits = bits
        self._pending = []  # pieces of the last word not handed out yet

    def take(self, n):
        """The next ``n`` draws, as a list of ints."""
        if self.bits == 64:
            return [self._bitgen.next_uint64() for _ in range(n)]
        if self.bits == 32:
            return draws(self._bitgen, "uint32", n).tolist()
        per_word = 32 // self.bits
        missing = max(0, n - len(self._pending))
        words = draws(self._bitgen, "uint32", -(-missing // per_word)).astype(np.uint64)
        shifts = np.arange(per_word, dtype=np.uint64) * np.uint64(self.bits)
        pieces = ((words[:, None] >> shifts) & np.uint64((1 << self.bits) - 1)).ravel().tolist()
        drawn = self._pending + pieces
        self._pending = drawn[n:]
        return drawn[:n]


def accept(draw, rng, bits, use_masked):
    """The value numpy's sampler makes of one ``bits``-bit ``draw`` for range [0, rng], or None if it
    rejects the draw. A range of the full draw width takes the draw as is; masked rejection keeps
    ``draw & gen_mask(rng)`` if it is <= rng; Lemire keeps ``(draw * (rng+1)) >> bits`` unless the low
    half of the product is below ``2**bits mod (rng+1)``."""
    full = (1 << bits) - 1
    if rng == full:
        return draw
    if use_masked:
        value = draw & gen_mask(rng)
        return value if value <= rng else None
    m = draw * (rng + 1)
    return m >> bits if m & full >= (full - rng) % (rng + 1) else None


def _bounded_run(source, rngs, use_masked):
    """One value in [0, rngs[k]] per k, from ``source`` (every rng needs a draw of its width)."""
    out, k = [], 0
    while k < len(rngs):
        for draw in source.take(len(rngs) - k):
            value = accept(draw, rngs[k], source.bits, use_masked)
            if value is not None:
                out.append(value)
                k += 1
    return out


def bounded(bitgen, rngs, dtype_bits, use_masked):
    """numpy's bounded integers for the ranges ``rngs`` in order: value k is in [0, rngs[k]], drawn as
    ``random_bounded_*_fill`` (one range repeated), ``random_bounded_uint64`` (Generator.choice) or
    ``random_interval`` (shuffles: ``use_masked=True``, ``dtype_bits=64``) would draw it."""
    sources, out = {}, []
    for width, run in itertools.groupby(rngs, key=lambda r: draw_width(r, dtype_bits)):
        run = list(run)
        if width is None:
            out += [0] * len(run)
        else:
            source = sources.setdefault(width, DrawSource(bitgen, width))
            out += _bounded_run(source, run, use_masked)
    return out
