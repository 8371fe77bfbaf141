"""Replay every case of every vectors/*.json through prng's public API (schema: vectors/README.md).

Bit-generator cases run once per backend in ``prng.available_backends()``; one small interpreter
handles every family. All expected values come from the real libraries / published KATs.
"""

import json

import numpy as np

import prng
from conftest import assert_seq, fhex, plain


# ---- building -------------------------------------------------------------------------------

def as_int_or_list(v):
    """A decimal string -> int; a list of them -> list of ints (numbers pass through)."""
    return [int(x) for x in v] if isinstance(v, list) else int(v)


def seed_arg(seed):
    if isinstance(seed, dict):  # a SeedSequence
        return prng.SeedSequence(as_int_or_list(seed["entropy"]), spawn_key=[int(k) for k in seed["spawn_key"]],
                                 pool_size=seed["pool_size"])
    return as_int_or_list(seed)


def make(spec, backend):
    cls = getattr(prng, spec["class"])
    if "from_genrand" in spec:
        return cls.from_genrand(spec["from_genrand"], backend=backend)
    if "from_array" in spec:
        return cls.from_array(spec["from_array"], backend=backend)
    kwargs = {"backend": backend}
    for name in ("key", "counter"):
        if name in spec:
            kwargs[name] = as_int_or_list(spec[name])
    if "digits" in spec:
        kwargs["digits"] = spec["digits"]
    if "seed" not in spec:
        return cls(**kwargs)
    seed = spec["seed"] if spec["class"] == "ARC4" else seed_arg(spec["seed"])  # ARC4: seedrandom's string
    return cls(seed, **kwargs)


# ---- the interpreter ------------------------------------------------------------------------

def run_op(gen, op, where):
    """Apply one op to gen, check it, return the generator to use next (jumped replaces it)."""
    kind, n = op["op"], op.get("n")
    if kind == "state":
        got = json.loads(prng.state_to_json(gen.state))
        assert got == op["expect"], f"{where}: state differs"
    elif kind == "set_state":
        gen.state = prng.state_from_json(json.dumps(op["state"]))
    elif kind == "random_raw":
        got = gen.random_raw(n)
        assert isinstance(got, np.ndarray) and got.dtype == np.uint64 and got.shape == (n,), where
        assert_seq([str(int(v)) for v in got], op["expect"], where)
    elif kind == "skip":
        gen.random_raw(n)
    elif kind == "next_uint32":
        assert_seq([gen.next_uint32() for _ in range(n)], op["expect"], where)
    elif kind == "next_uint64":
        assert_seq([str(gen.next_uint64()) for _ in range(n)], op["expect"], where)
    elif kind == "next_double":
        assert_seq([fhex(gen.next_double()) for _ in range(n)], op["expect"], where)
    elif kind == "advance":
        gen.advance(int(op["delta"]))
    elif kind == "jumped":
        gen = gen.jumped(op["jumps"])
    elif kind == "period":
        got = tuple(gen.period())
        expect = (op["expect"]["tail"], op["expect"]["cycle"])
        assert got == expect, f"{where}: (tail, cycle) = {got}, expected {expect}"
    else:
        raise AssertionError(f"{where}: unknown op {kind!r}")
    return gen


def test_bitgen(bitgen_case, backend):
    gen = make(bitgen_case["make"], backend)
    assert gen.backend == backend
    for i, op in enumerate(bitgen_case["ops"]):
        gen = run_op(gen, op, f"op {i} ({op['op']})")


# ---- SeedSequence -----------------------------------------------------------------------------

def check_spawn(ss, spawn, what):
    kids = ss.spawn(spawn["n"])
    assert ss.n_children_spawned == spawn["n_children_spawned"], what
    assert len(kids) == len(spawn["children"]), what
    for k, (kid, expect) in enumerate(zip(kids, spawn["children"])):
        assert tuple(kid.spawn_key) == tuple(int(x) for x in expect["spawn_key"]), f"{what} child {k}"
        assert_seq(plain(kid.pool), expect["pool"], f"{what} child {k} pool")
        assert_seq(plain(kid.generate_state(len(expect["generate_state_uint32"]))),
                   expect["generate_state_uint32"], f"{what} child {k} generate_state")


def test_seedsequence(seedsequence_case):
    c = seedsequence_case
    entropy, spawn_key = as_int_or_list(c["entropy"]), tuple(int(k) for k in c["spawn_key"])
    ss = prng.SeedSequence(entropy, spawn_key=spawn_key, pool_size=c["pool_size"])
    assert plain(ss.entropy) == entropy
    assert tuple(ss.spawn_key) == spawn_key and ss.pool_size == c["pool_size"] and ss.n_children_spawned == 0
    assert_seq(plain(ss.pool), c["pool"], "pool")
    for g in c["generate_state"]:
        dtype = {"uint32": np.uint32, "uint64": np.uint64}[g["dtype"]]
        got = ss.generate_state(g["n"], dtype)
        assert isinstance(got, np.ndarray) and got.dtype == dtype
        got = [int(v) if dtype is np.uint32 else str(int(v)) for v in got]
        assert_seq(got, g["expect"], f"generate_state({g['n']}, {g['dtype']})")
    check_spawn(ss, c["spawn"], "spawn")
    check_spawn(ss, c["spawn_again"], "spawn_again")


# ---- seedrandom ---------------------------------------------------------------------------------

def test_seedrandom(seedrandom_case):
    from prng.compat.seedrandom import seedrandom

    c = seedrandom_case
    rng = seedrandom("", state=c["resume_from"]) if "resume_from" in c else seedrandom(c["seed"], state=True)
    got = []
    for method, _ in c["calls"]:
        v = rng() if method == "()" else getattr(rng, method)()
        got.append([method, v if method == "int32" else fhex(v)])
    assert_seq(got, c["calls"], "calls")
    assert plain(rng.state()) == c["state"]
