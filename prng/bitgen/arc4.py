"""seedrandom 3.0.5's default generator: RC4-drop[256] keyed by seedrandom's seed mixing.

The seed is flattened as seedrandom does (strings as UTF-16 code units; numbers, objects and arrays
through JavaScript's string conversions), mixed into a key of at most 256 bytes (``mixkey``), and the
RC4 keystream after 256 dropped bytes is read big-endian: ``bytes(4)`` is seedrandom's ``int32() >>> 0``.
"""

import math
import re

import numpy as np

from .._bitgen import BitGenerator, check_state_dict, int_field, words_field
from .._validate import as_int

WIDTH = 256
MASK = 255
CHUNKS = 6
START_DENOM = 2**48
SIGNIFICANCE = 2**52
OVERFLOW = 2**53


# -- seedrandom's seed handling ------------------------------------------------------------------


def js_number_to_string(x):
    """ECMAScript Number::toString(10): shortest round-trip digits, JavaScript's exponent rules."""
    x = float(x)
    if math.isnan(x) or math.isinf(x):
        return "NaN" if math.isnan(x) else ("Infinity" if x > 0 else "-Infinity")
    if x == 0:
        return "0"
    if x < 0:
        return "-" + js_number_to_string(-x)
    from decimal import Decimal  # only numeric seeds need it

    _, digit_tuple, exponent = Decimal(repr(x)).as_tuple()
    digits = "".join(map(str, digit_tuple)).rstrip("0")
    k = len(digits)
    n = exponent + len(digit_tuple)  # x = 0.<digits> * 10**n
    if k <= n <= 21:
        return digits + "0" * (n - k)
    if 0 < n <= 21:
        return digits[:n] + "." + digits[n:]
    if -6 < n <= 0:
        return "0." + "0" * -n + digits
    mantissa = digits[0] + ("." + digits[1:] if k > 1 else "")
    return f"{mantissa}e{'+' if n > 0 else '-'}{abs(n - 1)}"


def js_to_string(x):
    """JavaScript's String(x) for JSON-like values (as ``x + ''`` in seedrandom's mixkey)."""
    if isinstance(x, str):
        return x
    if x is None:
        return "null"
    if isinstance(x, bool):
        return "true" if x else "false"
    if isinstance(x, (int, float, np.integer, np.floating)):
        return js_number_to_string(x)
    if isinstance(x, (list, tuple)):
        return ",".join("" if e is None else js_to_string(e) for e in x)
    if isinstance(x, dict):
        return "[object Object]"
    raise TypeError(f"seed must be a string, number, boolean, list or dict, not {type(x).__name__}")


def js_keys(obj):
    """JavaScript for...in order of a dict's keys: array-index keys ascending, then insertion order."""
    keys = [str(k) for k in obj]
    index = [k for k in keys if re.fullmatch(r"0|[1-9][0-9]*", k) and int(k) < 2**32 - 1]
    return sorted(index, key=int) + [k for k in keys if k not in index]


def flatten(obj, depth=3):
    """seedrandom's flatten(obj, depth): nested lists of strings, leaves of non-strings get a NUL."""
    result = []
    if depth and isinstance(obj, (list, tuple)):
        result = [flatten(item, depth - 1) for item in obj]
    elif depth and isinstance(obj, dict):
        by_key = {str(k): v for k, v in obj.items()}
        result = [flatten(by_key[k], depth - 1) for k in js_keys(obj)]
    if result:
        return result
    return obj if isinstance(obj, str) else js_to_string(obj) + "\0"


def utf16_units(text):
    """The UTF-16 code units of ``text`` (JavaScript's charCodeAt)."""
    data = text.encode("utf-16-le", "surrogatepass")
    return [data[i] | data[i + 1] << 8 for i in range(0, len(data), 2)]


