"""CPython 3.11's ``random.Random`` on prng's MT19937, value for value.

Seeding follows ``Random.seed`` (``Lib/random.py``) and ``random_seed`` (``Modules/_randommodule.c``):
the seed becomes an integer whose absolute value's 32-bit words, least significant first, go through
mt19937ar's ``init_by_array`` (``prng.MT19937.from_array``). The methods follow ``Lib/random.py`` of
3.11 (``binomialvariate`` is 3.12's and is not here): integer draws go through ``getrandbits``
(``_randbelow_with_getrandbits``), the real-valued distributions through ``random()`` and ``math``,
which is the platform libm (glibc on Linux) in both CPython and here, so every value is bitwise equal.

Speed: ``random()`` hands out doubles from an array that one C call fills for a whole block of 624
MT19937 words, or a run of several blocks (numpy's ``fill_double``: the same ``(a >> 5, b >> 6)``
doubles as CPython's). The generator itself stays at the end of what was filled and the position is
kept here, so ``getrandbits``, ``getstate`` and ``setstate`` see exactly CPython's state at every draw.
"""

import array
import bisect
import hashlib
import itertools
import math
import operator
import os
import threading
from collections.abc import Sequence
from warnings import warn

import numpy as np

from ..bitgen.mt19937 import MT19937, temper

NV_MAGICCONST = 4 * math.exp(-0.5) / math.sqrt(2.0)
LOG4 = math.log(4.0)
SG_MAGICCONST = 1.0 + math.log(4.5)
TWOPI = math.tau
BPF = 53  # bits in a double
RECIP_BPF = 2**-BPF

_N = 624  # words per MT19937 block
RUN_BLOCKS = 8  # blocks of doubles one C call fills once random() alone reads a whole block
_M64 = 0xFFFFFFFFFFFFFFFF
_EMPTY = iter(())  # an exhausted iterator: the fast paths fall through to the slow ones
_SEED_TYPES = (type(None), int, float, str, bytes, bytearray)


def _seed_words(a):
    """``random_seed`` (C): None -> 624 OS-random words; an int -> the words of ``int.__abs__(a)``;
    anything else -> the words of ``hash(a)`` read as an unsigned 64-bit integer."""
    if a is None:
        return np.frombuffer(os.urandom(4 * _N), dtype="<u4").tolist()
    n = int.__abs__(a) if isinstance(a, int) else hash(a) & _M64
    return [(n >> shift) & 0xFFFFFFFF for shift in range(0, max(n.bit_length(), 1), 32)]


def _version1_int(a):
    """``seed(a, version=1)`` for str/bytes: Python 2's string hash over the latin-1 characters."""
    text = a.decode("latin-1") if isinstance(a, bytes) else a
    x = ord(text[0]) << 7 if text else 0
    for code in map(ord, text):
        x = ((1000003 * x) ^ code) & _M64
    return x ^ len(text)


def _doubles_from_words(first, second):
    """CPython's ``random()`` from two word arrays: ``((a >> 5) * 2**26 + (b >> 6)) * 2**-53``."""
    return ((first >> 5) * 67108864.0 + (second >> 6)) * RECIP_BPF


def _state_index(value):
    """One entry of a setstate() vector as C's ``PyLong_AsUnsignedLong`` takes it (a TypeError for a
    non-int, an OverflowError outside [0, 2**64)); the key keeps its low 32 bits, as C does."""
    if not isinstance(value, int):
        raise TypeError(f"state vector items must be integers, not {type(value).__name__}")
    if value < 0:
        raise OverflowError("can't convert negative value to unsigned int")
    if value > _M64:
        raise OverflowError("Python int too large to convert to C unsigned long")
    return value


