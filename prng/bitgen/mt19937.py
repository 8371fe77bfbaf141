"""MT19937 as numpy has it (numpy/random/src/mt19937/), with its three seedings.

- ``MT19937(seed)``: numpy's SeedSequence path (first output is the untwisted last word: ``pos = 623``).
- ``MT19937.from_genrand(s)``: mt19937ar ``init_genrand`` (C++ ``std::mt19937``, ``torch.manual_seed``,
  ``RandomState(int)``).
- ``MT19937.from_array(words)``: mt19937ar ``init_by_array`` (CPython ``random.seed``, ``RandomState(list)``).
"""

import json
from functools import lru_cache
from pathlib import Path

import numpy as np

from .. import _backends
from .._bitgen import BitGenerator, as_seed_sequence, check_state_dict, int_field, words_field
from .._validate import as_int, as_int_list

N = 624
M = 397
MATRIX_A = 0x9908B0DF
UPPER = 0x80000000
LOWER = 0x7FFFFFFF
M32 = 0xFFFFFFFF


def init_genrand(seed):
    """mt19937ar's init_genrand: Knuth's linear recurrence from one 32-bit seed."""
    key = [seed]
    for i in range(1, N):
        prev = key[-1]
        key.append((1812433253 * (prev ^ (prev >> 30)) + i) & M32)
    return key


def init_by_array(words):
    """mt19937ar's init_by_array (also CPython's random.seed and numpy's RandomState(list))."""
    key = init_genrand(19650218)
    i, j = 1, 0
    for _ in range(max(N, len(words))):
        prev = key[i - 1]
        key[i] = ((key[i] ^ ((prev ^ (prev >> 30)) * 1664525)) + words[j] + j) & M32
        i, j = i + 1, j + 1
        if i >= N:
            key[0], i = key[N - 1], 1
        if j >= len(words):
            j = 0
    for _ in range(N - 1):
        prev = key[i - 1]
        key[i] = ((key[i] ^ ((prev ^ (prev >> 30)) * 1566083941)) - i) & M32
        i += 1
        if i >= N:
            key[0], i = key[N - 1], 1
    key[0] = 0x80000000
    return key


def twist(key):
    """Regenerate all 624 words in place (mt19937ar's genrand_int32 refill, numpy's mt19937_gen)."""
    for i in range(N):
        y = (key[i] & UPPER) | (key[(i + 1) % N] & LOWER)
        key[i] = key[(i + M) % N] ^ (y >> 1) ^ (MATRIX_A if y & 1 else 0)


def temper(y):
    """MT19937's output tempering."""
    y ^= y >> 11
    y ^= (y << 7) & 0x9D2C5680
    y ^= (y << 15) & 0xEFC60000
    return y ^ (y >> 18)


class MT19937Core:
    """Pure-Python MT19937 core: numpy's mt19937_next (twist when pos reaches 624)."""

    def __init__(self, state):
        self.key = [int(k) for k in state["key"]]
        self.pos = state["pos"]

    def get(self):
        return {"key": np.array(self.key, dtype=np.uint32), "pos": self.pos}

    def next_raw(self):
        if self.pos == N:
            twist(self.key)
            self.pos = 0
        self.pos += 1
        return temper(self.key[self.pos - 1])

    def fill_raw(self, out):
        for i in range(out.shape[0]):
            out[i] = self.next_raw()


# -- jump ahead by 2**128 draws (numpy's mt19937-jump.c) -----------------------------------------


@lru_cache(maxsize=1)
def _jump_polynomial_bits():
    """Degrees of the set coefficients of numpy's 2**128 jump polynomial, highest first."""
    doc = json.loads((Path(__file__).parent.parent / "data" / "mt19937_jump.json").read_text())
    coef = doc["poly_coef"]
    return [d for d in range(32 * len(coef) - 1, -1, -1) if (coef[d >> 5] >> (d & 31)) & 1]


def _gen_next(key, pos):
    """Advance the linear recurrence by one word in place (numpy's gen_next); returns the new pos."""
    y = (key[pos] & UPPER) | (key[(pos + 1) % N] & LOWER)
    key[pos] = key[(pos + M) % N] ^ (y >> 1) ^ (MATRIX_A if y & 1 else 0)
    return (pos + 1) % N


