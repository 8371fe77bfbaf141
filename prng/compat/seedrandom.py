"""seedrandom 3.0.5 (npm) for Python: the same numbers as ``require('seedrandom')`` for the same calls.

- ``seedrandom(seed=None, options=None, callback=None, *, entropy=False, state=None, pass_=None)``: the
  default generator (RC4-drop[256], ``prng.ARC4``). As seedrandom does: ``None`` autoseeds (here
  from ``os.urandom``); ``entropy`` mixes the module's entropy pool into the seed; every call mixes
  the new generator's RC4 state into that pool; ``options=True`` is the legacy form of
  ``entropy=True``; ``options`` may also be a dict of seedrandom's option names (``"entropy"``,
  ``"state"``, ``"pass"``, ``"global"``); ``pass_`` (``options["pass"]``) or ``callback`` receives
  ``(prng, shortseed, global, state)`` and its result is returned. ``global`` (replacing
  ``Math.random``) has no Python counterpart: it is only passed on to a callback.
- ``alea``, ``xor128``, ``xorwow``, ``xorshift7``, ``xor4096``, ``tychei`` (seedrandom's ``lib/``):
  ``name(seed=None, options=None, *, state=None)``.

Every generator is a callable giving doubles in [0, 1), with ``double()``, ``int32()`` and
``quick()`` as seedrandom's; ``state()`` exists only when ``state`` is requested (``True``, or a
saved state object to resume from), as in seedrandom. ``None`` as a seed stands for JavaScript's
``undefined``; lists and dicts stand for arrays and objects.

``load_seedrandom(math_random=None)`` is one loaded copy of seedrandom.js with its own entropy pool
(seedrandom mixes one ``Math.random()`` into the pool when it loads); the module's ``seedrandom`` is
one such copy, its pool started from ``os.urandom``.
"""

import os

from ..bitgen.arc4 import ARC4, WIDTH, flatten, js_number_to_string, mixkey
from . import _seedrandom_lib as lib

_OPTION_NAMES = ("entropy", "state", "pass", "global")


def _chars(codes):
    """seedrandom's ``tostring``: ``String.fromCharCode`` of a list of codes."""
    return "".join(map(chr, codes))


def _prng_state(state, kind, where="state"):
    """Whether ``state`` asks for ``.state()``, and the saved state object to resume from (or None)."""
    if state is None or state is False:
        return False, None
    if state is True:
        return True, None
    if isinstance(state, dict):
        return True, state
    raise TypeError(f"{where} must be None, a bool or a {kind} state dict, not {type(state).__name__}")


class _Generator:
    """A seedrandom generator: ``g()`` / ``double()`` / ``int32()`` / ``quick()`` (and ``state()`` on request)."""

    def __init__(self, core, state, kind):
        self._core = core
        wanted, saved = _prng_state(state, kind)
        array = getattr(core, "STATE_ARRAY", None)  # xorshift7, xor4096: loaded only with their array
        if saved is not None and (array is None or saved.get(array)):
            core.set(saved, "state")
        if wanted:
            self.state = self._state

    def _state(self):
        """A copy of the generator's state, which ``state=`` resumes from (here or in seedrandom)."""
        return self._core.get()


class _XorGenerator(_Generator):
    """The xor-shift generators and tychei: ``next()`` is an int32."""

    def __call__(self):
        """32 bits: ``(next() >>> 0) / 2**32``."""
        return (self._core.next() & 0xFFFFFFFF) / lib.TWO_32

    quick = __call__

    def int32(self):
        """``next()``, a signed 32-bit integer."""
        return self._core.next()

    def double(self):
        """53 bits: ``((next() >>> 11) + (next() >>> 0) / 2**32) / 2**21``, never 0."""
        while True:
            top = lib.ushr(self._core.next(), 11)
            bottom = (self._core.next() & 0xFFFFFFFF) / lib.TWO_32
            result = (top + bottom) / 2097152
            if result != 0:
                return result


class _AleaGenerator(_Generator):
    """alea: ``next()`` is already a double in [0, 1)."""

    def __call__(self):
        """32 bits: the next double of the recurrence."""
        return self._core.next()

    quick = __call__

    def int32(self):
        """``(next() * 2**32) | 0``."""
        return lib.i32(int(self._core.next() * lib.TWO_32))

    def double(self):
        """53 bits: ``g() + ((g() * 2**21) | 0) * 2**-53``."""
        high = self._core.next()
        return high + int(self._core.next() * 2097152) * lib.TWO_M53


def _lib_generator(kind, core_class, wrapper, autoseed=False):
    def make(seed=None, options=None, *, state=None):
        if options is not None:
            state = _options(options, ("state",)).get("state", state)
        if seed is None and autoseed:
            seed = lib.autoseed_time()
        return wrapper(core_class(seed), state, kind)

    make.__name__ = make.__qualname__ = kind
    make.__doc__ = (f"seedrandom's ``{kind}(seed, {{state}})`` (lib/{kind}.js): the same numbers for the same seed"
                    + ("; None seeds from the clock, as seedrandom does." if autoseed else "."))
    return make


