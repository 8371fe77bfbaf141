"""BitGenerator: the front every public generator shares (numpy's BitGenerator semantics).

A front seeds, validates, keeps numpy's buffered uint32 half, and converts between numpy's ``state``
dict and the backend core's state; the core (``prng._backends``) produces the stream.

Like numpy's, every front has a ``lock`` (a ``threading.Lock``) held for each draw, bulk call and state
access, so a generator shared between threads hands every value out exactly once. The unlocked twins
(``_next_uint64``, ...) serve the samplers, which hold the lock for a whole call (``prng._sampling``).
"""

import threading

import numpy as np

from . import _backends
from ._validate import as_int, as_int_list, as_size
from .seedsequence import ISeedSequence, ISpawnableSeedSequence, SeedSequence

M32 = 0xFFFFFFFF
M64 = 0xFFFFFFFFFFFFFFFF
TWO_M53 = 1.0 / 9007199254740992.0


def as_seed_sequence(seed):
    """numpy's seeding rule: a SeedSequence (an ``ISeedSequence``) is used as is, anything else goes
    through SeedSequence(seed)."""
    if isinstance(seed, ISeedSequence) or (hasattr(seed, "generate_state") and hasattr(seed, "spawn")):
        return seed
    return SeedSequence(seed)


class BitGenerator:
    """Shared front: ``random_raw``, ``next_uint32/64``, ``next_double``, ``state``, ``backend``, ``spawn``.

    Subclasses set ``word_bits`` (64 or 32: the width of one natural output) and implement
    ``_core_state_from(state)`` (validate a numpy-format dict, return the core-state dict and the
    front's buffer fields) and ``_state_from_core(core_state)``.
    """

    word_bits = 64

    def _setup(self, core_state, backend, seed_seq=None):
        """Create the core for ``backend`` from a validated core-state dict and reset the uint32 buffer."""
        self.lock = threading.Lock()
        self._backend = _backends.resolve(backend)
        self._core = _backends.core_class(type(self).__name__, self._backend)(core_state)
        self._seed_seq = seed_seq
        self._has_uint32 = 0
        self._uinteger = 0

    @classmethod
    def _from_core_state(cls, core_state, backend):
        """A new generator holding ``core_state`` (no seed sequence), as numpy's jumped() returns."""
        gen = cls.__new__(cls)
        gen._setup(core_state, backend)
        return gen

    @property
    def backend(self):
        """The backend in use: "python", "numba" or "c"."""
        return self._backend

    @property
    def seed_seq(self):
        """The SeedSequence this generator was seeded from, or None (explicit key/state seeding)."""
        return self._seed_seq

    # -- draws ---------------------------------------------------------------------------------

    def random_raw(self, size=None, output=True, *, out=None):
        """numpy's ``random_raw``: natural outputs as uint64 (an int when ``size`` is None).

        ``out`` fills a caller's C-contiguous uint64 array instead of allocating one.
        """
        with self.lock:
            return self._random_raw(size, output, out)

    def _random_raw(self, size, output, out):
        if out is not None:
            flat = _writable_flat(out, np.uint64)
            if size is not None and as_size(size) != out.shape:
                raise ValueError(f"size {size!r} does not match out.shape {out.shape}")
            self._core.fill_raw(flat)
            return out
        shape = as_size(size)
        if shape is None:
            value = self._core.next_raw()
            return value if output else None
        result = np.empty(shape, dtype=np.uint64)
        self._core.fill_raw(result if len(shape) == 1 else result.reshape(-1))
        return result if output else None

    def next_uint64(self):
        """One 64-bit draw: the natural output, or two 32-bit outputs with the first as the high half."""
        with self.lock:
            return self._next_uint64()

    def next_uint32(self):
        """One 32-bit draw; 64-bit generators hand out each output's low half, then its high half."""
        with self.lock:
            return self._next_uint32()

    def next_double(self):
        """A double in [0, 1) on the 2**-53 grid (numpy's next_double for this generator)."""
        with self.lock:
            return self._next_double()

    def _next_uint64(self):
        if self.word_bits == 64:
            return self._core.next_raw()
        high = self._core.next_raw()
        return (high << 32) | self._core.next_raw()

    def _next_uint32(self):
        if self.word_bits == 32:
            return self._core.next_raw()
        if self._has_uint32:
            self._has_uint32 = 0
            return self._uinteger
        value = self._core.next_raw()
        self._has_uint32 = 1
        self._uinteger = value >> 32
        return value & M32

    def _next_double(self):
        if self.word_bits == 64:
            return (self._core.next_raw() >> 11) * TWO_M53
        a = self._core.next_raw() >> 5
        b = self._core.next_raw() >> 6
        return (a * 67108864.0 + b) * TWO_M53

    # -- bulk draws (the same values as repeated scalar calls) -----------------------------------

    def fill_uint32(self, out):
        """Fill ``out`` (a uint32 array) with ``next_uint32()`` draws, buffered half included; returns it."""
        with self.lock:
            return self._fill_uint32(out)

    def _fill_uint32(self, out):
        flat = _writable_flat(out, np.uint32)
        if self.word_bits == 32:
            if hasattr(self._core, "fill_uint32"):
                self._core.fill_uint32(flat)
            else:
                flat[:] = self._raw(flat.shape[0])
        elif self.word_bits == 64:
            start = 0
            if flat.shape[0] and self._has_uint32:
                flat[0], self._has_uint32, start = self._uinteger, 0, 1
            pairs = self._raw((flat.shape[0] - start) // 2)
            # each draw as two little-endian 32-bit words: its low half first, as numpy hands them out
            flat[start : start + 2 * pairs.shape[0]] = pairs.astype("<u8", copy=False).view("<u4")
            if pairs.shape[0]:
                self._uinteger = int(pairs[-1] >> 32)  # numpy leaves the last high half in uinteger
            if (flat.shape[0] - start) % 2:
                flat[-1] = self._next_uint32()
        else:
            for i in range(flat.shape[0]):
                flat[i] = self._next_uint32()
        return out

    def fill_double(self, out):
        """Fill ``out`` (a float64 array) with ``next_double()`` draws; returns it.

        Cores may supply ``fill_double`` (numpy's next_double for their word size) as a fast path.
        """
        with self.lock:
            return self._fill_double(out)

    def _fill_double(self, out):
        flat = _writable_flat(out, np.float64)
        if type(self)._next_double is not BitGenerator._next_double:  # ARC4, MidSquare: their own doubles
            for i in range(flat.shape[0]):
                flat[i] = self._next_double()
        elif hasattr(self._core, "fill_double"):
            self._core.fill_double(flat)
        elif self.word_bits == 64:
            np.multiply(self._raw(flat.shape[0]) >> np.uint64(11), TWO_M53, out=flat)
        else:
            words = self._raw(2 * flat.shape[0])
            high, low = words[0::2] >> np.uint64(5), words[1::2] >> np.uint64(6)
            np.multiply(high * 67108864.0 + low, TWO_M53, out=flat)
        return out

    def _raw(self, n):
        """``n`` natural outputs as a new uint64 array."""
        words = np.empty(n, dtype=np.uint64)
        self._core.fill_raw(words)
        return words

    # -- state ---------------------------------------------------------------------------------

    @property
    def state(self):
        """numpy's state dict (settable; a failed assignment leaves the generator unchanged)."""
        with self.lock:
            return self._state_from_core(self._core.get())

    @state.setter
    def state(self, value):
        core_state, buffered = self._core_state_from(value)
        core = type(self._core)(core_state)
        with self.lock:
            self._core = core
            self._has_uint32, self._uinteger = buffered

    def _sampler_backend(self):
        """The backend whose samplers may draw from this generator (MidSquare overrides it)."""
        return self._backend

    @property
    def _draws(self):
        """The unlocked draws, for samplers that hold ``lock`` (prng._sampling)."""
        return Draws(self)

    def _buffer_fields(self):
        """The uint32 buffer as numpy's ``has_uint32``/``uinteger`` state fields (64-bit generators only)."""
        if self.word_bits != 64:
            return {}
        return {"has_uint32": self._has_uint32, "uinteger": self._uinteger}

    def _buffer_from(self, state):
        """The uint32 buffer read from a state dict: numpy's fields for 64-bit generators, else empty."""
        if self.word_bits != 64:
            return (0, 0)
        return (
            int_field(state, "has_uint32", "state['has_uint32']", 0, 1),
            int_field(state, "uinteger", "state['uinteger']", 0, M32),
        )

    def __getstate__(self):
        """numpy's ``__getstate__``: ``(state, seed_seq)``, then the backend (the lock is not pickled)."""
        return self.state, self._seed_seq, self._backend

    def __setstate__(self, pickled):
        """numpy's ``__setstate__``: ``(state, seed_seq[, backend])``, or a bare state dict."""
        state, seed_seq, backend = (pickled, None, "auto") if isinstance(pickled, dict) else (*pickled, "auto")[:3]
        core_state, buffered = self._core_state_from(state)
        self._setup(core_state, backend, seed_seq)
        self._has_uint32, self._uinteger = buffered

    def spawn(self, n_children):
        """``n_children`` new generators of this class and backend, seeded from ``seed_seq.spawn``."""
        if self._seed_seq is None:
            raise TypeError("spawn needs a generator seeded from a SeedSequence (this one has no seed_seq)")
        if not isinstance(self._seed_seq, ISpawnableSeedSequence) and not hasattr(self._seed_seq, "spawn"):
            raise TypeError("The underlying SeedSequence does not implement spawning.")
        return [type(self)(s, backend=self._backend) for s in self._seed_seq.spawn(n_children)]

    def __repr__(self):
        return f"{type(self).__name__}(backend={self._backend!r})"


class Draws:
    """A front's unlocked ``next_uint64``/``next_uint32``/``next_double``/``fill_uint32``/``fill_double``:
    the bit-generator interface the pure-Python samplers draw from while the caller holds the lock."""

    __slots__ = ("next_uint64", "next_uint32", "next_double", "fill_uint32", "fill_double")

    def __init__(self, front):
        self.next_uint64 = front._next_uint64
        self.next_uint32 = front._next_uint32
        self.next_double = front._next_double
        self.fill_uint32 = front._fill_uint32
        self.fill_double = front._fill_double


def _writable_flat(out, dtype):
    """A 1-d view of ``out``, which must be a writeable C-contiguous numpy array of ``dtype``."""
    if not isinstance(out, np.ndarray) or out.dtype != dtype or not out.flags.c_contiguous:
        raise TypeError(f"out must be a C-contiguous numpy array of dtype {np.dtype(dtype).name}")
    if not out.flags.writeable:
        raise ValueError("out must be writeable")
    return out.reshape(-1)


# -- helpers for state validation (used by every subclass) ---------------------------------------


def check_state_dict(state, name):
    """Check that ``state`` is a dict for generator ``name``; return its inner ``state`` dict."""
    if not isinstance(state, dict):
        raise TypeError(f"state must be a dict, not {type(state).__name__}")
    if state.get("bit_generator") != name:
        raise ValueError(f"state must be for a {name} generator, got bit_generator={state.get('bit_generator')!r}")
    return field(state, "state", "state", dict)


def field(mapping, key, where, kind=None):
    """``mapping[key]``, with a ValueError naming ``where`` if missing (and a TypeError if not ``kind``)."""
    if not isinstance(mapping, dict) or key not in mapping:
        raise ValueError(f"state is missing {where}")
    value = mapping[key]
    if kind is not None and not isinstance(value, kind):
        raise TypeError(f"{where} must be a {kind.__name__}, not {type(value).__name__}")
    return value


def int_field(mapping, key, where, lo, hi):
    """An integer state field in ``[lo, hi]``."""
    return as_int(field(mapping, key, where), where, lo, hi)


def words_field(mapping, key, where, count, bits, dtype):
    """A state field holding exactly ``count`` unsigned ``bits``-bit words, as a numpy array of ``dtype``."""
    words = as_int_list(field(mapping, key, where), where, 0, (1 << bits) - 1)
    if len(words) != count:
        raise ValueError(f"{where} must have {count} words, got {len(words)}")
    return np.array(words, dtype=dtype)

