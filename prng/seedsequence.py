"""numpy's SeedSequence (numpy/random/bit_generator.pyx), in plain Python.

O'Neill's seed_seq hashing: entropy words are hashed into a pool of ``pool_size`` 32-bit words, and
``generate_state`` hashes the pool into as many words as a bit generator needs.
"""

import abc
import numbers

import numpy as np

from ._validate import as_int

M32 = 0xFFFFFFFF
DEFAULT_POOL_SIZE = 4
MAX_SPAWN = 10**6  # children per spawn() call (bounded work; call again for more)
INIT_A = 0x43B0D7E5
MULT_A = 0x931E8875
INIT_B = 0x8B51F9DD
MULT_B = 0x58F38DED
MIX_MULT_L = 0xCA01F9DD
MIX_MULT_R = 0x4973F715
XSHIFT = 16


def int_to_words(n, name="entropy"):
    """Split a non-negative int into 32-bit words, least significant first (numpy's _int_to_uint32_array)."""
    if n < 0:
        raise ValueError(f"{name} must be non-negative (integers in [0, inf)), got {n}")
    words = [n & M32]
    n >>= 32
    while n:
        words.append(n & M32)
        n >>= 32
    return words


def coerce_to_words(x, name="entropy"):
    """Flatten an entropy value to 32-bit words as numpy's _coerce_to_uint32_array does."""
    if isinstance(x, np.ndarray) and x.dtype == np.uint32:
        return [int(v) for v in x.ravel()]
    if isinstance(x, str):
        return int_to_words(_parse_seed_string(x, name), name)
    if isinstance(x, (float, np.inexact)):
        raise TypeError(f"{name} must be an integer or a sequence of integers, not {x!r}")
    if isinstance(x, numbers.Integral):
        return int_to_words(int(x), name)
    if isinstance(x, np.ndarray) and x.ndim == 0:
        return coerce_to_words(x.item(), name)
    words = []
    for item in x:
        words.extend(coerce_to_words(item, name))
    return words


def _parse_seed_string(s, name):
    """A string inside a seed sequence: '0x...' hex or decimal digits (numpy accepts both)."""
    try:
        return int(s, 16) if s.startswith("0x") else int(s, 10) if s.isdigit() else None
    except ValueError:
        pass
    raise ValueError(f"unrecognized seed string {s!r} in {name}: use decimal digits or 0x-prefixed hex")


def _hashmix(value, hash_const):
    """One step of seed_seq's hash: returns (mixed value, next hash constant)."""
    value = (value ^ hash_const) & M32
    hash_const = (hash_const * MULT_A) & M32
    value = (value * hash_const) & M32
    return value ^ (value >> XSHIFT), hash_const


def _mix(x, y):
    """seed_seq's combining function for two pool words."""
    r = (MIX_MULT_L * x - MIX_MULT_R * y) & M32
    return r ^ (r >> XSHIFT)


def mix_pool(entropy_words, pool_size):
    """Hash assembled entropy words into the pool (numpy's SeedSequence.mix_entropy)."""
    hash_const = INIT_A
    pool = []
    for i in range(pool_size):
        word = entropy_words[i] if i < len(entropy_words) else 0
        mixed, hash_const = _hashmix(word, hash_const)
        pool.append(mixed)
    for i_src in range(pool_size):
        for i_dst in range(pool_size):
            if i_src != i_dst:
                mixed, hash_const = _hashmix(pool[i_src], hash_const)
                pool[i_dst] = _mix(pool[i_dst], mixed)
    for i_src in range(pool_size, len(entropy_words)):
        for i_dst in range(pool_size):
            mixed, hash_const = _hashmix(entropy_words[i_src], hash_const)
            pool[i_dst] = _mix(pool[i_dst], mixed)
    return pool


