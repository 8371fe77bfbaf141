"""Write seedsequence.json, pcg64.json, pcg64dxsm.json, mt19937.json, philox.json and sfc64.json from numpy.

Every expected value is what numpy.random (the version recorded in each file) returns:
- random_raw: BitGenerator.random_raw;
- next_uint32 / next_uint64 / next_double: numpy's own C function pointers, called through
  `bit_generator.ctypes` (the same functions numpy's Generator calls); check_ctypes_mapping() below
  asserts that they are what the names say;
- states: `bit_generator.state`, re-encoded by vecjson.portable_state (no prng code is imported).

Run with the project's venv: `python vectors/make_numpy.py`. Deterministic: no OS entropy reaches any
value written (numpy's jumped() seeds a throw-away instance from the OS, then overwrites its state).
"""

import numpy as np

from vecjson import dec, decs, fhex, ints, portable_state, versions, write

NP = np.random
CLASSES = {"PCG64": NP.PCG64, "PCG64DXSM": NP.PCG64DXSM, "MT19937": NP.MT19937, "Philox": NP.Philox,
           "SFC64": NP.SFC64}
VERSIONS = versions(numpy=np.__version__)
M32, M64 = 2**32 - 1, 2**64 - 1


class Recorder:
    """Runs operations on a numpy bit generator and records each with numpy's answer."""

    def __init__(self, bg):
        self.bg = bg
        self.ops = []

    def _c(self):
        return self.bg.ctypes

    def state(self):
        self.ops.append({"op": "state", "expect": portable_state(self.bg.state)})
        return self

    def random_raw(self, n):
        self.ops.append({"op": "random_raw", "n": n, "expect": decs(self.bg.random_raw(n))})
        return self

    def skip(self, n):
        self.bg.random_raw(n, output=False)
        self.ops.append({"op": "skip", "n": n})
        return self

    def next_uint32(self, n):
        c = self._c()
        self.ops.append({"op": "next_uint32", "n": n, "expect": [int(c.next_uint32(c.state)) for _ in range(n)]})
        return self

    def next_uint64(self, n):
        c = self._c()
        self.ops.append({"op": "next_uint64", "n": n, "expect": [dec(c.next_uint64(c.state)) for _ in range(n)]})
        return self

    def next_double(self, n):
        c = self._c()
        self.ops.append({"op": "next_double", "n": n, "expect": [fhex(c.next_double(c.state)) for _ in range(n)]})
        return self

    def advance(self, delta):
        self.bg.advance(delta)
        self.ops.append({"op": "advance", "delta": dec(delta)})
        return self

    def jumped(self, jumps):
        self.bg = self.bg.jumped(jumps)
        self.ops.append({"op": "jumped", "jumps": jumps})
        return self

    def set_state(self, state):
        self.bg.state = state
        self.ops.append({"op": "set_state", "state": portable_state(state)})
        return self

    def interleave(self):
        """A fixed mix of every draw kind; with 5 next_uint32 the 64-bit buffer ends up full."""
        return (self.next_uint32(3).next_uint64(2).next_uint32(1).next_double(3)
                .random_raw(2).next_uint32(1).next_double(1).state())


def case(name, make, rec):
    return {"kind": "bitgen", "name": name, "make": make, "ops": rec.ops}


def seed_json(seed):
    if isinstance(seed, NP.SeedSequence):
        ent = seed.entropy
        return {"entropy": decs(ent) if isinstance(ent, (list, tuple)) else dec(ent),
                "spawn_key": decs(seed.spawn_key), "pool_size": seed.pool_size}
    if isinstance(seed, (list, tuple)):
        return decs(seed)
    return dec(seed)


def legacy_mt(seed):
    bg = NP.MT19937(0)
    bg._legacy_seeding(seed)
    return bg


