"""Write generator.json, randomstate.json and numpy_structural.json from numpy (python_random.json:
make_python_random.py).

Every expected value is what the real library returns (versions recorded in each file):
- generator.json: numpy.random.Generator over numpy's PCG64, PCG64DXSM, MT19937 and Philox;
- randomstate.json: numpy.random.RandomState with int and array (legacy) seeds;
- numpy_structural.json: both, on the structural methods (broadcast bounds, choice with p, permuted, ...).
No prng code is imported. Run with the project's venv: `python vectors/make_generator.py`.
The case schema is described in vectors/README.md ("Distribution cases").
"""


import warnings

import numpy as np

from vecjson import fhex, portable_state, versions, write

NP = np.random
INT_DTYPES = ["int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64"]


# ---- encoding (vectors/README.md, "Distribution cases") ---------------------------------------

def enc(v):
    """A Python/numpy value in the JSON encoding: ints as numbers when they fit in 32 bits, else
    decimal strings; floats as float.hex; bools as JSON booleans; ranges as {"range": [start, stop]}."""
    if isinstance(v, (bool, np.bool_)):
        return bool(v)
    if isinstance(v, (int, np.integer)):
        v = int(v)
        return v if -2**31 <= v < 2**32 else str(v)
    if isinstance(v, (float, np.floating)):
        return fhex(v)
    if isinstance(v, range):
        assert v.step == 1
        return {"range": [enc(v.start), enc(v.stop)]}
    if isinstance(v, (list, tuple)):
        return [enc(x) for x in v]
    raise TypeError(f"cannot encode {v!r}")


def enc_arg(v):
    """A call argument: ``enc``, but non-finite floats as {"float": "nan" | "inf" | "-inf"}, strings as
    {"str": s} and numpy arrays as nested lists."""
    if isinstance(v, np.ndarray):
        return enc_arg(v.tolist())
    if isinstance(v, (list, tuple)):
        return [enc_arg(x) for x in v]
    if isinstance(v, (float, np.floating)) and not np.isfinite(v):
        return {"float": repr(float(v))}
    if isinstance(v, str):
        return {"str": v}
    return enc(v)


def enc_kwargs(kwargs):
    """kwargs with dtypes as numpy dtype names and ``out`` arrays as {"empty": {"shape", "dtype"}}."""
    def one(k, v):
        if k == "dtype":
            return np.dtype(v).name
        if k == "out":
            return {"empty": {"shape": list(v.shape), "dtype": v.dtype.name}}
        return enc_arg(v)
    return {k: one(k, v) for k, v in kwargs.items()}


def enc_result(r):
    """A numpy-style result: flat ``expect`` list plus ``shape`` (null for a scalar) and ``dtype``."""
    if isinstance(r, bytes):
        return {"expect": r.hex()}
    arr = np.asarray(r)
    return {"shape": list(arr.shape) if isinstance(r, np.ndarray) else None,
            "dtype": arr.dtype.name, "expect": [enc(x) for x in arr.ravel().tolist()]}


class Recorder:
    """Calls methods on a numpy Generator / RandomState and records each call with its result."""

    def __init__(self, target):
        self.target = target
        self.calls = []

    def __call__(self, name, *args, **kwargs):
        result = getattr(self.target, name)(*args, **kwargs)
        self.calls.append({"method": name, "args": enc_arg(list(args)), "kwargs": enc_kwargs(kwargs),
                           **enc_result(result)})
        return result

    def shuffle(self, x):
        """``shuffle`` of a fresh list ``x``: the expected value is the list afterwards."""
        x = list(x)
        self.target.shuffle(x)
        self.calls.append({"method": "shuffle", "args": [enc(list(range(len(x))))], "kwargs": {},
                           "shape": [len(x)], "dtype": "int64", "expect": enc(x)})


def seed_json(seed):
    return [str(s) for s in seed] if isinstance(seed, list) else str(seed)


# ---- Generator ---------------------------------------------------------------------------------