def jump_state(key, pos):
    """numpy's mt19937_jump_state: (key, pos) 2**128 draws later, by Horner evaluation of the polynomial.

    ``add_state`` XORs the two states aligned at their positions: np.roll does that for a whole key.
    """
    if pos >= N:
        pos = 0
    base = np.array(key, dtype=np.uint32)
    degrees = _jump_polynomial_bits()
    temp, temp_pos = list(key), pos
    set_degrees = set(degrees)
    for d in range(degrees[0], 0, -1):
        if d != degrees[0] and d in set_degrees:
            temp = (np.array(temp, dtype=np.uint32) ^ np.roll(base, temp_pos - pos)).tolist()
        temp_pos = _gen_next(temp, temp_pos)
    if 0 in set_degrees:
        temp = (np.array(temp, dtype=np.uint32) ^ np.roll(base, temp_pos - pos)).tolist()
    return temp, temp_pos


class MT19937(BitGenerator):
    """numpy.random.MT19937, plus the mt19937ar seedings ``from_genrand`` and ``from_array``."""

    word_bits = 32

    def __init__(self, seed=None, *, backend="auto"):
        seed_seq = as_seed_sequence(seed)
        words = seed_seq.generate_state(N, np.uint32)
        key = np.concatenate(([0x80000000], words[1:])).astype(np.uint32)
        self._setup({"key": key, "pos": N - 1}, backend, seed_seq)

    @classmethod
    def from_genrand(cls, seed, *, backend="auto"):
        """Seed with mt19937ar's init_genrand(seed), seed in [0, 2**32-1] (std::mt19937(seed))."""
        seed = as_int(seed, "seed", 0, M32)
        return cls._from_core_state({"key": np.array(init_genrand(seed), dtype=np.uint32), "pos": N}, backend)

    @classmethod
    def from_array(cls, words, *, backend="auto"):
        """Seed with mt19937ar's init_by_array(words): a non-empty sequence of 32-bit words."""
        words = as_int_list(words, "words", 0, M32)
        if not words:
            raise ValueError("words must be a non-empty sequence of integers in [0, 4294967295]")
        backend = _backends.resolve(backend)
        core = _backends.core_class(cls.__name__, backend)
        if hasattr(core, "init_by_array"):  # the C core seeds in microseconds
            key = core.init_by_array(words)
        else:
            key = np.array(init_by_array(words), dtype=np.uint32)
        return cls._from_core_state({"key": key, "pos": N}, backend)

    def jumped(self, jumps=1):
        """A new generator 2**128 * ``jumps`` draws ahead (numpy's jumped); this one is unchanged."""
        jumps = as_int(jumps, "jumps", 0)
        with self.lock:
            new = type(self)._from_core_state(self._core.get(), self._backend)
        if hasattr(new._core, "jump"):  # the C core jumps in about a millisecond
            for _ in range(jumps):
                new._core.jump()
            return new
        core = new._core.get()
        key, pos = core["key"].tolist(), core["pos"]
        for _ in range(jumps):
            key, pos = jump_state(key, pos)
        new.state = {"bit_generator": "MT19937", "state": {"key": key, "pos": pos}}
        return new

    def _state_from_core(self, core):
        return {"bit_generator": "MT19937", "state": core}

    def _core_state_from(self, state):
        if isinstance(state, tuple):
            state = _from_legacy_tuple(state)
        inner = check_state_dict(state, "MT19937")
        key = inner.get("key")
        if isinstance(key, np.ndarray) and key.dtype == np.uint32 and key.shape == (N,):
            key = key.copy()  # every uint32 is a valid word: numpy's own state dicts take this path
        else:
            key = words_field(inner, "key", "state['state']['key']", N, 32, np.uint32)
        return {"key": key, "pos": int_field(inner, "pos", "state['state']['pos']", 0, N)}, (0, 0)


def _from_legacy_tuple(state):
    """numpy's legacy ('MT19937', key, pos[, has_gauss, gauss]) tuple as a state dict."""
    if len(state) not in (3, 5) or state[0] != "MT19937":
        raise ValueError("state tuple must be ('MT19937', key, pos) or ('MT19937', key, pos, has_gauss, gauss)")
    return {"bit_generator": "MT19937", "state": {"key": state[1], "pos": state[2]}}
