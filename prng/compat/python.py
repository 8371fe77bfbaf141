"""CPython's ``random.Random`` (3.11+) on prng's MT19937, value for value.

Seeding follows ``Random.seed`` (``Lib/random.py``) and ``random_seed`` (``Modules/_randommodule.c``):
the seed becomes an integer whose absolute value's 32-bit words, least significant first, go through
mt19937ar's ``init_by_array`` (``prng.MT19937.from_array``). The methods follow ``Lib/random.py``;
every integer draw goes through ``getrandbits`` (``_randbelow_with_getrandbits``).
"""

import bisect
import hashlib
import itertools
import math
import operator
import os
from collections.abc import Sequence

from ..bitgen.mt19937 import MT19937

_NV_MAGICCONST = 4 * math.exp(-0.5) / math.sqrt(2.0)
_N = 624


def _seed_words(a):
    """CPython's seed-to-key rule: ``None`` -> 624 OS-random words; int -> words of ``abs(a)``;
    str/bytes/bytearray -> the int of ``a + sha512(a)`` (version 2); float -> ``hash(a)`` as size_t."""
    if a is None:
        data = os.urandom(4 * _N)
        return [int.from_bytes(data[4 * i:4 * i + 4], "little") for i in range(_N)]
    if isinstance(a, (str, bytes, bytearray)):
        raw = a.encode() if isinstance(a, str) else bytes(a)
        a = int.from_bytes(raw + hashlib.sha512(raw).digest(), "big")
    elif isinstance(a, float):
        a = hash(a) % 2**64
    elif not isinstance(a, int):
        raise TypeError("The only supported seed types are: None,\nint, float, str, bytes, and bytearray.")
    n = abs(a)
    return [(n >> (32 * i)) & 0xFFFFFFFF for i in range(max(1, -(-n.bit_length() // 32)))]


class Random:
    """CPython's ``random.Random(x)``: the same values for the same seed."""

    VERSION = 3  # getstate() format, as CPython's

    def __init__(self, x=None):
        self.seed(x)

    def seed(self, a=None, version=2):
        """``Random.seed``: int (any size; the sign is ignored), str/bytes/bytearray (version 2),
        float (by hash) or None (OS entropy)."""
        if version != 2 and isinstance(a, (str, bytes, bytearray)):
            raise ValueError("only version=2 string seeding is supported")
        self._mt = MT19937.from_array(_seed_words(a))
        self.gauss_next = None

    def getstate(self):
        """``Random.getstate``: ``(3, (624 key words..., index), gauss_next)``."""
        core = self._mt.state["state"]
        return (self.VERSION, tuple(int(w) for w in core["key"]) + (int(core["pos"]),), self.gauss_next)

    def setstate(self, state):
        """``Random.setstate`` for version 3 (and version 2, whose words are taken mod 2**32)."""
        version, internal, gauss_next = state
        if version not in (2, 3):
            raise ValueError(f"state with version {version} passed to Random.setstate() of version 3")
        internal = tuple(internal)
        if len(internal) != _N + 1 or not 0 <= internal[-1] <= _N:
            raise ValueError("invalid state")
        key = [w % 2**32 if version == 2 else w for w in internal[:-1]]
        self._mt.state = {"bit_generator": "MT19937", "state": {"key": key, "pos": internal[-1]}}
        self.gauss_next = gauss_next

    def random(self):
        """``random()``: 53-bit double from two words, ``(a >> 5) * 2**26 + (b >> 6)`` over 2**53."""
        return self._mt.next_double()

    def getrandbits(self, k):
        """``getrandbits(k)``: 32-bit words least significant first; the last keeps its top bits."""
        k = operator.index(k)
        if k < 0:
            raise ValueError("number of bits must be non-negative")
        result, shift = 0, 0
        while k > 0:
            take = min(k, 32)
            result |= (self._mt.next_uint32() >> (32 - take)) << shift
            shift += 32
            k -= take
        return result

    def _randbelow(self, n):
        """``_randbelow_with_getrandbits``: redraw ``n.bit_length()`` bits until below ``n``."""
        k = n.bit_length()
        r = self.getrandbits(k)
        while r >= n:
            r = self.getrandbits(k)
        return r

    def randrange(self, start, stop=None, step=1):
        """``randrange(start[, stop[, step]])`` on integer arguments."""
        start = operator.index(start)
        if stop is None:
            if step != 1:
                raise TypeError("Missing a non-None stop argument")
            if start > 0:
                return self._randbelow(start)
            raise ValueError("empty range for randrange()")
        stop, step = operator.index(stop), operator.index(step)
        width = stop - start
        if step == 1:
            if width > 0:
                return start + self._randbelow(width)
            raise ValueError(f"empty range for randrange() ({start}, {stop}, {width})")
        if step == 0:
            raise ValueError("zero step for randrange()")
        n = (width + step - 1) // step if step > 0 else (width + step + 1) // step
        if n <= 0:
            raise ValueError("empty range for randrange()")
        return start + step * self._randbelow(n)

    def randint(self, a, b):
        """``randint(a, b)``: ``randrange(a, b + 1)``."""
        return self.randrange(a, b + 1)

    def choice(self, seq):
        """``choice(seq)``: ``seq[_randbelow(len(seq))]``."""
        if not len(seq):
            raise IndexError("Cannot choose from an empty sequence")
        return seq[self._randbelow(len(seq))]

    def shuffle(self, x):
        """``shuffle(x)``: for i = len-1 .. 1 swap ``x[i]`` with ``x[_randbelow(i + 1)]``."""
        for i in range(len(x) - 1, 0, -1):
            j = self._randbelow(i + 1)
            x[i], x[j] = x[j], x[i]

    def sample(self, population, k, *, counts=None):
        """``sample(population, k, counts=None)``: a pool of the population for small populations,
        else rejection of repeated indices (CPython's set-size heuristic decides)."""
        if not isinstance(population, Sequence):
            raise TypeError("Population must be a sequence.  For dicts or sets, use sorted(d).")
        n = len(population)
        if counts is not None:
            return self._sample_counts(population, k, counts)
        if not 0 <= k <= n:
            raise ValueError("Sample larger than population or is negative")
        setsize = 21
        if k > 5:
            setsize += 4 ** math.ceil(math.log(k * 3, 4))
        if n <= setsize:
            pool = list(population)
            result = []
            for i in range(k):
                j = self._randbelow(n - i)
                result.append(pool[j])
                pool[j] = pool[n - i - 1]
            return result
        selected, result = set(), []
        for _ in range(k):
            j = self._randbelow(n)
            while j in selected:
                j = self._randbelow(n)
            selected.add(j)
            result.append(population[j])
        return result

    def _sample_counts(self, population, k, counts):
        """``sample`` with ``counts``: sample ``range(total)`` and map back through the cumulative counts."""
        cum_counts = list(itertools.accumulate(counts))
        if len(cum_counts) != len(population):
            raise ValueError("The number of counts does not match the population")
        total = cum_counts.pop()
        if not isinstance(total, int):
            raise TypeError("Counts must be integers")
        if total <= 0:
            raise ValueError("Total of counts must be greater than zero")
        return [population[bisect.bisect(cum_counts, s)] for s in self.sample(range(total), k=k)]

    def choices(self, population, weights=None, *, cum_weights=None, k=1):
        """``choices``: ``population[floor(random() * n)]`` without weights, else a bisection of
        ``random() * total`` into the cumulative weights."""
        n = len(population)
        if cum_weights is None:
            if weights is None:
                return [population[math.floor(self.random() * float(n))] for _ in range(k)]
            cum_weights = list(itertools.accumulate(weights))
        elif weights is not None:
            raise TypeError("Cannot specify both weights and cumulative weights")
        if len(cum_weights) != n:
            raise ValueError("The number of weights does not match the population")
        total = cum_weights[-1] + 0.0
        if total <= 0.0:
            raise ValueError("Total of weights must be greater than zero")
        if not math.isfinite(total):
            raise ValueError("Total of weights must be finite")
        return [population[bisect.bisect(cum_weights, self.random() * total, 0, n - 1)] for _ in range(k)]

    def gauss(self, mu=0.0, sigma=1.0):
        """``gauss``: Box-Muller on two ``random()`` values; the sine half is cached for the next call."""
        z = self.gauss_next
        self.gauss_next = None
        if z is None:
            x2pi = self.random() * math.tau
            g2rad = math.sqrt(-2.0 * math.log(1.0 - self.random()))
            z = math.cos(x2pi) * g2rad
            self.gauss_next = math.sin(x2pi) * g2rad
        return mu + z * sigma

    def normalvariate(self, mu=0.0, sigma=1.0):
        """``normalvariate``: Kinderman and Monahan's ratio-of-uniforms method."""
        while True:
            u1 = self.random()
            u2 = 1.0 - self.random()
            z = _NV_MAGICCONST * (u1 - 0.5) / u2
            if z * z / 4.0 <= -math.log(u2):
                return mu + z * sigma
