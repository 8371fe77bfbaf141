"""Threefry (Salmon et al., Random123 ``threefry.h``): threefry4x64-20 and threefry2x32-20.

A counter-based generator built on the Threefish block cipher's add-rotate-xor rounds: block(counter,
key) is 20 rounds, with the key (and a parity word) injected every 4 rounds.

- ``Threefry`` is randomgen's ``ThreeFry`` (``number=4, width=64``): key from
  ``SeedSequence(seed).generate_state(4, uint64)``, the 256-bit counter incremented *before* each
  block (as numpy's Philox), numpy's 64-bit front (buffered uint32 halves).
- ``Threefry2x32`` is randomgen's ``ThreeFry(number=2, width=32)``: two 32-bit key words, a 64-bit
  counter incremented before each block, 32-bit natural outputs. Its block function,
  :func:`threefry2x32`, is the one JAX's ``jax.random`` keys are made of (``prng.compat.jax``).

``advance(delta)`` follows randomgen: ``delta`` draws (``counter=True``: ``delta`` blocks).
The block functions work on whole numpy arrays of counters at once (numpy's unsigned arithmetic
wraps), so the pure-Python cores compute every block of a bulk fill in one pass.
"""

import numpy as np

from .._validate import as_int
from .philox import CounterBasedGenerator, PhiloxCore, add_to_counter

ROUNDS = 20
PARITY64 = 0x1BD11BDAA9FC1A22  # SKEIN_KS_PARITY64
PARITY32 = 0x1BD11BDA  # SKEIN_KS_PARITY32
ROTATIONS_4x64 = ((14, 16), (52, 57), (23, 40), (5, 37), (25, 33), (46, 12), (58, 22), (32, 32))
ROTATIONS_2x32 = (13, 15, 26, 6, 17, 29, 16, 24)


def _rotl(x, r, bits):
    """Rotate the unsigned array ``x`` left by ``r`` bits (0 < r < bits)."""
    dtype = x.dtype.type
    return (x << dtype(r)) | (x >> dtype(bits - r))


def threefry4x64(counter, key, rounds=ROUNDS):
    """Random123's ``threefry4x64_R(rounds, ctr, key)`` on arrays: ``counter`` is four uint64 arrays
    (word 0 first), ``key`` four words; returns the four output word arrays.

    Even rounds mix (x0, x1) and (x2, x3), odd rounds (x0, x3) and (x2, x1); after every fourth round
    s, word i gets key schedule word (s + i) mod 5 and word 3 also s.
    """
    ks = [np.uint64(k) for k in key]
    ks.append(np.uint64(PARITY64 ^ int(key[0]) ^ int(key[1]) ^ int(key[2]) ^ int(key[3])))
    x = [np.asarray(c, dtype=np.uint64) + ks[i] for i, c in enumerate(counter)]
    for r in range(rounds):
        ra, rb = ROTATIONS_4x64[r % 8]
        a, b, c, d = (0, 1, 2, 3) if r % 2 == 0 else (0, 3, 2, 1)
        x[a] = x[a] + x[b]
        x[b] = _rotl(x[b], ra, 64) ^ x[a]
        x[c] = x[c] + x[d]
        x[d] = _rotl(x[d], rb, 64) ^ x[c]
        if r % 4 == 3:
            s = (r + 1) // 4
            x = [x[i] + ks[(s + i) % 5] for i in range(4)]
            x[3] = x[3] + np.uint64(s)
    return x


def threefry2x32(key, x0, x1, rounds=ROUNDS):
    """Random123's ``threefry2x32_R(rounds, ctr, key)`` on arrays (JAX's ``threefry_2x32`` hash):
    ``x0``, ``x1`` are uint32 arrays of counter words (broadcast together), ``key`` two words;
    returns the two output word arrays.

    Each round: x0 += x1; x1 = rotl(x1, R[r mod 8]) ^ x0. After every fourth round s: x0 += ks[s mod 3],
    x1 += ks[(s + 1) mod 3] + s, with ks = (k0, k1, k0 ^ k1 ^ 0x1BD11BDA).
    """
    k0, k1 = (np.uint32(k) for k in key)
    ks = (k0, k1, np.uint32(PARITY32 ^ int(k0) ^ int(k1)))
    x0 = np.asarray(x0, dtype=np.uint32) + k0
    x1 = np.asarray(x1, dtype=np.uint32) + k1
    for r in range(rounds):
        x0 = x0 + x1
        x1 = _rotl(x1, ROTATIONS_2x32[r % 8], 32) ^ x0
        if r % 4 == 3:
            s = (r + 1) // 4
            x0 = x0 + ks[s % 3]
            x1 = x1 + ks[(s + 1) % 3] + np.uint32(s)
    return x0, x1


def _counter_words(first, blocks, words, bits):
    """The counters ``first + 1 .. first + blocks`` (mod 2**(words*bits)) as ``words`` arrays of words."""
    dtype = np.uint64 if bits == 64 else np.uint32
    start = sum(int(w) << (bits * i) for i, w in enumerate(first))
    total = (start + np.arange(1, blocks + 1, dtype=object)) % (1 << (words * bits))
    mask = (1 << bits) - 1
    return [np.array([(int(c) >> (bits * i)) & mask for c in total], dtype=dtype) for i in range(words)]