def check_ctypes_mapping():
    """Assert numpy's ctypes next_* pointers are the functions the names say (numpy's semantics)."""
    for name in ("PCG64", "PCG64DXSM", "Philox", "SFC64"):
        a, b = CLASSES[name](7), CLASSES[name](7)
        raw = [int(x) for x in b.random_raw(4)]
        c = a.ctypes
        assert c.next_uint64(c.state) == raw[0]
        assert [c.next_uint32(c.state), c.next_uint32(c.state)] == [raw[1] & M32, raw[1] >> 32]
        assert c.next_double(c.state) == (raw[2] >> 11) * 2.0**-53
        assert np.random.Generator(CLASSES[name](7)).random() == (raw[0] >> 11) * 2.0**-53
    a, b = NP.MT19937(7), NP.MT19937(7)
    raw = [int(x) for x in b.random_raw(6)]
    c = a.ctypes
    assert c.next_uint32(c.state) == raw[0]
    assert c.next_uint64(c.state) == (raw[1] << 32) | raw[2]
    assert c.next_double(c.state) == ((raw[3] >> 5) * 67108864.0 + (raw[4] >> 6)) / 9007199254740992.0
    g = NP.MT19937(7)
    assert np.random.Generator(g).integers(0, 2**64, dtype=np.uint64) == (raw[0] << 32) | raw[1]


# ---------------------------------------------------------------------------------------------
# Bit generators

LARGE_ARRAY = [(i * 0x9E3779B97F4A7C15 + 0x632BE59BD9B4E019) & M64 for i in range(48)] + list(range(16))
SEEDS = [
    ("0", 0),
    ("1", 1),
    ("42", 42),
    ("2**32-1", 2**32 - 1),
    ("2**63+1", 2**63 + 1),
    ("128-bit int", 0x0123456789ABCDEFFEDCBA9876543210),
    ("[1, 2, 3]", [1, 2, 3]),
    ("64-word array", LARGE_ARRAY),
    ("SeedSequence(12345, spawn_key=(1, 2))", lambda: NP.SeedSequence(12345, spawn_key=(1, 2))),
    ("SeedSequence([7, 2**40], spawn_key=(5,), pool_size=8)",
     lambda: NP.SeedSequence([7, 2**40], spawn_key=(5,), pool_size=8)),
]


def seeded_cases(cls_name):
    cls = CLASSES[cls_name]
    n_raw = 1300 if cls_name == "MT19937" else 1000
    out = []
    for label, seed in SEEDS:
        seed = seed() if callable(seed) else seed
        rec = Recorder(cls(seed)).state().random_raw(n_raw).interleave()
        out.append(case(f"{cls_name} seed {label}", {"class": cls_name, "seed": seed_json(seed)}, rec))
    return out


def advance_cases(cls_name):
    cls = CLASSES[cls_name]
    deltas = [1, 12345, 2**100 + 7, -5, 2**128 + 3]
    if cls_name == "Philox":
        deltas += [-1, 2**256 + 2, 2**64 - 1]
    out = []
    for d in deltas:
        rec = Recorder(cls(42)).advance(d).state().random_raw(8).next_uint32(3)
        out.append(case(f"{cls_name} seed 42 advance({d})", {"class": cls_name, "seed": "42"}, rec))
    # advance drops the buffered uint32 (and Philox's buffered block)
    rec = Recorder(cls(3)).random_raw(3).next_uint32(1).state().advance(12345).state().next_uint32(3).random_raw(4)
    out.append(case(f"{cls_name} seed 3 advance after draws", {"class": cls_name, "seed": "3"}, rec))
    if cls_name == "Philox":
        rec = Recorder(cls(3)).random_raw(1).advance(1).state().random_raw(8)
        out.append(case("Philox seed 3 advance(1) after 1 output", {"class": cls_name, "seed": "3"}, rec))
    return out


def jumped_cases(cls_name):
    cls = CLASSES[cls_name]
    out = []
    mk = {"class": cls_name, "seed": "42"}
    if cls_name == "MT19937":
        out.append(case("MT19937 seed 42 jumped(1) fresh (pos 623)", mk,
                        Recorder(cls(42)).jumped(1).state().random_raw(8)))
        out.append(case("MT19937 seed 42 jumped(1) after 10 draws", mk,
                        Recorder(cls(42)).random_raw(10).jumped(1).state().random_raw(8)))
        out.append(case("MT19937 seed 42 jumped(1) after 700 draws", mk,
                        Recorder(cls(42)).skip(700).jumped(1).state().random_raw(8)))
        out.append(case("MT19937 seed 0 jumped(3)", {"class": cls_name, "seed": "0"},
                        Recorder(cls(0)).jumped(3).state().random_raw(8)))
        out.append(case("MT19937 from_genrand(5489) jumped(1) (pos 624)",
                        {"class": "MT19937", "from_genrand": 5489},
                        Recorder(legacy_mt(5489)).jumped(1).state().random_raw(8)))
        out.append(case("MT19937 from_array([1, 2, 3]) 5 draws, jumped(1)",
                        {"class": "MT19937", "from_array": [1, 2, 3]},
                        Recorder(legacy_mt([1, 2, 3])).random_raw(5).jumped(1).state().random_raw(8)))
        return out
    out.append(case(f"{cls_name} seed 42 jumped(1) after draws", mk,
                    Recorder(cls(42)).random_raw(5).next_uint32(1).jumped(1).state().random_raw(8).next_uint32(3)))
    out.append(case(f"{cls_name} seed 42 jumped(3)", mk,
                    Recorder(cls(42)).jumped(3).state().random_raw(8)))
    out.append(case(f"{cls_name} seed 42 jumped(1) twice", mk,
                    Recorder(cls(42)).jumped(1).jumped(1).state().random_raw(4)))
    return out