class SeedSequence:
    """numpy.random.SeedSequence: same pool, same generate_state, same spawn tree."""

    def __init__(self, entropy=None, *, spawn_key=(), pool_size=DEFAULT_POOL_SIZE, n_children_spawned=0):
        pool_size = as_int(pool_size, "pool_size", DEFAULT_POOL_SIZE)
        if entropy is None:
            import secrets  # only unseeded runs need OS entropy

            entropy = secrets.randbits(pool_size * 32)
        elif not isinstance(entropy, (numbers.Integral, list, tuple, range, np.ndarray)):
            raise TypeError(
                f"entropy must be None, a non-negative integer or a sequence of them, not {type(entropy).__name__}"
            )
        self.entropy = entropy
        self.spawn_key = tuple(spawn_key)
        self.pool_size = pool_size
        self.n_children_spawned = as_int(n_children_spawned, "n_children_spawned", 0)
        self.pool = np.array(mix_pool(self._assembled_entropy(), pool_size), dtype=np.uint32)

    def _assembled_entropy(self):
        """Entropy words, zero-padded to the pool size when a spawn key follows (numpy >= 1.19)."""
        run = coerce_to_words(self.entropy, "entropy")
        key = coerce_to_words(self.spawn_key, "spawn_key")
        if key and len(run) < self.pool_size:
            run = run + [0] * (self.pool_size - len(run))
        return run + key

    @property
    def state(self):
        """The constructor arguments that recreate this SeedSequence (numpy's ``state``)."""
        return {
            "entropy": self.entropy,
            "spawn_key": self.spawn_key,
            "pool_size": self.pool_size,
            "n_children_spawned": self.n_children_spawned,
        }

    def generate_state(self, n_words, dtype=np.uint32):
        """Hash the pool into ``n_words`` words of ``dtype`` (uint32 or uint64, pairs low word first)."""
        n_words = as_int(n_words, "n_words", 0)
        dtype = np.dtype(dtype)
        if dtype not in (np.dtype(np.uint32), np.dtype(np.uint64)):
            raise ValueError(f"dtype must be np.uint32 or np.uint64, not {dtype}")
        n32 = n_words * (2 if dtype == np.uint64 else 1)
        # word i: v = pool[i % size] ^ INIT_B*MULT_B**i; v *= INIT_B*MULT_B**(i+1); v ^= v >> 16 (mod 2**32)
        steps = np.full(n32 + 1, MULT_B, dtype=np.uint32)
        steps[0] = INIT_B
        hash_consts = np.cumprod(steps, dtype=np.uint32)  # wraps mod 2**32, as the C code does
        words = self.pool[np.arange(n32) % self.pool_size] ^ hash_consts[:-1]
        words *= hash_consts[1:]
        words ^= words >> np.uint32(XSHIFT)
        return words.view(np.dtype("<u8")).astype(np.uint64) if dtype == np.uint64 else words

    def spawn(self, n_children):
        """Return ``n_children`` independent children (spawn keys extended by 0, 1, ... as numpy).

        At most ``MAX_SPAWN`` (10**6) children per call, so the work is bounded (numpy has no bound);
        call again for more: the keys continue where the last call stopped.
        """
        n_children = as_int(n_children, "n_children", 0, MAX_SPAWN)
        start = self.n_children_spawned
        self.n_children_spawned += n_children
        return [
            SeedSequence(self.entropy, spawn_key=self.spawn_key + (i,), pool_size=self.pool_size)
            for i in range(start, start + n_children)
        ]

    def __repr__(self):
        return f"SeedSequence(entropy={self.entropy!r}, spawn_key={self.spawn_key!r}, pool_size={self.pool_size})"


class ISeedSequence(abc.ABC):
    """numpy's ``bit_generator.ISeedSequence``: what a bit generator needs of a seed (``generate_state``)."""

    @abc.abstractmethod
    def generate_state(self, n_words, dtype=np.uint32):
        """``n_words`` words of ``dtype`` to seed a bit generator with."""


class ISpawnableSeedSequence(ISeedSequence):
    """numpy's ``bit_generator.ISpawnableSeedSequence``: a seed that also ``spawn``s children."""

    @abc.abstractmethod
    def spawn(self, n_children):
        """``n_children`` independent child seeds."""


class SeedlessSeedSequence(ISpawnableSeedSequence):
    """numpy's ``bit_generator.SeedlessSeedSequence``: the seed of a bit generator seeded some other way
    (no state to generate; its children are seedless too)."""

    def generate_state(self, n_words, dtype=np.uint32):
        raise NotImplementedError("seedless SeedSequences cannot generate state")

    def spawn(self, n_children):
        return [self] * as_int(n_children, "n_children", 0, MAX_SPAWN)


ISpawnableSeedSequence.register(SeedSequence)