def mixkey(seed, key=None):
    """seedrandom's mixkey(seed, key): mixes a flattened seed into ``key`` (a new list when None;
    seedrandom's entropy pool otherwise), at most 256 bytes, and returns it."""
    key = [] if key is None else key
    smear = 0
    for j, unit in enumerate(utf16_units(js_to_string(seed))):
        slot = j & MASK
        if slot == len(key):
            key.append(0)
        smear ^= key[slot] * 19
        key[slot] = MASK & (smear + unit)
    return key


def seed_key(seed):
    """The RC4 key seedrandom derives from ``seed`` (a string, number, boolean, list or dict)."""
    if seed is None:
        raise TypeError("seed must not be None: seedrandom's autoseed is not reproducible")
    return mixkey(flatten(seed, 3))


# -- RC4 -------------------------------------------------------------------------------------------


def key_schedule(key):
    """RC4's key schedule (an empty key acts as [0]), then the 256 dropped bytes: returns (i, j, S)."""
    key = key or [0]
    s = list(range(WIDTH))
    j = 0
    for i in range(WIDTH):
        j = (j + key[i % len(key)] + s[i]) & MASK
        s[i], s[j] = s[j], s[i]
    core = ARC4Core({"i": 0, "j": 0, "S": s})
    core.bytes(WIDTH)
    return core.get()


class ARC4Core:
    """Pure-Python RC4 keystream (seedrandom's ARC4.g)."""

    def __init__(self, state):
        self.i, self.j = state["i"], state["j"]
        self.s = [int(v) for v in state["S"]]

    def get(self):
        return {"i": self.i, "j": self.j, "S": np.array(self.s, dtype=np.uint8)}

    def bytes(self, count):
        """seedrandom's g(count): the next ``count`` keystream bytes as a big-endian integer."""
        i, j, s = self.i, self.j, self.s
        r = 0
        for _ in range(count):
            i = (i + 1) & MASK
            t = s[i]
            j = (j + t) & MASK
            s[i], s[j] = s[j], t
            r = r * WIDTH + s[(s[i] + t) & MASK]
        self.i, self.j = i, j
        return r

    def next_raw(self):
        return self.bytes(4)

    def fill_raw(self, out):
        for k in range(out.shape[0]):
            out[k] = self.bytes(4)


def seedrandom_double(core):
    """seedrandom's prng(): 7 or more keystream bytes, exactly 53 significant bits, in [0, 1)."""
    n, d, x = core.bytes(CHUNKS), START_DENOM, 0
    while n < SIGNIFICANCE:
        n = (n + x) * WIDTH
        d *= WIDTH
        x = core.bytes(1)
    while n >= OVERFLOW:
        n //= 2
        d //= 2
        x >>= 1
    return (n + x) / d


class ARC4(BitGenerator):
    """seedrandom 3.0.5's default generator: ``ARC4(seed)`` gives ``seedrandom(seed)``'s keystream.

    ``next_uint32()`` is ``int32() >>> 0``; ``next_double()`` is seedrandom's ``prng()``.
    """

    word_bits = 32

    def __init__(self, seed, *, backend="auto"):
        self._setup(key_schedule(seed_key(seed)), backend)

    def bytes(self, count):
        """The next ``count`` keystream bytes as a big-endian integer (seedrandom's ``g(count)``);
        ``count`` a non-negative integer."""
        count = as_int(count, "count", 0)
        with self.lock:
            return self._core.bytes(count)

    def _next_double(self):
        return seedrandom_double(self._core)

    def _state_from_core(self, core):
        return {"bit_generator": "ARC4", "state": core}

    def _core_state_from(self, state):
        inner = check_state_dict(state, "ARC4")
        core = {
            "i": int_field(inner, "i", "state['state']['i']", 0, MASK),
            "j": int_field(inner, "j", "state['state']['j']", 0, MASK),
            "S": words_field(inner, "S", "state['state']['S']", WIDTH, 8, np.uint8),
        }
        if sorted(core["S"].tolist()) != list(range(WIDTH)):
            raise ValueError("state['state']['S'] must be a permutation of 0..255")
        return core, (0, 0)