def set_state_cases(cls_name):
    cls = CLASSES[cls_name]
    donor = cls(2)
    donor.random_raw(3)
    c = donor.ctypes
    c.next_uint32(c.state)  # 64-bit classes: has_uint32 = 1 now
    rec = (Recorder(cls(1)).random_raw(2).set_state(donor.state).state()
           .next_uint32(3).random_raw(10).state())
    out = [case(f"{cls_name} set_state round trip", {"class": cls_name, "seed": "1"}, rec)]
    if cls_name == "MT19937":
        rec = Recorder(cls(1)).set_state(legacy_mt(5489).state).state().random_raw(5)
        out.append(case("MT19937 set_state to a legacy (pos 624) state", {"class": cls_name, "seed": "1"}, rec))
    return out


def philox_key_counter_cases():
    out = []
    key128 = 0x0123456789ABCDEFFEDCBA9876543210

    def pc(name, key, counter, n=12):
        arr = lambda v: v if isinstance(v, int) or v is None else np.array(v, dtype=np.uint64)
        bg = NP.Philox(key=arr(key), counter=arr(counter))
        st = bg.state["state"]
        kw = [key & M64, key >> 64] if isinstance(key, int) else key
        assert [int(x) for x in st["key"]] == kw
        if counter is not None:
            cw = [(counter >> (64 * i)) & M64 for i in range(4)] if isinstance(counter, int) else counter
            assert [int(x) for x in st["counter"]] == cw
        mk = {"class": "Philox", "key": dec(key) if isinstance(key, int) else decs(key)}
        if counter is not None:
            mk["counter"] = dec(counter) if isinstance(counter, int) else decs(counter)
        rec = Recorder(bg).state().random_raw(n).next_uint32(3).state()
        out.append(case(name, mk, rec))

    pc("Philox key=128-bit int", key128, None)
    pc("Philox key=[k0, k1], counter=[c0..c3]", [2**64 - 3, 12345], [1, 2, 3, 2**63])
    pc("Philox counter=2**256-2 (carry wraps)", key128, 2**256 - 2)
    pc("Philox counter=2**64-1 (carry into word 1)", 7, 2**64 - 1)
    pc("Philox counter=2**192-1 (carry into word 3)", 7, 2**192 - 1)
    pc("Philox key=0 counter=0", 0, 0)
    pc("Philox key=2**128-1 counter=2**256-1", 2**128 - 1, 2**256 - 1)
    return out


def mt_legacy_cases():
    out = []
    for s in (0, 1, 5489, 4294967295):
        rec = Recorder(legacy_mt(s)).state().random_raw(1300).next_double(3).next_uint64(2).state()
        out.append(case(f"MT19937 from_genrand({s})", {"class": "MT19937", "from_genrand": s}, rec))
    arrays = [("[0]", [0]), ("[4294967295]", [4294967295]), ("[1, 2, 3]", [1, 2, 3]),
              ("range(10)", list(range(10))), ("[1, 2, 3] * 300", [1, 2, 3] * 300)]
    for label, arr in arrays:
        rec = Recorder(legacy_mt(arr)).state().random_raw(1300).next_double(3).next_uint64(2).state()
        out.append(case(f"MT19937 from_array({label})", {"class": "MT19937", "from_array": arr}, rec))
    # C++11 [rand.predef]: the 10000th consecutive invocation of a default-constructed
    # std::mt19937 (seed 5489) produces 4123659995.
    bg = legacy_mt(5489)
    assert int(bg.random_raw(10000)[-1]) == 4123659995
    ops = [{"op": "skip", "n": 9999}, {"op": "next_uint32", "n": 1, "expect": [4123659995]}]
    out.append({"kind": "bitgen", "name": "std::mt19937 10000th output (C++ standard)",
                "make": {"class": "MT19937", "from_genrand": 5489}, "ops": ops})
    return out


