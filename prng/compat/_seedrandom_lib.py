"""The six extra generators of seedrandom 3.0.5 (its ``lib/`` folder), number for number.

``alea`` (Baagøe's multiply-with-carry over doubles), ``xor128`` and ``xorwow`` (Marsaglia),
``xorshift7`` (Panneton and L'Ecuyer), ``xor4096`` (Brent's xorgens with a Weyl sequence) and
``tychei`` (Neves and Araujo). Their arithmetic is JavaScript's: 32-bit two's-complement integers
(``| 0``, ``<<``, ``^``), unsigned shifts (``>>>``) and doubles; the helpers below give Python ints
the same wrap-around. A seed is read as JavaScript reads it: an integer seed where the generator
tests ``seed === (seed | 0)`` (``Math.floor`` for tychei), else its string (``String(seed)``);
``None`` stands for ``undefined`` (the argument left out).
"""

import math
import time

from ..bitgen.arc4 import js_number_to_string, js_to_string, utf16_units

TWO_32 = 4294967296.0
TWO_M32 = 2.3283064365386963e-10  # 2**-32
TWO_M53 = 1.1102230246251565e-16  # 2**-53
WEYL = 0x61C88647


def i32(x):
    """JavaScript's ToInt32 of an integer: wrap into [-2**31, 2**31)."""
    return ((x + 0x80000000) & 0xFFFFFFFF) - 0x80000000


def shl(x, n):
    """JavaScript's ``x << n`` on an int32."""
    return i32(x << n)


def ushr(x, n):
    """JavaScript's ``x >>> n``: the unsigned 32-bit value shifted right."""
    return (x & 0xFFFFFFFF) >> n


def to_uint32(x):
    """JavaScript's ToUint32 of a double (``x >>> 0``): truncate, wrap into [0, 2**32); NaN and
    infinities give 0."""
    return int(x) & 0xFFFFFFFF if math.isfinite(x) else 0


def js_string(seed):
    """``String(seed)`` (``'' + seed``), with None as ``undefined``."""
    return "undefined" if seed is None else js_to_string(seed)


def js_number(seed):
    """A Python int or float as the JavaScript number it stands for (an int must be exact)."""
    value = float(seed)
    if isinstance(seed, int) and math.isfinite(value) and int(value) != seed:
        raise ValueError(f"seed {seed} is not a JavaScript number (not exactly representable as a double)")
    return value


def int32_seed(seed):
    """The seed as an int if JavaScript's ``seed === (seed | 0)`` holds, else None."""
    if isinstance(seed, bool) or not isinstance(seed, (int, float)):
        return None
    value = js_number(seed)
    return int(value) if math.isfinite(value) and value == int(value) and -2**31 <= value < 2**31 else None


def _state_ints(state, names, where):
    """``state[name]`` for each name, each an int32 (what the generators' ``state()`` holds)."""
    values = []
    for name in names:
        value = state.get(name) if isinstance(state, dict) else None
        if isinstance(value, bool) or not isinstance(value, int) or not -2**31 <= value < 2**31:
            raise ValueError(f"{where}[{name!r}] must be a 32-bit signed integer, got {value!r}")
        values.append(value)
    return values


def _state_words(state, name, count, where):
    """``state[name]``: a list of ``count`` int32 values."""
    words = state.get(name) if isinstance(state, dict) else None
    if not isinstance(words, (list, tuple)) or len(words) != count:
        raise ValueError(f"{where}[{name!r}] must be a list of {count} 32-bit signed integers")
    return _state_ints(dict(enumerate(words)), range(count), f"{where}[{name!r}]")


# -- alea ----------------------------------------------------------------------------------------


class _Mash:
    """Baagøe's Mash: a hash of strings to doubles in [0, 1) whose state carries over between calls."""

    def __init__(self):
        self.n = 4022871197.0  # 0xefc8249d

    def __call__(self, text):
        n = self.n
        for unit in utf16_units(text):
            n += unit
            h = 0.02519603282416938 * n
            n = float(to_uint32(h))
            h -= n
            h *= n
            n = float(to_uint32(h))
            h -= n
            n += h * TWO_32
        self.n = n
        return to_uint32(n) * TWO_M32