def _options(options, names=_OPTION_NAMES):
    """seedrandom's options object as a dict (only the given names)."""
    if not isinstance(options, dict):
        raise TypeError(f"options must be a dict of {', '.join(names)}, not {type(options).__name__}")
    unknown = set(options) - set(names)
    if unknown:
        raise ValueError(f"unknown seedrandom options {sorted(unknown)}; known: {', '.join(names)}")
    return options


alea = _lib_generator("alea", lib.Alea, _AleaGenerator)
xor128 = _lib_generator("xor128", lib.Xor128, _XorGenerator)
xorwow = _lib_generator("xorwow", lib.Xorwow, _XorGenerator)
xorshift7 = _lib_generator("xorshift7", lib.Xorshift7, _XorGenerator, autoseed=True)
xor4096 = _lib_generator("xor4096", lib.Xor4096, _XorGenerator, autoseed=True)
tychei = _lib_generator("tychei", lib.Tychei, _XorGenerator)


class _ARC4Core:
    """seedrandom's ARC4 object as a generator core: ``get``/``set`` are its ``{i, j, S}`` copies."""

    STATE_ARRAY = "S"  # seedrandom loads a state object only if it has S

    def __init__(self, arc4):
        self.arc4 = arc4

    def get(self):
        inner = self.arc4.state["state"]
        return {"i": inner["i"], "j": inner["j"], "S": inner["S"].tolist()}

    def set(self, state, where):
        self.arc4.state = {"bit_generator": "ARC4", "state": state}


class SeedRandom(_Generator):
    """A seedrandom generator (what ``seedrandom(seed)`` returns in JavaScript)."""

    def __init__(self, arc4, state):
        super().__init__(_ARC4Core(arc4), state, "seedrandom {i, j, S}")
        self._arc4 = arc4

    def __call__(self):
        """seedrandom's prng(): a double in [0, 1) with 53 significant bits."""
        return self._arc4.next_double()

    double = __call__

    def int32(self):
        """seedrandom's int32(): 4 keystream bytes as a signed 32-bit integer."""
        return lib.i32(self._arc4.bytes(4))

    def quick(self):
        """seedrandom's quick(): 4 keystream bytes / 2**32."""
        return self._arc4.bytes(4) / lib.TWO_32


class Seedrandom:
    """One loaded copy of seedrandom.js: ``seedrandom(...)`` with its own entropy pool.

    ``math_random`` is the ``Math.random()`` value mixed into the pool at load (a fresh OS-random
    double when None); the pool then changes with every call, as seedrandom's does.
    """

    def __init__(self, math_random=None):
        if math_random is None:
            math_random = (int.from_bytes(os.urandom(7), "big") >> 3) / 2**53
        self._pool = mixkey(js_number_to_string(math_random), [])

    def __call__(self, seed=None, options=None, callback=None, *, entropy=False, state=None, pass_=None):
        """seedrandom(seed, options, callback): see the module docstring."""
        given = {"entropy": True} if options is True else ({} if options is None else dict(_options(options)))
        given.setdefault("entropy", entropy)
        given.setdefault("state", state)
        given.setdefault("pass", pass_)
        if given["entropy"]:
            key_seed = ["undefined\0" if seed is None else flatten(seed, 2), _chars(self._pool)]
        else:
            key_seed = _chars(os.urandom(WIDTH)) if seed is None else seed
        shortseed = _chars(mixkey(flatten(key_seed, 3)))
        arc4 = ARC4(key_seed)
        mixkey(_chars(arc4.state["state"]["S"].tolist()), self._pool)
        deliver = given["pass"] or callback
        if deliver is not None:
            return deliver(SeedRandom(arc4, given["state"]), shortseed, given.get("global", False), given["state"])
        if given.get("global"):
            raise ValueError("options['global'] replaces JavaScript's Math.random; Python has none "
                             "(use the returned generator, or a pass callback)")
        return SeedRandom(arc4, given["state"])


def load_seedrandom(math_random=None):
    """A freshly loaded seedrandom (its own entropy pool, started with ``math_random``, the
    ``Math.random()`` value seedrandom mixes in when it loads; an OS-random double when None)."""
    return Seedrandom(math_random)


seedrandom = load_seedrandom()
seedrandom.alea, seedrandom.xor128, seedrandom.xorwow = alea, xor128, xorwow
seedrandom.xorshift7, seedrandom.xor4096, seedrandom.tychei = xorshift7, xor4096, tychei

__all__ = ["seedrandom", "load_seedrandom", "Seedrandom", "SeedRandom", "alea", "xor128", "xorwow", "xorshift7", "xor4096", "tychei"]