class ThreefryCore(PhiloxCore):
    """Pure-Python Threefry 4x64-20 core (randomgen's order): on an empty buffer, counter += 1, then
    compute the block. Core state ``{"counter": uint64[4], "key": uint64[4], "buffer": uint64[4],
    "buffer_pos"}``."""

    bits = 64
    dtype = np.uint64
    block_words = 4

    def blocks(self, count):
        """The next ``count`` blocks, word after word in one flat array; the counter moves past them."""
        words = _counter_words(self.counter, count, self.block_words, self.bits)
        self.counter = add_to_counter(self.counter, count, self.bits)
        return np.stack(self.cipher(words), axis=1).reshape(-1)

    def cipher(self, words):
        """The block function on arrays of counter words."""
        return threefry4x64(words, self.key)

    def refill(self):
        """randomgen's order: counter += 1, then the block of the new counter."""
        self.buffer = [int(w) for w in self.blocks(1)]

    def fill_raw(self, out):
        n = out.shape[0]
        i = 0
        while i < n and self.buffer_pos < self.block_words:
            out[i] = self.next_raw()
            i += 1
        whole = (n - i) // self.block_words
        if whole:
            words = self.blocks(whole)
            out[i:i + words.size] = words
            self.buffer = [int(w) for w in words[-self.block_words:]]
            i += words.size
        while i < n:
            out[i] = self.next_raw()
            i += 1


class Threefry2x32Core(ThreefryCore):
    """Pure-Python Threefry 2x32-20 core (randomgen's order). Core state ``{"counter": uint32[2],
    "key": uint32[2], "buffer": uint32[2], "buffer_pos"}``."""

    bits = 32
    dtype = np.uint32
    block_words = 2

    def cipher(self, words):
        return threefry2x32(self.key, words[0], words[1])


class _ThreefryFront(CounterBasedGenerator):
    """randomgen's ThreeFry front: seeding as Philox's, ``advance`` in draws, ``jumped`` in 2**(N*W/2) blocks."""

    def __init__(self, seed=None, *, counter=None, key=None, backend="auto"):
        self._seed(seed, counter, key, backend)

    def advance(self, delta, counter=False):
        """randomgen's ``advance``: ``delta`` draws ahead (negative goes back), as if ``delta`` values
        were drawn by ``random_raw``; with ``counter=True``, ``delta`` blocks, dropping the buffer.
        Drops the buffered uint32 half either way; ``delta == 0`` changes nothing (as randomgen)."""
        delta = as_int(delta, "delta")
        if delta == 0:
            return self
        if counter:
            return super().advance(delta)
        n = self.block_words
        core = self._core.get()
        ctr = core["counter"].tolist()
        # draws made so far, mod the period: the counter's blocks, less the words still buffered
        period = n << (n * self.bits)
        position = (sum(w << (self.bits * i) for i, w in enumerate(ctr)) * n - (n - core["buffer_pos"]) + delta) % period
        start = add_to_counter([0] * n, position // n, self.bits)  # the block before the one holding it
        fresh = type(self._core)({"counter": np.array(start, dtype=self.dtype), "key": core["key"],
                                  "buffer": np.zeros(n, dtype=self.dtype), "buffer_pos": n})
        fresh.fill_raw(np.empty(n, dtype=np.uint64))  # that block, all drawn ...
        core = fresh.get()
        core["buffer_pos"] = position % n  # ... then rewound to the draw at ``position``
        self._core = type(self._core)(core)
        self._has_uint32 = self._uinteger = 0
        return self

    def jumped(self, jumps=1):
        """A new generator ``jumps * 2**(N*W/2)`` blocks ahead (randomgen's ``jumped``: buffers dropped
        unless ``jumps == 0``); this one is unchanged."""
        jumps = as_int(jumps, "jumps", 0)
        copy = type(self)._from_core_state(self._core.get(), self._backend)
        copy._has_uint32, copy._uinteger = self._has_uint32, self._uinteger
        return copy.advance(jumps << (self.block_words * self.bits // 2), counter=True)


class Threefry(_ThreefryFront):
    """randomgen's ``ThreeFry`` (Threefry 4x64-20): ``key`` 4 uint64 words (or an int below 2**256),
    ``counter`` 4 words (or an int below 2**256), else the key from SeedSequence(seed).
    The first block is computed from counter + 1."""

    word_bits = 64
    key_words = 4


class Threefry2x32(_ThreefryFront):
    """randomgen's ``ThreeFry(number=2, width=32)`` (Threefry 2x32-20, JAX's block function): ``key``
    2 uint32 words (or an int below 2**64), ``counter`` 2 words (or an int below 2**64). The first
    block is computed from counter + 1."""

    word_bits = 32
    bits = 32
    dtype = np.uint32
    block_words = 2
    key_words = 2