class Alea:
    """seedrandom's ``lib/alea.js``: three doubles and a carry; state ``{c, s0, s1, s2}``."""

    def __init__(self, seed):
        mash = _Mash()
        self.c = 1
        self.s0, self.s1, self.s2 = mash(" "), mash(" "), mash(" ")
        text = js_string(seed)
        self.s0 -= mash(text)
        if self.s0 < 0:
            self.s0 += 1
        self.s1 -= mash(text)
        if self.s1 < 0:
            self.s1 += 1
        self.s2 -= mash(text)
        if self.s2 < 0:
            self.s2 += 1

    def next(self):
        """The next double in [0, 1): ``t = 2091639 * s0 + c * 2**-32``, carry ``t | 0``."""
        t = 2091639 * self.s0 + self.c * TWO_M32
        self.s0, self.s1 = self.s1, self.s2
        self.c = int(t)
        self.s2 = t - self.c
        return self.s2

    def get(self):
        return {"c": self.c, "s0": self.s0, "s1": self.s1, "s2": self.s2}

    def set(self, state, where):
        c, = _state_ints(state, ["c"], where)
        doubles = [state.get(name) for name in ("s0", "s1", "s2")]
        if not all(isinstance(v, (int, float)) and not isinstance(v, bool) and 0 <= v < 1 for v in doubles):
            raise ValueError(f"{where}['s0'], ['s1'], ['s2'] must be numbers in [0, 1), got {doubles!r}")
        self.c, (self.s0, self.s1, self.s2) = c, map(float, doubles)


# -- the xor-shift family: next() gives an int32 ---------------------------------------------------


class Xor128:
    """seedrandom's ``lib/xor128.js`` (Marsaglia); state ``{x, y, z, w}``."""

    FIELDS = ("x", "y", "z", "w")

    def __init__(self, seed):
        self.x = self.y = self.z = self.w = 0
        text = _seed_text_or_int(self, seed, "x")
        for k in range(len(text) + 64):
            self.x ^= text[k] if k < len(text) else 0
            self.next()

    def next(self):
        t = self.x ^ shl(self.x, 11)
        self.x, self.y, self.z = self.y, self.z, self.w
        self.w ^= ushr(self.w, 19) ^ t ^ ushr(t, 8)
        return self.w


class Xorwow:
    """seedrandom's ``lib/xorwow.js`` (Marsaglia's xorwow); state ``{x, y, z, w, v, d}``.

    ``d`` is undefined until the seed is mixed in; ``(undefined + 362437) | 0`` is 0 in JavaScript.
    """

    FIELDS = ("x", "y", "z", "w", "v", "d")

    def __init__(self, seed):
        self.x = self.y = self.z = self.w = self.v = 0
        self.d = None
        text = _seed_text_or_int(self, seed, "x")
        for k in range(len(text) + 64):
            self.x ^= text[k] if k < len(text) else 0
            if k == len(text):
                self.d = shl(self.x, 10) ^ ushr(self.x, 4)
            self.next()

    def next(self):
        t = self.x ^ ushr(self.x, 2)
        self.x, self.y, self.z, self.w = self.y, self.z, self.w, self.v
        self.v = (self.v ^ shl(self.v, 4)) ^ (t ^ shl(t, 1))
        self.d = 0 if self.d is None else i32(self.d + 362437)
        return i32(self.d + self.v)


class Xorshift7:
    """seedrandom's ``lib/xorshift7.js`` (Panneton and L'Ecuyer); state ``{x: [8 words], i}``."""

    STATE_ARRAY = "x"

    def __init__(self, seed):
        number = int32_seed(seed)
        if number is not None:
            words = [number]
        else:
            text = utf16_units(js_string(seed))
            words = []  # JavaScript's sparse array: an unset X[k] is undefined
            for j, unit in enumerate(text):
                here = words[j & 7] if (j & 7) < len(words) else None
                after = words[(j + 1) & 7] if ((j + 1) & 7) < len(words) else None
                value = (0 if here is None else shl(here, 15)) ^ (0 if after is None else shl(i32(unit + after), 13))
                if (j & 7) < len(words):
                    words[j & 7] = value
                else:
                    words.append(value)
        words += [0] * (8 - len(words))
        if not any(words):
            words[7] = -1
        self.x, self.i = words, 0
        for _ in range(256):
            self.next()

    def next(self):
        x, i = self.x, self.i
        t = x[i]
        t ^= ushr(t, 7)
        v = t ^ shl(t, 24)
        t = x[(i + 1) & 7]
        v ^= t ^ ushr(t, 10)
        t = x[(i + 3) & 7]
        v ^= t ^ ushr(t, 3)
        t = x[(i + 4) & 7]
        v ^= t ^ shl(t, 7)
        t = x[(i + 7) & 7]
        t = t ^ shl(t, 13)
        v = i32(v ^ t ^ shl(t, 9))
        x[i] = v
        self.i = (i + 1) & 7
        return v

    def get(self):
        return {"x": list(self.x), "i": self.i}

    def set(self, state, where):
        i, = _state_ints(state, ["i"], where)
        if not 0 <= i < 8:
            raise ValueError(f"{where}['i'] must be in [0, 7], got {i}")
        self.x, self.i = _state_words(state, "x", 8, where), i