def integer_bounds(dtype):
    """(low, high, endpoint) triples covering numpy's special cases for one dtype."""
    info = np.iinfo(dtype)
    lo, hi, bits = int(info.min), int(info.max), info.bits
    bounds = [(0, 1, False), (0, 2, False), (5, 5, True), (0, 2**(bits // 2), False),
              (0, 2**(bits // 2) + 1, False), (0, (hi + 1) // 2 + 1, False), (lo, hi, True), (lo, hi, False),
              (0, hi, True)]
    if lo < 0:
        bounds += [(lo, -1, True), (-(2**(bits - 2)), 2**(bits - 2) + 3, False)]
    if bits == 64:
        bounds += [(0, 2**32 - 1, False), (0, 2**32 - 1, True), (0, 2**32, False), (0, 2**32 + 1, False),
                   (0, 2**33, False), (-(2**40), 2**40, True) if lo < 0 else (2**40, 2**41 + 7, False)]
    return bounds


def generator_battery(rec, normals=2000):
    rec("random", 10)
    rec("random", 11, dtype=np.float32)  # odd: leaves a buffered uint32 half for the next call
    rec("random")
    rec("random", dtype=np.float32)
    for dtype in INT_DTYPES:
        for low, high, endpoint in integer_bounds(dtype):
            rec("integers", low, high, 20, dtype=dtype, endpoint=endpoint)
        rec("integers", 100, dtype=dtype)
    for low, high, endpoint in [(0, 2, False), (0, 1, True), (0, 1, False), (1, 2, False)]:
        rec("integers", low, high, 40, dtype=np.bool_, endpoint=endpoint)
    rec("integers", 7, size=(2, 3))
    rec("standard_normal", normals)
    rec("standard_normal", normals, dtype=np.float32)
    rec("standard_normal")
    rec("standard_exponential", 300)
    rec("standard_exponential", 300, dtype=np.float32)
    rec("exponential", 2.5, 5)
    rec("permutation", 1000)
    rec.shuffle(range(20))
    rec("choice", 1000, 20)
    rec("choice", 5)
    rec("choice", 50, (3, 4))
    rec("choice", 1000, 20, replace=False)
    rec("choice", 10, 10, replace=False)
    rec("choice", 20000, 100, replace=False, shuffle=False)
    rec("choice", 20000, 500, replace=False)  # 500 > 20000 // 50: numpy's tail shuffle
    rec("choice", 2**33, 5, replace=False)  # 64-bit Lemire inside Floyd's method
    rec("bytes", 13)


def interleave_battery(rec):
    """Small calls in a row, so the uint32 half numpy keeps in the bit generator carries across."""
    for _ in range(3):
        rec("integers", 0, 10, 3, dtype=np.int32)
        rec("random")
        rec("random", 1, dtype=np.float32)
        rec("integers", 0, 2**40, 1)
        rec("integers", 0, 100, 5, dtype=np.uint8)
        rec("standard_normal", 3, dtype=np.float32)
        rec("bytes", 3)


def structural_battery(rec):
    """Broadcast bounds in ``integers`` (every dtype, both interval kinds, rng 0 and full-width ranges),
    ``choice`` with ``p``/``axis``/arrays, ``permutation``/``permuted`` along an axis, ``bytes(0)``
    (numpy draws one word) and ``bytes(-1)`` (3 bytes)."""
    for dtype in INT_DTYPES + ["bool"]:
        lo, hi = (0, 1) if dtype == "bool" else (int(np.iinfo(dtype).min), int(np.iinfo(dtype).max))
        # a list mixing small ints with ones beyond int64 becomes float64 in numpy: uint64 stays in int64
        hi = min(hi, 2**63 - 1)
        lows = [lo, lo, lo + 1, hi - 1, 0 if lo < 0 else lo, (lo + hi) // 2]
        for endpoint in (False, True):
            top = hi if dtype in ("int64", "uint64") else hi + (not endpoint)
            highs = [top, lo + (not endpoint), min(hi, lo + 5) + (not endpoint), top, top, top]
            rec("integers", lows, highs, (3, 6), dtype=dtype, endpoint=endpoint)
        rec("integers", lo, [min(hi, h + 1) for h in [hi, lo, lo + 1]], dtype=dtype)
    rec("integers", [[0], [4]], [5, 20, 2**33], dtype="int64")
    rec("integers", [0, 2**32 - 1, 2**32], 2**40 + 1, dtype="uint64", endpoint=True)
    p = [0.1, 0.0, 0.3, 0.25, 0.35]
    rec("choice", 5, 30, p=p)
    rec("choice", 5, p=p)
    rec("choice", 5, (2, 2), replace=False, p=p)
    rec("choice", [10, 20, 30, 40, 50], 4, replace=False, p=p, shuffle=False)
    rec("choice", [[1, 2, 3], [4, 5, 6], [7, 8, 9]], 2, axis=1)
    rec("choice", [[1, 2, 3], [4, 5, 6], [7, 8, 9]], (1, 2), replace=False)
    rec("permutation", [[1, 2, 3], [4, 5, 6]], axis=1)
    rec("permuted", [[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12]], axis=1)
    rec("permuted", [[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12]], axis=0)
    rec("permuted", [[1, 2, 3, 4], [5, 6, 7, 8]])
    rec("bytes", 0)
    rec("bytes", -1)
    rec("random")


def normal_tails(calls):
    """How many returned normals lie in the ziggurat tail (|x| > r): proof the tail branch is covered."""
    r = 3.6541528853610087
    normals = [v for c in calls if c["method"] == "standard_normal" for v in c["expect"]]
    return sum(abs(float.fromhex(v)) > r for v in normals)


def generator_cases():
    cases = []
    specs = [("PCG64", 0), ("PCG64", 42), ("PCG64", 2**100 + 7), ("PCG64", [1, 2, 3]), ("PCG64", 20),
             ("PCG64DXSM", 1), ("MT19937", 5), ("MT19937", 2**40), ("Philox", 7), ("Philox", [9, 8])]
    for cls, seed in specs:
        rec = Recorder(NP.Generator(getattr(NP, cls)(seed)))
        generator_battery(rec)
        cases.append(generator_case(f"Generator({cls}({seed})) battery", cls, seed, rec))
    for cls, seed in [("PCG64", 3), ("Philox", 3), ("MT19937", 3)]:
        rec = Recorder(NP.Generator(getattr(NP, cls)(seed)))
        interleave_battery(rec)
        cases.append(generator_case(f"Generator({cls}({seed})) interleaved", cls, seed, rec))
    return cases


def generator_case(name, cls, seed, rec):
    return {"kind": "generator", "name": name, "make": {"class": cls, "seed": seed_json(seed)},
            "calls": rec.calls, "normal_tail_values": normal_tails(rec.calls),
            "state": portable_state(rec.target.bit_generator.state)}


# ---- RandomState -------------------------------------------------------------------------------

def randomstate_battery(rec):
    rec("rand", 5)
    rec("rand")
    rec("rand", 2, 3)
    rec("random_sample", 3)
    rec("randn", 2001)  # odd: the polar method's cached value carries into the next call
    rec("randn", 3)
    rec("standard_normal", 4)
    rec("randn")
    rec("randint", 10)
    rec("randint", 0, 10, 7)
    for dtype in INT_DTYPES:
        for low, high, endpoint in integer_bounds(dtype):
            if not endpoint:
                rec("randint", low, high, 20, dtype=dtype)
    rec("randint", 0, 2, 40, dtype=np.bool_)
    rec("randint", 0, 2**64, 10, dtype=np.uint64)
    rec("permutation", 1000)
    rec.shuffle(range(20))
    rec("choice", 100, 10)
    rec("choice", 100, 10, replace=False)
    rec("choice", 7)


def randomstate_structural_battery(rec):
    """Broadcast bounds in ``randint``, ``choice`` with ``p``, ``tomaxint``, ``random_integers``,
    ``bytes`` (0 draws one word) and ``permutation`` of a 2-d list."""
    rec("randint", [0, 5, 250], [10, 6, 256], dtype="uint8")
    rec("randint", [[0], [2**40]], [2**41, 2**62], dtype="int64")
    rec("randint", -5, [0, 1, 2**31 - 1], dtype="int32")
    rec("choice", 5, 30, p=[0.1, 0.0, 0.3, 0.25, 0.35])
    rec("choice", [10, 20, 30, 40, 50], 3, replace=False, p=[0.1, 0.0, 0.3, 0.25, 0.35])
    rec("tomaxint", 5)
    rec("tomaxint")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        rec("random_integers", 5, 10, 7)
        rec("random_integers", 9)
    rec("bytes", 0)
    rec("bytes", 7)
    rec("permutation", [[1, 2], [3, 4], [5, 6]])
    rec("random_sample")


def randomstate_cases():
    cases = []
    for seed in [0, 1234567890, 2**32 - 1, [0], list(range(10)), [2**32 - 1, 5, 123456]]:
        rec = Recorder(NP.RandomState(seed))
        randomstate_battery(rec)
        cases.append(randomstate_case(f"RandomState({seed})", seed, rec))
    return cases


def structural_cases():
    """numpy_structural.json: Generator and RandomState cases of the structural methods (kept apart from
    generator.json / randomstate.json, whose methods every port replays)."""
    cases = []
    for cls, seed in [("PCG64", 11), ("MT19937", 11), ("Philox", 11), ("SFC64", 11)]:
        rec = Recorder(NP.Generator(getattr(NP, cls)(seed)))
        structural_battery(rec)
        cases.append(generator_case(f"Generator({cls}({seed})) structural", cls, seed, rec))
    for seed in [0, list(range(10))]:
        rec = Recorder(NP.RandomState(seed))
        randomstate_structural_battery(rec)
        cases.append(randomstate_case(f"RandomState({seed}) structural", seed, rec))
    return cases


def randomstate_case(name, seed, rec):
    """A randomstate case: the calls, then numpy's legacy state."""
    _, key, pos, has_gauss, gauss = rec.target.get_state()
    state = {"key": enc(key.tolist()), "pos": pos, "has_gauss": has_gauss, "gauss": fhex(gauss)}
    return {"kind": "randomstate", "name": name, "make": {"seed": seed_json(seed)}, "calls": rec.calls,
            "state": state}


def main():
    gen = generator_cases()
    assert sum(c["normal_tail_values"] for c in gen) > 0, "no ziggurat tail value in the normals"
    write("generator.json", family="generator", generated_by="vectors/make_generator.py",
          versions=versions(numpy=np.__version__),
          source="numpy.random.Generator methods on numpy bit generators seeded as in 'make'", cases=gen)
    write("randomstate.json", family="randomstate", generated_by="vectors/make_generator.py",
          versions=versions(numpy=np.__version__),
          source="numpy.random.RandomState(seed) methods (legacy int / array seeding)",
          cases=randomstate_cases())
    write("numpy_structural.json", family="numpy_structural", generated_by="vectors/make_generator.py",
          versions=versions(numpy=np.__version__),
          source="numpy.random.Generator / RandomState structural methods: broadcast integer bounds, choice "
                 "with p and axis, permutation/permuted along an axis, bytes(0)/bytes(-1), tomaxint, "
                 "random_integers, legacy bytes",
          cases=structural_cases())


if __name__ == "__main__":
    main()