class Random:
    """CPython's ``random.Random(x)``: the same values, state and errors for the same calls.

    As CPython's, a subclass that overrides ``random()`` but not ``getrandbits()`` makes the integer
    methods draw through its ``random()`` (``__init_subclass__`` picks ``_randbelow``).
    """

    VERSION = 3  # getstate() format, as CPython's

    def __new__(cls, *args, **kwargs):
        self = super().__new__(cls)
        self._init_buffers()
        return self

    def __init__(self, x=None):
        self.seed(x)
        self.gauss_next = None

    # -- the MT19937 block ----------------------------------------------------------------------
    #
    # The MT19937 generator ``_mt`` always sits at the end of a block (pos 624); its key is the raw
    # key of the current block. Draws come from that block's tempered words at ``_pos``: through
    # the iterator ``_doubles`` (random(): the doubles starting at an even or odd word) or
    # ``_words`` (single words). At most one iterator is live; ``_park`` reads the position back.
    #
    # When random() alone has read a whole block, the next fill takes RUN_BLOCKS blocks of doubles
    # in one C call (a "run"; ``_mt`` then sits at the end of the run's last block). The raw key
    # before the run is kept, so that any other draw, getstate() or setstate() can rebuild the exact
    # state of the block it stops in (``_end_run``) and go on one block at a time.

    def _init_buffers(self):
        """The lock, and the reusable arrays that ``fill_double`` writes a block's or a run's doubles into."""
        self._lock = threading.Lock()
        self._block_doubles = array.array("d", bytes(8 * (_N // 2)))
        self._run_doubles = array.array("d", bytes(8 * (_N // 2) * RUN_BLOCKS))
        self._streak = False  # the current block was read by random() alone, from its start
        self._reset_block(None, _N)

    def _reset_block(self, mt, pos):
        """Start over on generator ``mt`` (sitting at pos 624) at word ``pos`` of its block."""
        self._mt = mt
        self._pos = pos
        self._mode = 0  # 0: parked at _pos, 1: _doubles live, 2: _words live
        self._doubles = self._words = _EMPTY
        self._word_array = self._word_list = None  # the block's 624 tempered words
        self._double_arrays = [None, None]  # doubles from words (2i, 2i+1) and (2i+1, 2i+2)
        self._run_key = None  # during a run: the raw key of the block before it

    def _park(self):
        """Stop the live iterator and return the position it reached in the (current) block."""
        if self._mode == 1:
            live, self._doubles = self._doubles, _EMPTY
            reduced = live.__reduce__()  # (iter, (array,), index), or (iter, ((),)) once exhausted
            start = self._double_start
            self._pos = start + 2 * (reduced[2] if len(reduced) == 3 else len(self._double_arrays[start]))
            self._streak = self._streak and len(reduced) == 2
        elif self._mode == 2:
            live, self._words = self._words, _EMPTY
            self._pos = _N - live.__length_hint__()
            self._streak = False
        self._mode = 0
        if self._run_key is not None:
            self._end_run()
        return self._pos

    def _end_run(self):
        """Back to one block after a run stopped at word ``_pos`` of it: the block holding the last
        word read, rebuilt from the key before the run unless it is the run's last one."""
        block = -(-self._pos // _N) - 1  # -1: nothing read yet, the state is the one before the run
        pos = self._pos - _N * block
        if block == RUN_BLOCKS - 1:
            self._reset_block(self._mt, pos)
            return
        mt = MT19937.from_array([0])
        mt.state = {"bit_generator": "MT19937", "state": {"key": self._run_key, "pos": _N}}
        words = np.empty(_N * (block + 1), dtype=np.uint32)
        mt.fill_uint32(words)
        self._reset_block(mt, pos)
        if block >= 0:
            self._word_array = words[-_N:]

    def _block_words(self):
        """The current block's 624 tempered words (a uint32 array), computed once per block."""
        if self._word_array is None:
            self._word_array = temper(self._mt.state["state"]["key"])
        return self._word_array

    def _next_block_words(self):
        """Twist to the next block, reading its words."""
        words = np.empty(_N, dtype=np.uint32)
        self._mt.fill_uint32(words)
        self._reset_block(self._mt, 0)
        self._word_array = words
        self._streak = False

    def _next_block_doubles(self):
        """Twist to the next block, reading its 312 doubles from even words (one C call); a run of
        RUN_BLOCKS blocks when random() alone read the last block."""
        run_key = self._mt.state["state"]["key"] if self._streak else None
        doubles = self._run_doubles if self._streak else self._block_doubles
        self._mt.fill_double(np.frombuffer(doubles, dtype=np.float64))
        self._reset_block(self._mt, 0)
        self._double_arrays[0], self._run_key, self._streak = doubles, run_key, True

    def _start_doubles(self, pos):
        """Make ``_doubles`` hand out the doubles from word ``pos`` (<= 622) on; returns the first."""
        start = pos & 1
        doubles = self._double_arrays[start]
        if doubles is None:
            words = self._block_words()
            doubles = array.array("d", _doubles_from_words(words[start:_N - 1:2], words[start + 1::2]).tobytes())
            self._double_arrays[start] = doubles
        live = iter(doubles)
        live.__setstate__(pos >> 1)
        self._double_start, self._mode = start, 1
        value = next(live)
        self._doubles = live
        return value

    def _random_slow(self):
        """``random()`` when no double is waiting: switch from words, or move to the next block."""
        with self._lock:
            for value in self._doubles:  # another thread got here first
                return value
            pos = self._park()
            if pos == _N:
                self._next_block_doubles()
                return self._start_doubles(0)
            self._streak = False
            if pos == _N - 1:  # the double straddles two blocks
                first = int(self._block_words()[pos])
                self._next_block_words()
                self._pos = 1
                return ((first >> 5) * 67108864.0 + (int(self._word_array[0]) >> 6)) * RECIP_BPF
            return self._start_doubles(pos)

    def _word_slow(self):
        """The next tempered word when no word iterator is live."""
        with self._lock:
            for word in self._words:
                return word
            pos = self._park()
            if pos == _N:
                self._next_block_words()
                pos = 0
            if self._word_list is None:
                self._word_list = self._block_words().tolist()
            live = iter(self._word_list)
            live.__setstate__(pos)
            self._mode = 2
            word = next(live)
            self._words = live
            return word

    def _take_words(self, count):
        """The next ``count`` tempered words as a uint32 array."""
        with self._lock:
            self._park()
            parts = []
            while count:
                if self._pos == _N:
                    self._next_block_words()
                take = min(count, _N - self._pos)
                parts.append(self._block_words()[self._pos:self._pos + take])
                self._pos += take
                count -= take
            return np.concatenate(parts)  # a copy: the caller may change it

    # -- seeding and state ----------------------------------------------------------------------

    def seed(self, a=None, version=2):
        """``Random.seed(a, version=2)``: None (OS entropy), int (all bits; the sign is ignored),
        str/bytes/bytearray (version 2: ``int(a + sha512(a))``; version 1: Python 2's string hash),
        or any other hashable of the accepted types by ``hash(a)`` (float: ``Random(-1.0)`` is not
        ``Random(-1)``)."""
        if version == 1 and isinstance(a, (str, bytes)):
            a = _version1_int(a)
        elif version == 2 and isinstance(a, (str, bytes, bytearray)):
            raw = a.encode() if isinstance(a, str) else a
            a = int.from_bytes(raw + hashlib.sha512(raw).digest(), "big")
        elif not isinstance(a, _SEED_TYPES):
            raise TypeError("The only supported seed types are: None,\nint, float, str, bytes, and bytearray.")
        mt = MT19937.from_array(_seed_words(a))
        with self._lock:
            self._reset_block(mt, _N)
        self.gauss_next = None

    def getstate(self):
        """``Random.getstate()``: ``(3, (624 key words..., index), gauss_next)``."""
        with self._lock:
            pos = self._park()
            key = self._mt.state["state"]["key"]
        return self.VERSION, tuple(key.tolist()) + (pos,), self.gauss_next

    def setstate(self, state):
        """``Random.setstate(state)`` for CPython's versions 3 and 2 (version 2 words are taken mod
        2**32), with CPython's errors; a rejected state leaves the generator unchanged."""
        version = state[0]
        if version not in (2, 3):
            raise ValueError(f"state with version {version} passed to Random.setstate() of version {self.VERSION}")
        version, internal, gauss_next = state
        if version == 2:
            try:
                internal = tuple(x % 2**32 for x in internal)
            except ValueError as e:
                raise TypeError from e
        if not isinstance(internal, tuple):
            raise TypeError("state vector must be a tuple")
        if len(internal) != _N + 1:
            raise ValueError("state vector is the wrong size")
        key = np.array([_state_index(x) & 0xFFFFFFFF for x in internal[:_N]], dtype=np.uint32)
        if not isinstance(internal[_N], int):
            raise TypeError(f"state index must be an integer, not {type(internal[_N]).__name__}")
        if not 0 <= internal[_N] <= _N:
            raise ValueError("invalid state")
        mt = MT19937.from_array([0])
        mt.state = {"bit_generator": "MT19937", "state": {"key": key, "pos": _N}}
        with self._lock:
            self._reset_block(mt, internal[_N])
        self.gauss_next = gauss_next

    def __getstate__(self):  # for pickle, as CPython's
        return self.getstate()

    def __setstate__(self, state):  # for pickle (also pickles made by CPython's random.Random)
        if not hasattr(self, "_lock"):  # made by object.__new__ (an old pickle's reconstructor)
            self._init_buffers()
        self.setstate(state)

    def __reduce__(self):
        return self.__class__, (), self.getstate()

    # -- the core draws ------------------------------------------------------------------------

    def random(self):
        """``random()``: a double in [0, 1) from two words, ``((a >> 5) * 2**26 + (b >> 6)) / 2**53``."""
        for value in self._doubles:
            return value
        return self._random_slow()

    def getrandbits(self, k):
        """``getrandbits(k)``: 32-bit words least significant first; the last keeps its top bits."""
        if k.__class__ is int and 0 < k <= 32:
            for word in self._words:
                return word >> (32 - k)
            return self._word_slow() >> (32 - k)
        k = operator.index(k)
        if k < 0:
            raise ValueError("number of bits must be non-negative")
        if k <= 64:
            if k == 0:
                return 0
            low = self.getrandbits(32)
            return (self.getrandbits(k - 32) << 32) | low
        words = self._take_words((k + 31) // 32)
        if k % 32:
            words[-1] >>= 32 - k % 32
        return int.from_bytes(words.astype("<u4").tobytes(), "little")

    def randbytes(self, n):
        """``randbytes(n)``: ``getrandbits(8 * n)`` as ``n`` little-endian bytes."""
        return self.getrandbits(n * 8).to_bytes(n, "little")

    # -- integers ------------------------------------------------------------------------------

    def __init_subclass__(cls, /, **kwargs):
        """CPython's rule for subclasses: the nearest class in the MRO that defines ``_randbelow``,
        ``getrandbits`` or ``random`` decides whether integers come from getrandbits or random."""
        super().__init_subclass__(**kwargs)
        for klass in cls.__mro__:
            if "_randbelow" in klass.__dict__:
                break
            if "getrandbits" in klass.__dict__:
                cls._randbelow = cls._randbelow_with_getrandbits
                break
            if "random" in klass.__dict__:
                cls._randbelow = cls._randbelow_without_getrandbits
                break

    def _randbelow_with_getrandbits(self, n):
        """An int in [0, n): redraw ``getrandbits(n.bit_length())`` until below ``n``."""
        getrandbits = self.getrandbits
        k = n.bit_length()
        r = getrandbits(k)
        while r >= n:
            r = getrandbits(k)
        return r

    def _randbelow_without_getrandbits(self, n, maxsize=1 << BPF):
        """An int in [0, n) from ``random()`` alone (a subclass's own generator): rejection of the
        top ``maxsize % n`` part of [0, maxsize); warns and scales when ``n >= maxsize``."""
        random = self.random
        if n >= maxsize:
            warn("Underlying random() generator does not supply \n"
                 "enough bits to choose from a population range this large.\n"
                 "To remove the range limitation, add a getrandbits() method.")
            return math.floor(random() * n)
        limit = (maxsize - maxsize % n) / maxsize
        r = random()
        while r >= limit:
            r = random()
        return math.floor(r * maxsize) % n

    _randbelow = _randbelow_with_getrandbits

    def randrange(self, start, stop=None, step=1):
        """``randrange(start[, stop[, step]])``, with 3.11's handling of integral floats (a
        DeprecationWarning) and non-integral ones (a ValueError)."""
        istart = _range_argument(start, "arg 1")
        if stop is None:
            if step != 1 or type(step) is not int:
                raise TypeError("Missing a non-None stop argument")
            if istart > 0:
                return self._randbelow(istart)
            raise ValueError("empty range for randrange()")
        istop = _range_argument(stop, "stop")
        width = istop - istart
        istep = _range_argument(step, "step")
        if istep == 1:
            if width > 0:
                return istart + self._randbelow(width)
            raise ValueError("empty range for randrange() (%d, %d, %d)" % (istart, istop, width))
        if istep > 0:
            n = (width + istep - 1) // istep
        elif istep < 0:
            n = (width + istep + 1) // istep
        else:
            raise ValueError("zero step for randrange()")
        if n <= 0:
            raise ValueError("empty range for randrange()")
        return istart + istep * self._randbelow(n)

    def randint(self, a, b):
        """``randint(a, b)``: ``randrange(a, b + 1)``."""
        return self.randrange(a, b + 1)

    # -- sequences -----------------------------------------------------------------------------

    def choice(self, seq):
        """``choice(seq)``: ``seq[_randbelow(len(seq))]``."""
        if not len(seq):
            raise IndexError("Cannot choose from an empty sequence")
        return seq[self._randbelow(len(seq))]

    def shuffle(self, x):
        """``shuffle(x)``: for i = len-1 .. 1 swap ``x[i]`` with ``x[_randbelow(i + 1)]``."""
        randbelow = self._randbelow
        for i in reversed(range(1, len(x))):
            j = randbelow(i + 1)
            x[i], x[j] = x[j], x[i]

    def sample(self, population, k, *, counts=None):
        """``sample(population, k, counts=None)``: a pool of the population for small populations,
        else rejection of repeated indices (CPython's set-size heuristic decides)."""
        if not isinstance(population, Sequence):
            raise TypeError("Population must be a sequence.  For dicts or sets, use sorted(d).")
        n = len(population)
        if counts is not None:
            return self._sample_counts(population, n, k, counts)
        randbelow = self._randbelow
        if not 0 <= k <= n:
            raise ValueError("Sample larger than population or is negative")
        result = [None] * k
        setsize = 21  # a small set's size less an empty list's
        if k > 5:
            setsize += 4 ** math.ceil(math.log(k * 3, 4))  # the table size of a big set
        if n <= setsize:
            pool = list(population)
            for i in range(k):
                j = randbelow(n - i)
                result[i] = pool[j]
                pool[j] = pool[n - i - 1]
        else:
            selected = set()
            for i in range(k):
                j = randbelow(n)
                while j in selected:
                    j = randbelow(n)
                selected.add(j)
                result[i] = population[j]
        return result

    def _sample_counts(self, population, n, k, counts):
        """``sample`` with ``counts``: sample ``range(total)`` and map back through the cumulative counts."""
        cum_counts = list(itertools.accumulate(counts))
        if len(cum_counts) != n:
            raise ValueError("The number of counts does not match the population")
        total = cum_counts.pop()
        if not isinstance(total, int):
            raise TypeError("Counts must be integers")
        if total <= 0:
            raise ValueError("Total of counts must be greater than zero")
        selections = self.sample(range(total), k=k)
        return [population[bisect.bisect(cum_counts, s)] for s in selections]

    def choices(self, population, weights=None, *, cum_weights=None, k=1):
        """``choices``: ``population[floor(random() * n)]`` without weights, else a bisection of
        ``random() * total`` into the cumulative weights."""
        random = self.random
        n = len(population)
        if cum_weights is None:
            if weights is None:
                n += 0.0
                return [population[math.floor(random() * n)] for _ in itertools.repeat(None, k)]
            try:
                cum_weights = list(itertools.accumulate(weights))
            except TypeError:
                if not isinstance(weights, int):
                    raise
                raise TypeError(f"The number of choices must be a keyword argument: k={weights}") from None
        elif weights is not None:
            raise TypeError("Cannot specify both weights and cumulative weights")
        if len(cum_weights) != n:
            raise ValueError("The number of weights does not match the population")
        total = cum_weights[-1] + 0.0
        if total <= 0.0:
            raise ValueError("Total of weights must be greater than zero")
        if not math.isfinite(total):
            raise ValueError("Total of weights must be finite")
        hi = n - 1
        return [population[bisect.bisect(cum_weights, random() * total, 0, hi)]
                for _ in itertools.repeat(None, k)]

    # -- real-valued distributions (each through self.random(), as CPython's) --------------------

    def uniform(self, a, b):
        """``uniform(a, b)``: ``a + (b - a) * random()``."""
        return a + (b - a) * self.random()

    def triangular(self, low=0.0, high=1.0, mode=None):
        """``triangular(low, high, mode)``: inversion of the CDF; ``low`` when ``high == low``."""
        u = self.random()
        try:
            c = 0.5 if mode is None else (mode - low) / (high - low)
        except ZeroDivisionError:
            return low
        if u > c:
            u, c, low, high = 1.0 - u, 1.0 - c, high, low
        return low + (high - low) * math.sqrt(u * c)

    def normalvariate(self, mu=0.0, sigma=1.0):
        """``normalvariate``: Kinderman and Monahan's ratio-of-uniforms method."""
        random = self.random
        while True:
            u1 = random()
            u2 = 1.0 - random()
            z = NV_MAGICCONST * (u1 - 0.5) / u2
            if z * z / 4.0 <= -math.log(u2):
                return mu + z * sigma

    def gauss(self, mu=0.0, sigma=1.0):
        """``gauss``: Box-Muller on two ``random()`` values; the sine half is cached for the next call."""
        random = self.random
        z = self.gauss_next
        self.gauss_next = None
        if z is None:
            x2pi = random() * TWOPI
            g2rad = math.sqrt(-2.0 * math.log(1.0 - random()))
            z = math.cos(x2pi) * g2rad
            self.gauss_next = math.sin(x2pi) * g2rad
        return mu + z * sigma

    def lognormvariate(self, mu, sigma):
        """``lognormvariate``: ``exp(normalvariate(mu, sigma))``."""
        return math.exp(self.normalvariate(mu, sigma))

    def expovariate(self, lambd):
        """``expovariate(lambd)``: ``-log(1 - random()) / lambd`` (3.11: ``lambd`` has no default)."""
        return -math.log(1.0 - self.random()) / lambd

    def vonmisesvariate(self, mu, kappa):
        """``vonmisesvariate``: Best and Fisher's rejection method; uniform on [0, 2pi) for
        ``kappa <= 1e-6``."""
        random = self.random
        if kappa != kappa:
            raise ValueError("vonmisesvariate: kappa must not be NaN (CPython loops forever)")
        if kappa <= 1e-6:
            return TWOPI * random()
        s = 0.5 / kappa
        r = s + math.sqrt(1.0 + s * s)
        while True:
            z = math.cos(math.pi * random())
            d = z / (r + z)
            u2 = random()
            if u2 < 1.0 - d * d or u2 <= (1.0 - d) * math.exp(d):
                break
        q = 1.0 / r
        f = (q + z) / (1.0 + q * z)
        if random() > 0.5:
            return (mu + math.acos(f)) % TWOPI
        return (mu - math.acos(f)) % TWOPI

    def gammavariate(self, alpha, beta):
        """``gammavariate``: Cheng's method for alpha > 1, the exponential for alpha == 1, and
        algorithm GS (Kennedy and Gentle) for 0 < alpha < 1."""
        if alpha <= 0.0 or beta <= 0.0 or alpha != alpha:  # a NaN alpha: CPython loops forever
            raise ValueError("gammavariate: alpha and beta must be > 0.0")
        random = self.random
        if alpha > 1.0:
            return self._gamma_cheng(alpha, random) * beta
        if alpha == 1.0:
            return -math.log(1.0 - random()) * beta
        return self._gamma_gs(alpha, random) * beta

    @staticmethod
    def _gamma_cheng(alpha, random):
        """R.C.H. Cheng (1977), for alpha > 1: rejection from a log-logistic envelope."""
        ainv = math.sqrt(2.0 * alpha - 1.0)
        bbb = alpha - LOG4
        ccc = alpha + ainv
        while True:
            u1 = random()
            if not 1e-7 < u1 < 0.9999999:
                continue
            u2 = 1.0 - random()
            v = math.log(u1 / (1.0 - u1)) / ainv
            x = alpha * math.exp(v)
            z = u1 * u1 * u2
            r = bbb + ccc * v - x
            if r + SG_MAGICCONST - 4.5 * z >= 0.0 or r >= math.log(z):
                return x

    @staticmethod
    def _gamma_gs(alpha, random):
        """Algorithm GS (Ahrens and Dieter, via Kennedy and Gentle), for 0 < alpha < 1."""
        while True:
            u = random()
            b = (math.e + alpha) / math.e
            p = b * u
            x = p ** (1.0 / alpha) if p <= 1.0 else -math.log((b - p) / alpha)
            u1 = random()
            if p > 1.0:
                if u1 <= x ** (alpha - 1.0):
                    return x
            elif u1 <= math.exp(-x):
                return x

    def betavariate(self, alpha, beta):
        """``betavariate``: ``y / (y + gammavariate(beta, 1))`` with ``y = gammavariate(alpha, 1)``."""
        y = self.gammavariate(alpha, 1.0)
        if y:
            return y / (y + self.gammavariate(beta, 1.0))
        return 0.0

    def paretovariate(self, alpha):
        """``paretovariate(alpha)``: ``(1 - random()) ** (-1 / alpha)``."""
        u = 1.0 - self.random()
        return u ** (-1.0 / alpha)

    def weibullvariate(self, alpha, beta):
        """``weibullvariate(alpha, beta)``: ``alpha * (-log(1 - random())) ** (1 / beta)``."""
        u = 1.0 - self.random()
        return alpha * (-math.log(u)) ** (1.0 / beta)


def _range_argument(value, what):
    """A randrange argument as CPython 3.11 takes it: ``operator.index``, else an integral value
    (``int(value) == value``) with a DeprecationWarning, else a ValueError naming the argument."""
    try:
        return operator.index(value)
    except TypeError:
        as_int = int(value)
        if as_int != value:
            warn("randrange() will raise TypeError in the future", DeprecationWarning, 3)
            raise ValueError(f"non-integer {what} for randrange()") from None
        warn("non-integer arguments to randrange() have been deprecated since Python 3.10 and will be "
             "removed in a subsequent version", DeprecationWarning, 3)
        return as_int