class Xor4096:
    """seedrandom's ``lib/xor4096.js`` (Brent's xorgens 4096 plus a Weyl sequence); state ``{i, w, X}``."""

    STATE_ARRAY = "X"

    def __init__(self, seed):
        number = int32_seed(seed)
        if number is not None:
            v, text, limit = number, None, 128
        else:
            text, v = utf16_units(js_string(seed) + "\0"), 0
            limit = max(128, len(text))
        words, w, zeros = [None] * 128, 0, 0
        for j in range(-32, limit):
            if text:
                v ^= text[(j + 32) % len(text)]
            if j == 0:
                w = v
            v = _xorshift_step(v)
            if j >= 0:
                w = i32(w + WEYL)
                t = words[j & 127] = i32((words[j & 127] or 0) ^ (v + w))
                zeros = zeros + 1 if t == 0 else 0
        if zeros >= 128:
            words[(len(text) if text else 0) & 127] = -1
        i = 127
        for _ in range(4 * 128):
            i = (i + 1) & 127
            words[i] = _xorgens_step(words[(i + 33) & 127], words[i])
        self.w, self.X, self.i = w, words, i

    def next(self):
        self.w = w = i32(self.w + WEYL)
        i = self.i = (self.i + 1) & 127
        v = self.X[i] = _xorgens_step(self.X[(i + 34 - 1) & 127], self.X[i])
        return i32(v + (w ^ ushr(w, 16)))

    def get(self):
        return {"i": self.i, "w": self.w, "X": list(self.X)}

    def set(self, state, where):
        i, w = _state_ints(state, ["i", "w"], where)
        if not 0 <= i < 128:
            raise ValueError(f"{where}['i'] must be in [0, 127], got {i}")
        self.i, self.w, self.X = i, w, _state_words(state, "X", 128, where)


def _xorshift_step(v):
    """xor4096's seeding scramble of ``v``: four xor-shifts."""
    v = i32(v ^ shl(v, 10))
    v = i32(v ^ ushr(v, 15))
    v = i32(v ^ shl(v, 4))
    return i32(v ^ ushr(v, 13))


def _xorgens_step(v, t):
    """xorgens' recurrence: the new word from ``v = X[i + 33]`` and ``t = X[i]`` (i already advanced)."""
    v = i32(v ^ shl(v, 13))
    t = i32(t ^ shl(t, 17))
    v = i32(v ^ ushr(v, 15))
    t = i32(t ^ ushr(t, 12))
    return i32(v ^ t)


class Tychei:
    """seedrandom's ``lib/tychei.js`` (Tyche-i); state ``{a, b, c, d}``."""

    FIELDS = ("a", "b", "c", "d")

    def __init__(self, seed):
        self.a, self.b, self.c, self.d = 0, 0, i32(2654435769), 1367130551
        value = None if isinstance(seed, bool) or not isinstance(seed, (int, float)) else js_number(seed)
        if value is not None and (math.isinf(value) or value == math.floor(value) if value == value else False):
            self.a, self.b = _to_int32(value / TWO_32), _to_int32(value)  # seed === Math.floor(seed)
            text = []
        else:
            text = utf16_units(js_string(seed))
        for k in range(len(text) + 20):
            self.b ^= text[k] if k < len(text) else 0
            self.next()

    def next(self):
        a, b, c, d = self.a, self.b, self.c, self.d
        b = shl(b, 25) ^ ushr(b, 7) ^ c
        c = i32(c - d)
        d = i32(shl(d, 24) ^ ushr(d, 8) ^ a)
        a = i32(a - b)
        self.b = b = i32(shl(b, 20) ^ ushr(b, 12) ^ c)
        self.c = c = i32(c - d)
        self.d = i32(shl(d, 16) ^ ushr(c, 16) ^ a)
        self.a = i32(a - b)
        return self.a


def _to_int32(x):
    """JavaScript's ToInt32 of a double."""
    return i32(to_uint32(x))


def _seed_text_or_int(gen, seed, field):
    """The xor128/xorwow seeding rule: an int32 seed goes into ``field``; otherwise the UTF-16 code
    units of ``String(seed)`` are returned to be mixed in (an int seed gives none)."""
    number = int32_seed(seed)
    if number is not None:
        setattr(gen, field, number)
        return []
    return utf16_units(js_string(seed))


def _get_fields(self):
    return {name: getattr(self, name) for name in self.FIELDS}


def _set_fields(self, state, where):
    for name, value in zip(self.FIELDS, _state_ints(state, self.FIELDS, where)):
        setattr(self, name, value)


for _cls in (Xor128, Xorwow, Tychei):
    _cls.get, _cls.set = _get_fields, _set_fields


def autoseed_time():
    """``+new Date``: xorshift7's and xor4096's seed when none is given (milliseconds since 1970)."""
    return time.time_ns() // 1_000_000


__all__ = ["Alea", "Xor128", "Xorwow", "Xorshift7", "Xor4096", "Tychei", "autoseed_time", "js_number_to_string"]
