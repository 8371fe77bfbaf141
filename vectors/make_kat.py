"""Write philox4x32.json, philox4x64_kat.json, threefry.json, threefry2x32.json, mt19937ar.json and
pcg64_kat.json.

Sources (all independent of prng):
- kat/random123_kat_vectors.txt: Random123's known answers (Philox4x32-10, Philox4x64-10,
  Threefry4x64-20, Threefry2x32-20);
- randomgen's Philox(number=4, width=32) (Kevin Sheppard's randomgen, version recorded): a second,
  real Philox4x32-10 implementation, first checked against the Random123 KAT lines, used for the
  blocks after a counter increment (with carry), longer streams, next_uint64/next_double;
- kat/mt19937ar.out: the mt19937ar reference output (Matsumoto & Nishimura);
- kat/pcg-c_check-pcg64.out: the PCG C reference output (O'Neill).
numpy (version recorded) is used only to cross-check: the 4x64 KAT lines through numpy's Philox,
mt19937ar.out through MT19937._legacy_seeding, pcg-c through PCG64 with the pcg-c state set.

Run: `python vectors/make_kat.py` (needs randomgen: `pip install randomgen`).
"""

import numpy as np
import randomgen

from vecjson import KAT, dec, decs, fhex, portable_state, versions, write

M32, M64, M128 = 2**32 - 1, 2**64 - 1, 2**128 - 1


def words(value, n, bits):
    return [(value >> (bits * i)) & ((1 << bits) - 1) for i in range(n)]


def join(ws, bits):
    return sum(int(w) << (bits * i) for i, w in enumerate(ws))


def kat_lines(name):
    """(counter words, key words, expected words) of the 10-round `name` lines, word 0 first."""
    out = []
    for line in (KAT / "random123_kat_vectors.txt").read_text().splitlines():
        p = line.split()
        if len(p) == 12 and p[0] == name and p[1] == "10":
            w = [int(x, 16) for x in p[2:]]
            out.append((w[0:4], w[4:6], w[6:10]))
    assert len(out) == 3, name
    return out


# ---------------------------------------------------------------------------------------------
# Philox4x32-10 (prng.Philox4x32, cuRAND convention: the given counter is the first block's)

def rg_philox4x32(counter, key):
    """randomgen's Philox4x32-10. randomgen, like numpy, increments the counter before each block,
    so prng's counter c is randomgen's counter c - 1."""
    return randomgen.Philox(counter=(counter - 1) & M128, key=key, number=4, width=32)


