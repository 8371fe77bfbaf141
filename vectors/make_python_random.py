"""Write python_random.json from CPython's random.Random (every public method of 3.11's class).

Every expected value is what CPython returns (its version is recorded in the file). Seeds: int
(negative, huge), str, bytes, float (by hash: -1.0 is not -1), bool, version=1 str/bytes seeds, and
generators restored with setstate (versions 3 and 2) at the block edges of the Mersenne Twister.
No prng code is imported. Run with the project's venv: `python vectors/make_python_random.py`.
The case schema is described in vectors/README.md ("Distribution cases", python_random).
"""

import math
import random
import sys

from vecjson import fhex, versions, write

# ---- encoding (vectors/README.md) --------------------------------------------------------------


def enc(v):
    """A value in the JSON encoding: ints as numbers when they fit in 32 bits, else decimal strings;
    finite floats as float.hex; other floats as {"float": "inf"}; bytes as {"bytes": hex}; ranges
    as {"range": [start, stop]}; lists and tuples element-wise; None as null."""
    if v is None or isinstance(v, bool):
        return v
    if isinstance(v, int):
        return v if -2**31 <= v < 2**32 else str(v)
    if isinstance(v, float):
        return fhex(v) if math.isfinite(v) else {"float": repr(v)}
    if isinstance(v, bytes):
        return {"bytes": v.hex()}
    if isinstance(v, range):
        assert v.step == 1
        return {"range": [enc(v.start), enc(v.stop)]}
    if isinstance(v, (list, tuple)):
        return [enc(x) for x in v]
    if isinstance(v, str):
        return {"str": v}
    raise TypeError(f"cannot encode {v!r}")


def enc_state(state):
    """getstate() as {"version", "key": [624 words], "pos", "gauss_next"}."""
    version, internal, gauss_next = state
    return {"version": version, "key": list(internal[:-1]), "pos": internal[-1],
            "gauss_next": None if gauss_next is None else fhex(gauss_next)}


def seed_json(seed):
    """The seed in `make`: {"int": "-5"}, {"str": ...}, {"bytes": hex}, {"float": hex}, {"bool": b}."""
    if isinstance(seed, bool):
        return {"bool": seed}
    if isinstance(seed, int):
        return {"int": str(seed)}
    if isinstance(seed, float):
        return {"float": seed.hex()}
    if isinstance(seed, str):
        return {"str": seed}
    return {"bytes": bytes(seed).hex()}


class Recorder:
    """Makes calls on a CPython Random and records them (each call repeated ``repeat`` times)."""

    def __init__(self, rng):
        self.rng = rng
        self.calls = []

    def __call__(self, method, *args, repeat=1, **kwargs):
        if method == "shuffle":
            shuffled = list(args[0])
            self.rng.shuffle(shuffled)
            results = [shuffled]
        elif method == "getstate":
            results = [enc_state(self.rng.getstate())]
        else:
            results = [getattr(self.rng, method)(*args, **kwargs) for _ in range(repeat)]
        self.calls.append({"method": method, "args": enc(list(args)),
                           "kwargs": {k: enc(v) for k, v in kwargs.items()},
                           "expect": results if method == "getstate" else enc(results)})


def case(name, make, rng, battery):
    rec = Recorder(rng)
    battery(rec)
    return {"kind": "python_random", "name": name, "make": make, "calls": rec.calls,
            "state": enc_state(rng.getstate())}


# ---- batteries ---------------------------------------------------------------------------------

def integer_battery(rec):
    """The integer, sequence and normal methods (the cases of the first python_random.json)."""
    rec("random", repeat=5)
    for k in (1, 31, 32, 33, 64, 200):
        rec("getrandbits", k, repeat=3)
    rec("randrange", 10, repeat=5)
    rec("randrange", 2**70, repeat=3)
    rec("randrange", -5, 17, repeat=3)
    rec("randrange", 100, -20, -7, repeat=3)
    rec("randrange", 3, 1000, 9, repeat=3)
    rec("randint", 1, 6, repeat=5)
    rec("randint", -(2**40), 2**40, repeat=3)
    rec("choice", list(range(1000)), repeat=5)
    rec("sample", range(0, 10), 5)
    rec("sample", range(0, 100000), 30)
    rec("sample", list(range(26)), 26)
    rec("choices", list(range(50)), k=7)
    rec("choices", [10, 20, 30], [1, 2, 3], k=5)
    rec("gauss", repeat=3)
    rec("gauss", 1.0, 2.0, repeat=2)
    rec("normalvariate", repeat=3)
    rec("normalvariate", 3.0, 0.5, repeat=2)
    rec("random", repeat=2)
    rec("shuffle", list(range(30)))


