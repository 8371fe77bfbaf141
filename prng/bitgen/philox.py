"""Philox 4x64-10 as numpy has it (numpy/random/src/philox/philox.h), and the Philox round shared with 4x32.

Salmon et al., "Parallel random numbers: as easy as 1, 2, 3" (Random123): a counter-based generator;
block(counter, key) is 10 rounds of two wide multiplies, with a Weyl-bumped key.
"""

import numpy as np

from .._bitgen import (
    BitGenerator,
    as_seed_sequence,
    check_state_dict,
    int_field,
    words_field,
)
from .._validate import as_int, as_words

PHILOX_M4x64 = (0xD2E7470EE14C6C93, 0xCA5A826395121157)
PHILOX_W64 = (0x9E3779B97F4A7C15, 0xBB67AE8584CAA73B)
ROUNDS = 10


def philox_block(counter, key, bits, multipliers, weyl):
    """Random123's philox4xW_R(10, counter, key) for W = ``bits``: four output words, word 0 first.

    One round: (hi0, lo0) = m0*c0, (hi1, lo1) = m1*c2, c = (hi1^c1^k0, lo1, hi0^c3^k1, lo0); the key is
    bumped by the Weyl constants before every round after the first.
    """
    mask = (1 << bits) - 1
    c0, c1, c2, c3 = counter
    k0, k1 = key
    for r in range(ROUNDS):
        if r:
            k0 = (k0 + weyl[0]) & mask
            k1 = (k1 + weyl[1]) & mask
        p0 = multipliers[0] * c0
        p1 = multipliers[1] * c2
        c0, c1, c2, c3 = (p1 >> bits) ^ c1 ^ k0, p1 & mask, (p0 >> bits) ^ c3 ^ k1, p0 & mask
    return [c0, c1, c2, c3]


def add_to_counter(counter, delta, bits):
    """``counter`` (words of ``bits`` bits, word 0 least significant) plus ``delta``, wrapping."""
    width = len(counter) * bits
    mask = (1 << bits) - 1
    whole = (sum(w << (bits * i) for i, w in enumerate(counter)) + delta) % (1 << width)
    return [(whole >> (bits * i)) & mask for i in range(len(counter))]


class PhiloxCore:
    """Pure-Python Philox4x64-10 core (numpy): on an empty buffer, counter += 1, then compute the block."""

    bits = 64
    multipliers = PHILOX_M4x64
    weyl = PHILOX_W64
    dtype = np.uint64
    block_words = 4

    def __init__(self, state):
        self.counter = [int(w) for w in state["counter"]]
        self.key = [int(w) for w in state["key"]]
        self.buffer = [int(w) for w in state["buffer"]]
        self.buffer_pos = state["buffer_pos"]

    def get(self):
        return {
            "counter": np.array(self.counter, dtype=self.dtype),
            "key": np.array(self.key, dtype=self.dtype),
            "buffer": np.array(self.buffer, dtype=self.dtype),
            "buffer_pos": self.buffer_pos,
        }

    def refill(self):
        """numpy's philox_next: increment the counter first, then encrypt it."""
        self.counter = add_to_counter(self.counter, 1, self.bits)
        self.buffer = philox_block(self.counter, self.key, self.bits, self.multipliers, self.weyl)

    def next_raw(self):
        if self.buffer_pos == self.block_words:
            self.refill()
            self.buffer_pos = 0
        self.buffer_pos += 1
        return self.buffer[self.buffer_pos - 1]

    def fill_raw(self, out):
        for i in range(out.shape[0]):
            out[i] = self.next_raw()


class CounterBasedGenerator(BitGenerator):
    """Shared front of the counter-based generators (Philox, Philox4x32, Threefry, Threefry2x32):
    key/counter seeding, advance, buffered state. ``block_words`` words per block (and counter),
    ``key_words`` key words, each of ``bits`` bits."""

    bits = 64
    dtype = np.uint64
    block_words = 4
    key_words = 2

    def _seed(self, seed, counter, key, backend):
        """numpy's Philox constructor: a key from ``key`` or from SeedSequence(seed), counter default 0."""
        if seed is not None and key is not None:
            raise ValueError("seed and key cannot both be given")
        if key is not None:
            key_words, seed_seq = as_words(key, "key", self.key_words, self.bits), None
        else:
            seed_seq = as_seed_sequence(seed)
            key_words = [int(w) for w in seed_seq.generate_state(self.key_words, self.dtype)]
        counter_words = as_words(0 if counter is None else counter, "counter", self.block_words, self.bits)
        core = {
            "counter": np.array(counter_words, dtype=self.dtype),
            "key": np.array(key_words, dtype=self.dtype),
            "buffer": np.zeros(self.block_words, dtype=self.dtype),
            "buffer_pos": self.block_words,
        }
        self._setup(core, backend, seed_seq)

    def advance(self, delta):
        """Move the counter ``delta`` blocks (4 outputs each) ahead, mod the counter width; drops buffers."""
        delta = as_int(delta, "delta")
        with self.lock:
            core = self._core.get()
            core["counter"] = np.array(add_to_counter(core["counter"].tolist(), delta, self.bits), dtype=self.dtype)
            core["buffer"] = np.zeros(self.block_words, dtype=self.dtype)
            core["buffer_pos"] = self.block_words
            self._core = type(self._core)(core)
            self._has_uint32 = self._uinteger = 0
        return self

    def _core_state_from(self, state):
        name = type(self).__name__
        inner = check_state_dict(state, name)
        n, k = self.block_words, self.key_words
        core = {
            "counter": words_field(inner, "counter", "state['state']['counter']", n, self.bits, self.dtype),
            "key": words_field(inner, "key", "state['state']['key']", k, self.bits, self.dtype),
            "buffer": words_field(state, "buffer", "state['buffer']", n, self.bits, self.dtype),
            "buffer_pos": int_field(state, "buffer_pos", "state['buffer_pos']", 0, n),
        }
        return core, self._buffer_from(state)

    def _state_from_core(self, core):
        return {
            "bit_generator": type(self).__name__,
            "state": {"counter": core["counter"], "key": core["key"]},
            "buffer": core["buffer"],
            "buffer_pos": core["buffer_pos"],
            **self._buffer_fields(),
        }


class Philox(CounterBasedGenerator):
    """numpy.random.Philox (4x64-10): same key/counter seeding, stream, state dict, advance and jumped."""

    word_bits = 64

    def __init__(self, seed=None, counter=None, key=None, *, backend="auto"):
        self._seed(seed, counter, key, backend)

    def jumped(self, jumps=1):
        """A new generator ``jumps * 2**128`` blocks ahead (numpy's jumped); this one is unchanged."""
        jumps = as_int(jumps, "jumps", 0)
        with self.lock:
            core = self._core.get()
        return type(self)._from_core_state(core, self._backend).advance(jumps << 128)