class P32:
    """Records ops on randomgen's Philox4x32 and derives prng's portable state (documented in
    docs/ARCHITECTURE.md: `counter` = the next block to compute, `buffer` = the last block,
    `buffer_pos`; buffer zero before the first block) from the number of words drawn."""

    def __init__(self, counter, key):
        self.counter, self.key = counter, key
        self.g = rg_philox4x32(counter, key)
        self.words = []  # every uint32 drawn so far, in order, from a lockstep twin
        self.twin = rg_philox4x32(counter, key)
        self.ops = []

    def _took(self, n):
        c = self.twin.ctypes
        self.words += [int(c.next_uint32(c.state)) for _ in range(n)]

    def next_uint32(self, n):
        c = self.g.ctypes
        v = [int(c.next_uint32(c.state)) for _ in range(n)]
        self._took(n)
        assert v == self.words[-n:]
        self.ops.append({"op": "next_uint32", "n": n, "expect": v})
        return self

    def random_raw(self, n):
        v = [int(x) for x in self.g.random_raw(n)]
        self._took(n)
        assert v == self.words[-n:]
        self.ops.append({"op": "random_raw", "n": n, "expect": decs(v)})
        return self

    def next_uint64(self, n):
        c = self.g.ctypes
        v = [int(c.next_uint64(c.state)) for _ in range(n)]
        self._took(2 * n)
        w = self.words[-2 * n:]
        assert v == [(w[2 * i] << 32) | w[2 * i + 1] for i in range(n)]  # first draw is the high half
        self.ops.append({"op": "next_uint64", "n": n, "expect": decs(v)})
        return self

    def next_double(self, n):
        c = self.g.ctypes
        v = [c.next_double(c.state) for _ in range(n)]
        self._took(2 * n)
        w = self.words[-2 * n:]
        assert v == [((w[2 * i] >> 5) * 67108864.0 + (w[2 * i + 1] >> 6)) / 9007199254740992.0
                     for i in range(n)]
        self.ops.append({"op": "next_double", "n": n, "expect": [fhex(x) for x in v]})
        return self

    def state(self):
        k = len(self.words)
        blocks = -(-k // 4)
        buf = [0, 0, 0, 0]
        if blocks:  # the whole last block, including the words not drawn yet
            g = rg_philox4x32(self.counter, self.key)
            ws = [int(g.ctypes.next_uint32(g.ctypes.state)) for _ in range(4 * blocks)]
            assert ws[:k] == self.words
            buf = ws[-4:]
        pos = 4 if k == 0 or k % 4 == 0 else k % 4
        self.ops.append({"op": "state", "expect": p32_state((self.counter + blocks) & M128, self.key, buf, pos)})
        return self


def p32_state(counter, key, buffer, buffer_pos):
    return {"bit_generator": "Philox4x32",
            "state": {"counter": words(counter, 4, 32), "key": words(key, 2, 32)},
            "buffer": list(buffer), "buffer_pos": buffer_pos}


def p32_make(counter, key, as_int=False):
    if as_int:
        return {"class": "Philox4x32", "counter": dec(counter), "key": dec(key)}
    return {"class": "Philox4x32", "counter": decs(words(counter, 4, 32)), "key": decs(words(key, 2, 32))}


def philox4x32_cases():
    cases = []
    kats = kat_lines("philox4x32")
    for ctr_w, key_w, expect in kats:  # randomgen must reproduce Random123 first
        g = rg_philox4x32(join(ctr_w, 32), join(key_w, 32))
        assert [g.ctypes.next_uint32(g.ctypes.state) for _ in range(4)] == expect
    for ctr_w, key_w, expect in kats:
        ctr, key = join(ctr_w, 32), join(key_w, 32)
        ops = [{"op": "state", "expect": p32_state(ctr, key, [0, 0, 0, 0], 4)},
               {"op": "next_uint32", "n": 4, "expect": expect},
               {"op": "state", "expect": p32_state((ctr + 1) & M128, key, expect, 4)}]
        cases.append({"kind": "bitgen", "name": f"Random123 KAT philox4x32-10 ctr={'_'.join('%08x' % w for w in ctr_w)}",
                      "make": p32_make(ctr, key), "source": "random123_kat_vectors.txt", "ops": ops})

    pi_key = join(kats[2][1], 32)
    counters = [
        ("[ffffffff, ffffffff, 0, 0]", join([M32, M32, 0, 0], 32), 0),
        ("[ffffffff, 0, 0, 0]", join([M32, 0, 0, 0], 32), pi_key),
        ("[ffffffff, ffffffff, ffffffff, 0]", join([M32, M32, M32, 0], 32), pi_key),
        ("all ones (wraps to 0)", M128, M64),
        ("[fffffffe, ffffffff, ffffffff, ffffffff]", M128 - 1, pi_key),
        ("[fffffffd, ffffffff, 0, 0]", join([M32 - 2, M32, 0, 0], 32), 0x0123456789ABCDEF),
        ("[1, 2, 3, 4]", join([1, 2, 3, 4], 32), pi_key),
    ]
    for label, ctr, key in counters:
        r = (P32(ctr, key).state().next_uint32(16).state().random_raw(6).state()
             .next_uint64(3).next_double(3).next_uint32(1).state())
        cases.append({"kind": "bitgen", "name": f"Philox4x32 counter={label} key={key:#x}",
                      "make": p32_make(ctr, key), "source": "randomgen", "ops": r.ops})
    r = P32(0, join([0x12345678, 0x9ABCDEF0], 32)).random_raw(1000).state()
    cases.append({"kind": "bitgen", "name": "Philox4x32 counter=0 key=[12345678, 9abcdef0] 1000 raw",
                  "make": p32_make(0, join([0x12345678, 0x9ABCDEF0], 32)), "source": "randomgen", "ops": r.ops})
    r = P32(2**64 - 1, 0xDEADBEEF).next_uint32(12).state()
    cases.append({"kind": "bitgen", "name": "Philox4x32 counter and key as decimal strings",
                  "make": p32_make(2**64 - 1, 0xDEADBEEF, as_int=True), "source": "randomgen", "ops": r.ops})

    # set_state: the next values are buffer[buffer_pos:], then the blocks at counter, counter+1, ...
    for pos in (4, 1, 3):
        ctr, key = join([M32 - 1, M32, 7, 0], 32), pi_key
        prev = rg_philox4x32((ctr - 1) & M128, key)
        buf = [int(prev.ctypes.next_uint32(prev.ctypes.state)) for _ in range(4)]
        nxt = rg_philox4x32(ctr, key)
        expect = buf[pos:] + [int(nxt.ctypes.next_uint32(nxt.ctypes.state)) for _ in range(10)]
        st = p32_state(ctr, key, buf, pos)
        ops = [{"op": "next_uint32", "n": 2, "expect": kats[0][2][:2]},
               {"op": "set_state", "state": st}, {"op": "state", "expect": st},
               {"op": "next_uint32", "n": len(expect), "expect": expect}]
        cases.append({"kind": "bitgen", "name": f"Philox4x32 set_state buffer_pos={pos}",
                      "make": p32_make(0, 0), "source": "randomgen, random123_kat_vectors.txt", "ops": ops})
    return cases


# ---------------------------------------------------------------------------------------------
# Philox4x64-10 KAT through numpy's Philox (counter + 1 before the first block)

def philox4x64_cases():
    cases = []
    for ctr_w, key_w, expect in kat_lines("philox4x64"):
        ctr, key = (join(ctr_w, 64) - 1) % 2**256, join(key_w, 64)
        bg = np.random.Philox(counter=ctr, key=key)
        assert [int(x) for x in bg.random_raw(4)] == expect
        assert portable_state(bg.state)["buffer"] == decs(expect)
        ops = [{"op": "random_raw", "n": 4, "expect": decs(expect)}]
        cases.append({"kind": "bitgen",
                      "name": f"Random123 KAT philox4x64-10 ctr={'_'.join('%016x' % w for w in ctr_w)}",
                      "make": {"class": "Philox", "counter": decs(words(ctr, 4, 64)), "key": decs(key_w)},
                      "ops": ops})
    return cases


# ---------------------------------------------------------------------------------------------
# Threefry4x64-20 and Threefry2x32-20 (prng.Threefry / prng.Threefry2x32 = randomgen's ThreeFry:
# counter += 1 before each block, as numpy's Philox)

THREEFRY = {"Threefry": (4, 64), "Threefry2x32": (2, 32)}


def threefry_kat_lines(n, w):
    """(counter words, key words, expected words) of the 20-round threefry{n}x{w} lines."""
    out = []
    for line in (KAT / "random123_kat_vectors.txt").read_text().splitlines():
        p = line.split()
        if len(p) == 2 + 3 * n and p[0] == f"threefry{n}x{w}" and p[1] == "20":
            v = [int(x, 16) for x in p[2:]]
            out.append((v[:n], v[n:2 * n], v[2 * n:]))
    assert len(out) == 3, (n, w)
    return out


class TF:
    """Records ops on randomgen's ThreeFry and writes prng's portable state: randomgen's counter,
    buffer_pos and uint32 buffer, with ``buffer`` the whole last block (randomgen's keeps only the
    words not yet handed out; docs/ARCHITECTURE.md keeps all four), or zeros before the first block and after
    ``advance(counter=True)``/``jumped``. The block at a counter comes from a second randomgen
    instance started one block earlier."""

    def __init__(self, name, g):
        self.name, self.g = name, g
        self.n, self.w = THREEFRY[name]
        self.block_known = False  # has a block been computed since the buffer was last zeroed?
        self.ops = []

    def rg(self, counter, key):
        return randomgen.ThreeFry(counter=counter % (1 << (self.n * self.w)), key=key, number=self.n,
                                  width=self.w)

    def _st(self):
        st = self.g.state
        return int(join(st["state"]["counter"], self.w)), int(join(st["state"]["key"], self.w)), st

    def _drew(self):
        self.block_known = True

    def portable(self):
        ctr, key, st = self._st()
        if self.block_known:
            twin = self.rg(ctr - 1, key)
            buf = [int(x) for x in twin.random_raw(self.n)]
            shown = [int(x) for x in st["buffer"]]  # randomgen's own buffer: its unused words agree
            assert shown[st["buffer_pos"]:self.n] == buf[st["buffer_pos"]:]
        else:
            buf = [0] * self.n
        out = {"bit_generator": self.name,
               "state": {"counter": words(ctr, self.n, self.w), "key": words(key, self.n, self.w)},
               "buffer": buf, "buffer_pos": min(int(st["buffer_pos"]), self.n)}  # randomgen's "empty" is 4 for 2x32 too
        if self.w == 64:
            out.update(has_uint32=int(st["has_uint32"]), uinteger=int(st["uinteger"]))
        return portable_state(out)

    def state(self):
        self.ops.append({"op": "state", "expect": self.portable()})
        return self

    def random_raw(self, n):
        v = [int(x) for x in self.g.random_raw(n)]
        self.ops.append({"op": "random_raw", "n": n, "expect": decs(v)})
        self._drew() if n else None
        return self

    def next_uint32(self, n):
        c = self.g.ctypes
        self.ops.append({"op": "next_uint32", "n": n, "expect": [int(c.next_uint32(c.state)) for _ in range(n)]})
        self._drew()
        return self

    def next_uint64(self, n):
        c = self.g.ctypes
        self.ops.append({"op": "next_uint64", "n": n, "expect": [dec(c.next_uint64(c.state)) for _ in range(n)]})
        self._drew()
        return self

    def next_double(self, n):
        c = self.g.ctypes
        self.ops.append({"op": "next_double", "n": n, "expect": [fhex(c.next_double(c.state)) for _ in range(n)]})
        self._drew()
        return self

    def advance(self, delta, counter=False):
        self.g.advance(delta, counter=counter)
        op = {"op": "advance", "delta": dec(delta)}
        if counter:
            op["counter"] = True
            self.block_known = self.block_known and delta == 0
        elif delta:
            self.block_known = True  # randomgen computes the block holding the next draw
        self.ops.append(op)
        return self

    def jumped(self, jumps):
        self.g = self.g.jumped(jumps)
        self.block_known = self.block_known and jumps == 0
        self.ops.append({"op": "jumped", "jumps": jumps})
        return self

    def set_state(self, donor):
        """Take ``donor``'s state (another TF of the same class): randomgen's and the portable one."""
        portable = donor.portable()
        self.g.state = donor.g.state
        self.block_known = donor.block_known
        self.ops.append({"op": "set_state", "state": portable})
        return self

    def interleave(self):
        return (self.next_uint32(3).next_uint64(2).next_uint32(1).next_double(3)
                .random_raw(2).next_uint32(1).next_double(1).state())


def tf_make(name, seed=None, counter=None, key=None):
    if seed is not None:
        mk = {"class": name, "seed": dec(seed) if isinstance(seed, int) else decs(seed)}
    else:
        mk = {"class": name, "key": key if isinstance(key, str) else decs(key)}
    if counter is not None:
        mk["counter"] = counter if isinstance(counter, str) else decs(counter)
    return mk


def threefry_cases(name):
    n, w = THREEFRY[name]
    width = n * w
    period = n << width
    cases = []

    def rg(seed=None, counter=None, key=None):
        return TF(name, randomgen.ThreeFry(seed, counter=counter, key=key, number=n, width=w))

    # Random123 KAT lines: randomgen reproduces them (counter - 1, then + 1 before the block)
    for ctr_w, key_w, expect in threefry_kat_lines(n, w):
        ctr = (join(ctr_w, w) - 1) % (1 << width)
        r = rg(counter=ctr, key=join(key_w, w))
        got = [int(x) for x in r.g.random_raw(n)]
        assert got == expect, (name, got, expect)
        ops = [{"op": "random_raw", "n": n, "expect": decs(expect)}]
        cases.append({"kind": "bitgen", "source": "random123_kat_vectors.txt",
                      "name": f"Random123 KAT threefry{n}x{w}-20 ctr={'_'.join('%0*x' % (w // 4, v) for v in ctr_w)}",
                      "make": tf_make(name, counter=words(ctr, n, w), key=key_w), "ops": ops})

    seeds = [("0", 0), ("1", 1), ("42", 42), ("2**63+1", 2**63 + 1), ("128-bit int", 0x0123456789ABCDEFFEDCBA9876543210),
             ("[1, 2, 3]", [1, 2, 3])]
    for label, seed in seeds:
        r = rg(seed).state().random_raw(1000).interleave()
        cases.append({"kind": "bitgen", "source": "randomgen", "name": f"{name} seed {label}",
                      "make": tf_make(name, seed=seed), "ops": r.ops})
    ss = np.random.SeedSequence(12345, spawn_key=(1, 2))
    r = TF(name, randomgen.ThreeFry(ss, number=n, width=w)).state().random_raw(40).interleave()
    cases.append({"kind": "bitgen", "source": "randomgen", "name": f"{name} seed SeedSequence(12345, spawn_key=(1, 2))",
                  "make": {"class": name, "seed": {"entropy": "12345", "spawn_key": ["1", "2"], "pool_size": 4}},
                  "ops": r.ops})

    # advance: randomgen's draws (and counter=True: blocks), from every buffer position
    deltas = sorted({1, 2, 3, n, 12345, -5, 0, period - 1, period + 2, 2**100 + 7})
    for skip in range(n + 1):
        for d in deltas:
            r = rg(42).random_raw(skip).next_uint32(1).advance(d).state().random_raw(2 * n + 1).next_uint32(3).state()
            cases.append({"kind": "bitgen", "source": "randomgen", "name": f"{name} seed 42 skip {skip} advance({d})",
                          "make": tf_make(name, seed=42), "ops": r.ops})
        r = rg(42).random_raw(skip).next_uint32(1).advance(3, True).state().random_raw(2 * n + 1).state()
        cases.append({"kind": "bitgen", "source": "randomgen", "name": f"{name} seed 42 skip {skip} advance(3, counter=True)",
                      "make": tf_make(name, seed=42), "ops": r.ops})
    r = rg(7).random_raw(1).advance(-(1 << width), True).state().random_raw(5).advance(0, True).state()
    cases.append({"kind": "bitgen", "source": "randomgen", "name": f"{name} seed 7 advance(-2**{width}, counter=True), advance(0)",
                  "make": tf_make(name, seed=7), "ops": r.ops})

    # jumped: 2**(width/2) blocks per jump, buffers dropped unless jumps == 0
    for jumps in (0, 1, 3):
        r = rg(42).random_raw(n + 1).next_uint32(1).jumped(jumps).state().random_raw(2 * n + 1).next_uint32(3).state()
        cases.append({"kind": "bitgen", "source": "randomgen", "name": f"{name} seed 42 jumped({jumps}) after draws",
                      "make": tf_make(name, seed=42), "ops": r.ops})
    r = rg(42).jumped(1).jumped(2).state().random_raw(4)
    cases.append({"kind": "bitgen", "source": "randomgen", "name": f"{name} seed 42 jumped(1).jumped(2)",
                  "make": tf_make(name, seed=42), "ops": r.ops})

    # key= / counter= constructors, with carries across words and the wrap at the top
    key_all = (1 << width) - 1
    specs = [("key=int", None, 0x0123456789ABCDEF), ("counter=2**%d-1 (carry into word 1)" % w, (1 << w) - 1, 7),
             ("counter=2**%d-2 (wraps)" % width, (1 << width) - 2, key_all),
             ("counter=words", [(1 << w) - 1] * (n - 1) + [5], [3] * n)]
    for label, ctr, key in specs:
        as_int = lambda v: join(v, w) if isinstance(v, list) else v  # randomgen takes ints (or 64-bit words)
        r = rg(counter=as_int(ctr), key=as_int(key)).state().random_raw(3 * n + 1).next_uint32(3).next_uint64(2).next_double(2).state()
        mk = tf_make(name, counter=None if ctr is None else (dec(ctr) if isinstance(ctr, int) else decs(ctr)),
                     key=dec(key) if isinstance(key, int) else decs(key))
        cases.append({"kind": "bitgen", "source": "randomgen", "name": f"{name} {label}", "make": mk, "ops": r.ops})

    # set_state: a donor mid-block (and, for 64-bit, holding a uint32 half)
    for skip in (1, n, n + 1):
        donor = rg(2).random_raw(skip).next_uint32(1)
        r = rg(1).random_raw(2).set_state(donor).state().next_uint32(3).random_raw(2 * n + 3).state()
        cases.append({"kind": "bitgen", "source": "randomgen", "name": f"{name} set_state round trip (donor drew {skip} + 1)",
                      "make": tf_make(name, seed=1), "ops": r.ops})
    return cases


# ---------------------------------------------------------------------------------------------
# mt19937ar.out

def mt19937ar_cases():
    text = (KAT / "mt19937ar.out").read_text().split("\n\n")
    assert text[0].startswith("1000 outputs of genrand_int32()")
    ints = [int(x) for x in text[0].split("\n", 1)[1].split()]
    reals = text[1].split("\n", 1)[1].split()
    assert text[1].startswith("1000 outputs of genrand_real2()") and len(ints) == len(reals) == 1000
    # genrand_real2() = genrand_int32() * (1/2^32), printed "%10.8f"-style with 18 decimals. The
    # value k/2^32 is exact in a double and 18 decimals pin k down uniquely: recover k and check
    # that printing k/2^32 to 18 decimals gives back the published text, character for character.
    more = []
    for r in reals:
        k = round(float(r) * 2**32)
        assert "%.18f" % (k / 2**32) == r, r
        more.append(k)
    key = [0x123, 0x234, 0x345, 0x456]
    bg = np.random.MT19937(0)
    bg._legacy_seeding(key)  # cross-check only
    assert [int(x) for x in bg.random_raw(2000)] == ints + more
    make = {"class": "MT19937", "from_array": key}
    return [
        {"kind": "bitgen", "name": "mt19937ar.out genrand_int32 x1000", "make": make,
         "ops": [{"op": "next_uint32", "n": 1000, "expect": ints}]},
        {"kind": "bitgen", "name": "mt19937ar.out genrand_int32 x1000 then genrand_real2 x1000 (as uint32)",
         "make": make, "ops": [{"op": "skip", "n": 1000}, {"op": "next_uint32", "n": 1000, "expect": more}]},
    ]


# ---------------------------------------------------------------------------------------------
# pcg-c check-pcg64.out (round 1): pcg64_srandom_r(&rng, 42, 54), six pcg64_random_r(), then
# pcg64_advance_r(&rng, -6) and the same six again.

PCG_MULT = 0x2360ED051FC65DA44385DF649FCCF645


def pcg64_cases():
    lines = (KAT / "pcg-c_check-pcg64.out").read_text().split("Round 1:")[1].split("Coins:")[0]
    first, again = lines.split("Again:")
    first = [int(x, 16) for x in first.split()[1:]]
    again = [int(x, 16) for x in again.split()]
    assert len(first) == 6 and first == again
    # pcg_setseq_128_srandom_r(rng, initstate=42, initseq=54), as pcg-c's pcg_variants.h writes it
    inc = (54 << 1) | 1
    st = (0 * PCG_MULT + inc) & M128
    st = ((st + 42) * PCG_MULT + inc) & M128
    state = {"bit_generator": "PCG64", "state": {"state": st, "inc": inc}, "has_uint32": 0, "uinteger": 0}
    bg = np.random.PCG64(0)
    bg.state = state
    assert [int(x) for x in bg.random_raw(6)] == first  # cross-check with numpy
    ops = [{"op": "set_state", "state": portable_state(state)},
           {"op": "next_uint64", "n": 6, "expect": decs(first)},
           {"op": "advance", "delta": "-6"},
           {"op": "next_uint64", "n": 6, "expect": decs(again)}]
    return [{"kind": "bitgen", "name": "pcg-c check-pcg64 round 1 (srandom 42, 54)",
             "make": {"class": "PCG64", "seed": "0"}, "ops": ops}]


def main():
    v = versions(numpy=np.__version__, randomgen=randomgen.__version__)
    write("philox4x32.json", family="philox4x32", generated_by="vectors/make_kat.py", versions=v,
          source="Random123 1.07 kat_vectors (philox4x32 10 rounds; case source 'random123_kat_vectors.txt'), "
                 "and randomgen.Philox(number=4, width=32) (case source 'randomgen'), which reproduces those "
                 "KAT lines; prng counter c = randomgen counter c - 1",
          cases=philox4x32_cases())
    write("philox4x64_kat.json", family="philox", generated_by="vectors/make_kat.py", versions=v,
          source="Random123 1.07 kat_vectors, philox4x64 10 rounds; numpy's Philox adds 1 to the counter "
                 "before its first block, so each case starts at the KAT counter - 1 (mod 2**256); "
                 "cross-checked with numpy.random.Philox",
          cases=philox4x64_cases())
    for name, fname in (("Threefry", "threefry.json"), ("Threefry2x32", "threefry2x32.json")):
        n, w = THREEFRY[name]
        write(fname, family=name.lower(), generated_by="vectors/make_kat.py", versions=v,
              source=f"Random123 1.07 kat_vectors (threefry{n}x{w} 20 rounds; case source "
                     f"'random123_kat_vectors.txt'), and randomgen.ThreeFry(number={n}, width={w}) (case source "
                     "'randomgen'), which reproduces those KAT lines; randomgen increments the counter before "
                     "each block, so a KAT case starts at the KAT counter - 1; advance is randomgen's (draws, "
                     "or blocks with counter=True)",
              cases=threefry_cases(name))
    write("mt19937ar.json", family="mt19937", generated_by="vectors/make_kat.py", versions=v,
          source="mt19937ar.out (init_by_array({0x123, 0x234, 0x345, 0x456}, 4)): 1000 genrand_int32(), "
                 "then 1000 genrand_real2() recovered exactly as the uint32 k with k/2**32 printing as published; "
                 "cross-checked with numpy MT19937._legacy_seeding",
          cases=mt19937ar_cases())
    write("pcg64_kat.json", family="pcg64", generated_by="vectors/make_kat.py", versions=v,
          source="pcg-c test-high/expected/check-pcg64.out round 1: pcg64_srandom_r(42, 54), 6 outputs, "
                 "advance(-6), the same 6; the start state is what pcg_setseq_128_srandom_r sets; "
                 "cross-checked with numpy.random.PCG64",
          cases=pcg64_cases())


if __name__ == "__main__":
    main()