def distribution_battery(rec):
    """The real-valued distributions, randbytes, and the keyword forms of sample/choices."""
    rec("uniform", -2.5, 7.25, repeat=3)
    rec("uniform", 5.0, 5.0)
    rec("triangular", repeat=3)
    rec("triangular", 1.0, 4.0, 1.5, repeat=3)
    rec("triangular", 2.0, -3.0, repeat=2)
    rec("triangular", 3.0, 3.0, 3.0)
    for alpha, beta in [(0.01, 1.0), (0.35, 1.45), (0.5, 2.0), (1.0, 3.14), (1.1, 2.3), (7.5, 0.5), (200.0, 1.0)]:
        rec("gammavariate", alpha, beta, repeat=3)
    for alpha, beta in [(0.2, 0.3), (1.0, 1.0), (2.0, 5.0), (50.0, 0.7)]:
        rec("betavariate", alpha, beta, repeat=3)
    rec("expovariate", 1.5, repeat=3)
    rec("expovariate", -2.0, repeat=2)
    for mu, kappa in [(0.0, 0.0), (1.0, 1e-7), (1.0, 4.0), (6.2, 0.7), (3.0, 500.0), (-1.0, 1e15)]:
        rec("vonmisesvariate", mu, kappa, repeat=3)
    rec("paretovariate", 1.0, repeat=3)
    rec("paretovariate", 3.5, repeat=3)
    rec("weibullvariate", 1.0, 0.5, repeat=3)
    rec("weibullvariate", 2.0, 3.0, repeat=3)
    rec("lognormvariate", 0.0, 0.5, repeat=3)
    rec("lognormvariate", -1.0, 2.0, repeat=2)
    for n in (0, 1, 3, 4, 5, 64):
        rec("randbytes", n, repeat=2)
    rec("sample", ["red", "green", "blue"], 7, counts=[4, 0, 5])
    rec("choices", ["a", "b", "c", "d"], cum_weights=[1.5, 1.5, 4.0, 10.25], k=6)
    rec("choices", ["x", "y"], [0.25, 0.75], k=0)
    rec("gauss", repeat=1)  # leaves gauss_next set in the final state


def constant_battery(rec):
    """CPython's edge values: zero widths and infinite parameters (test_random's test_constant)."""
    inf = math.inf
    rec("uniform", 10.0, 10.0)
    rec("triangular", 10.0, 10.0)
    rec("expovariate", inf)
    rec("vonmisesvariate", 3.0, inf)
    rec("gauss", 10.0, 0.0, repeat=2)
    rec("lognormvariate", 0.0, 0.0)
    rec("lognormvariate", -inf, 0.0)
    rec("normalvariate", 10.0, 0.0)
    rec("paretovariate", inf)
    rec("weibullvariate", 10.0, inf)
    rec("weibullvariate", 0.0, 10.0)
    rec("random")


def block_edge_battery(rec):
    """Draws across the 624-word blocks in every mix: single words, doubles straddling two blocks,
    long getrandbits and randbytes, and getstate() in the middle."""
    rec("getrandbits", 32, repeat=623)
    rec("getstate")
    rec("random", repeat=2)  # the first takes the last word of one block and the first of the next
    rec("getstate")
    rec("random", repeat=310)
    rec("getrandbits", 7)
    rec("random", repeat=2)
    rec("getstate")
    rec("getrandbits", 11999)
    rec("random", repeat=400)
    rec("randbytes", 2500)
    rec("getstate")
    rec("gauss", repeat=701)
    rec("getrandbits", 33, repeat=5)
    rec("random", repeat=5)


def state_battery(rec):
    """A few of everything after setstate()."""
    rec("getstate")
    rec("random", repeat=3)
    rec("getrandbits", 5, repeat=2)
    rec("random")
    rec("getrandbits", 100)
    rec("gauss", repeat=3)
    rec("randrange", 10**20)


# ---- cases -------------------------------------------------------------------------------------

INT_SEEDS = [0, 42, -5, 2**32, -(2**70) - 3, 2**200 + 12345, "hello", "", "héllo wörld ✓ 日本",
             b"bytes\x00\xff", b""]
FLOAT_SEEDS = [3.5, -1.0, -0.0, 0.1, 1e300, 2.0**61, -(2.0**61) - 2**9, math.inf, -math.inf, True, False, 1, -1]
VERSION1_SEEDS = ["nofar", "rachel", "", "héllo", b"\x00\x20\x40\x60\x80\xa0\xc0\xe0\xf0", 12345]


def seeded_cases():
    cases = []
    for seed in INT_SEEDS:
        cases.append(case(f"random.Random({seed!r})", {"seed": seed_json(seed)}, random.Random(seed), integer_battery))
    for seed in [0, "dist", 2**64 + 1]:
        cases.append(case(f"random.Random({seed!r}) distributions", {"seed": seed_json(seed)},
                          random.Random(seed), distribution_battery))
    cases.append(case("random.Random(7) constants", {"seed": seed_json(7)}, random.Random(7), constant_battery))
    for seed in FLOAT_SEEDS:
        cases.append(case(f"random.Random({seed!r}) by hash", {"seed": seed_json(seed)}, random.Random(seed),
                          state_battery))
    for seed in VERSION1_SEEDS:
        rng = random.Random()
        rng.seed(seed, version=1)
        cases.append(case(f"random.Random().seed({seed!r}, version=1)", {"seed": seed_json(seed), "version": 1},
                          rng, state_battery))
    cases.append(case("random.Random(2024) across blocks", {"seed": seed_json(2024)}, random.Random(2024),
                      block_edge_battery))
    return cases


def restored(state):
    rng = random.Random()
    rng.setstate(state)
    return rng


def state_cases():
    """setstate() at every edge of the block index, and a version-2 state with signed words."""
    cases = []
    base = random.Random(99)
    base.random()
    key = base.getstate()[1][:-1]
    for pos in (0, 1, 2, 311, 622, 623, 624):
        for gauss_next in (None, -0.75):
            state = (3, key + (pos,), gauss_next)
            cases.append(case(f"setstate(pos={pos}, gauss_next={gauss_next})", {"state": enc_state(state)},
                              restored(state), state_battery))
    signed = tuple(w - 2**32 if w >= 2**31 else w for w in key)  # Python 2's 32-bit builds saved signed words
    state = (2, signed + (17,), None)
    cases.append(case("setstate(version 2, signed words)", {"state": enc_state(state)}, restored(state),
                      state_battery))
    return cases


def main():
    write("python_random.json", family="python_random", generated_by="vectors/make_python_random.py",
          versions=versions(), source=f"CPython {sys.version.split()[0]} random.Random methods, seeds and states",
          cases=seeded_cases() + state_cases())


if __name__ == "__main__":
    main()