def bitgen_file(cls_name, fname, extra):
    cases = seeded_cases(cls_name)
    if cls_name not in ("MT19937", "SFC64"):  # SFC64 has neither advance nor jumped
        cases += advance_cases(cls_name)
    if cls_name != "SFC64":
        cases += jumped_cases(cls_name)
    cases += set_state_cases(cls_name) + extra
    write(fname, family=cls_name.lower(), generated_by="vectors/make_numpy.py", versions=VERSIONS,
          source=f"numpy.random.{cls_name}: random_raw, the ctypes next_uint32/next_uint64/next_double "
                 "function pointers, " + ("" if cls_name == "SFC64" else "advance, jumped, ") + "the state property"
                 + ("; MT19937._legacy_seeding (init_genrand / init_by_array); the C++ standard's "
                    "std::mt19937 value" if cls_name == "MT19937" else ""),
          cases=cases)


# ---------------------------------------------------------------------------------------------
# SeedSequence

ENTROPIES = [
    0, 1, 42, 12345, 2**32 - 1, 2**32, 2**63 + 1, 2**64 - 1, 2**64,
    0x0123456789ABCDEFFEDCBA9876543210, 2**128 - 1, 3**126, 2**200 + 12345,
    [], [0], [1, 2, 3], [42, 0, 0, 0, 0], [2**32 - 1, 2**32, 2**64 - 1],
    [2**40, 1, 2**100], list(range(20)), [12345, 2**200 + 1],
]
SPAWN_KEYS = [(), (0,), (1, 2), (2**40,)]


def seedsequence_cases():
    out = []
    for ent in ENTROPIES:
        for pool_size in (4, 8):
            for sk in SPAWN_KEYS:
                ss = NP.SeedSequence(ent, spawn_key=sk, pool_size=pool_size)
                gs = []
                for n in (1, 4, 5):
                    gs.append({"n": n, "dtype": "uint32", "expect": ints(ss.generate_state(n, np.uint32))})
                    gs.append({"n": n, "dtype": "uint64", "expect": decs(ss.generate_state(n, np.uint64))})
                if sk == () and pool_size == 4:
                    gs.append({"n": 624, "dtype": "uint32", "expect": ints(ss.generate_state(624, np.uint32))})
                if sk == () and ent in (0, [1, 2, 3]):
                    gs.append({"n": 624, "dtype": "uint64", "expect": decs(ss.generate_state(624, np.uint64))})

                def spawn(n):
                    kids = ss.spawn(n)
                    return {"n": n, "n_children_spawned": ss.n_children_spawned,
                            "children": [{"spawn_key": decs(k.spawn_key), "pool": ints(k.pool),
                                          "generate_state_uint32": ints(k.generate_state(8))} for k in kids]}

                c = {"kind": "seedsequence",
                     "name": f"SeedSequence({ent!r:.60}, spawn_key={sk}, pool_size={pool_size})",
                     "entropy": decs(ent) if isinstance(ent, list) else dec(ent),
                     "spawn_key": decs(sk), "pool_size": pool_size,
                     "pool": ints(ss.pool), "generate_state": gs}
                c["spawn"] = spawn(3)
                c["spawn_again"] = spawn(2)
                out.append(c)
    write("seedsequence.json", family="seedsequence", generated_by="vectors/make_numpy.py",
          versions=VERSIONS,
          source="numpy.random.SeedSequence: pool, generate_state, spawn, n_children_spawned",
          cases=out)


def main():
    check_ctypes_mapping()
    seedsequence_cases()
    bitgen_file("PCG64", "pcg64.json", [])
    bitgen_file("PCG64DXSM", "pcg64dxsm.json", [])
    bitgen_file("Philox", "philox.json", philox_key_counter_cases())
    bitgen_file("MT19937", "mt19937.json", mt_legacy_cases())
    bitgen_file("SFC64", "sfc64.json", [])


if __name__ == "__main__":
    main()
