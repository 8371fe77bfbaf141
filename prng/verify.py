"""Replay the shared test vectors (``vectors/*.json``, schema in vectors/README.md) on every backend.

Importable engine behind ``prng verify`` and the vector tests:

- ``load_vectors(directory)``: the vector files, ``{file name: parsed JSON}``;
- ``replay_case(case, backend)``: the mismatch messages of one case (empty list: it passed);
- ``verify(directory, backends, js=True)``: a ``Table`` of family x backend (plus a JavaScript column).

Bit-generator and Generator cases run on each backend; SeedSequence, seedrandom, RandomState,
random.Random and torch CPU and CUDA cases have no backend and run once (in the ``python`` column; the others
show ``n/a``). Case kinds without a replayer here are shown as "not checked", not as failures.
"""

import hashlib
import importlib.util
import json
import math
import os
import platform
import re
import shutil
import subprocess
import warnings
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from ._files import read_file

PACKAGE_DIR = Path(__file__).resolve().parent
DEFAULT_VECTOR_DIRS = (PACKAGE_DIR / "vectors", PACKAGE_DIR.parent / "vectors")
JS_DIR = PACKAGE_DIR.parent / "js"
JS_TEST = Path("test") / "vectors.test.js"
JS_TIMEOUT = 300
BACKENDLESS_KINDS = ("seedsequence", "seedrandom", "seedrandom_lib", "seedrandom_session", "python_random", "torch_cpu", "torch_cuda", "jax")


# --- loading -----------------------------------------------------------------------------------

def default_vectors_dir():
    """The vectors shipped with the package, else the repository's ``vectors/`` beside it."""
    for candidate in DEFAULT_VECTOR_DIRS:
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("no vectors directory found (looked in "
                            + ", ".join(map(str, DEFAULT_VECTOR_DIRS)) + "); pass one with --vectors DIR")


def load_vectors(directory=None):
    """``{file name: parsed file}`` for every vector file (a ``*.json`` with ``cases``) in ``directory``
    (default: ``default_vectors_dir()``)."""
    directory = default_vectors_dir() if directory is None else Path(directory)
    if not directory.is_dir():
        raise FileNotFoundError(f"vectors directory {directory} does not exist")
    parsed = {p.name: json.loads(read_file(p, what="vector file")) for p in sorted(directory.glob("*.json"))}
    vectors = {name: doc for name, doc in parsed.items() if isinstance(doc, dict) and "cases" in doc}
    if not vectors:
        raise FileNotFoundError(f"no vector files (*.json with \"cases\") in {directory}")
    return vectors


# --- replaying one case ------------------------------------------------------------------------

def replay_case(case, backend="python", *, bulk=False):
    """Replay one vector case on ``backend``; return the mismatch messages (empty: every value agreed).

    ``bulk`` draws a bit-generator case's runs of ``next_uint32``/``next_double`` with ``fill_uint32``/
    ``fill_double``. An exception raised by prng (a missing method, a rejected argument) is reported as
    a mismatch.
    """
    kind = case.get("kind")
    replayer = REPLAYERS.get(kind)
    if replayer is None:
        return [f"unknown case kind {kind!r}"]
    try:
        return replayer(case, backend, bulk) if kind == "bitgen" else replayer(case, backend)
    except Exception as exc:  # noqa: BLE001  (any failure of the code under test is a finding)
        return [f"raised {type(exc).__name__}: {exc}"]


def _ints(value):
    """A decimal string (or number) as an int; a list of them as a list of ints."""
    return [int(v) for v in value] if isinstance(value, list) else int(value)


def _seed_argument(seed, class_name):
    """The seed argument a ``make`` spec stands for (ARC4 takes seedrandom's string as is)."""
    import prng

    if class_name == "ARC4":
        return seed
    if isinstance(seed, dict):
        return prng.SeedSequence(_ints(seed["entropy"]), spawn_key=_ints(seed["spawn_key"]),
                                 pool_size=seed["pool_size"])
    return _ints(seed)


def make_bitgen(spec, backend):
    """The bit generator a case's ``make`` spec describes, on ``backend``."""
    import prng

    cls = getattr(prng, spec["class"])
    if "from_genrand" in spec:
        return cls.from_genrand(spec["from_genrand"], backend=backend)
    if "from_array" in spec:
        return cls.from_array(_ints(spec["from_array"]), backend=backend)
    kwargs = {name: _ints(spec[name]) for name in ("key", "counter") if name in spec}
    if "digits" in spec:
        kwargs["digits"] = spec["digits"]
    args = (_seed_argument(spec["seed"], spec["class"]),) if "seed" in spec else ()
    return cls(*args, backend=backend, **kwargs)


def _first_difference(what, got, expect):
    """[] when the sequences are equal, else one message naming the first differing index."""
    got, expect = list(got), list(expect)
    for i, (g, e) in enumerate(zip(got, expect)):
        if g != e:
            return [f"{what}: index {i} of {len(expect)}: got {g!r}, expected {e!r}"]
    if len(got) != len(expect):
        return [f"{what}: got {len(got)} values, expected {len(expect)}"]
    return []


def _hex(value):
    """A double as its exact ``float.hex()`` text."""
    return float(value).hex()


def _double_text(value):
    """A double, or its float.hex() text, as canonical float.hex() text."""
    return _hex(float.fromhex(value) if isinstance(value, str) else value)


def _draws(gen, op, draw, encode):
    """Check ``op['n']`` draws of ``draw(gen)`` against ``op['expect']``, both sides run through ``encode``."""
    got = [encode(draw(gen)) for _ in range(op["n"])]
    return _first_difference(op["op"], got, [encode(e) for e in op["expect"]])


def _op_state(gen, op):
    import prng

    return _state_difference("state", json.loads(prng.state_to_json(gen.state)), op["expect"])


def _state_difference(path, got, expect):
    """[] when two JSON values are equal, else one message naming the first differing field."""
    if isinstance(got, dict) and isinstance(expect, dict) and got.keys() == expect.keys():
        for key in expect:
            messages = _state_difference(f"{path}[{key!r}]", got[key], expect[key])
            if messages:
                return messages
        return []
    return [] if got == expect else [f"{path}: got {got!r}, expected {expect!r}"]


def _op_set_state(gen, op):
    import prng

    gen.state = prng.state_from_json(json.dumps(op["state"]))
    return []


def _op_random_raw(gen, op):
    got = gen.random_raw(op["n"])
    if not (isinstance(got, np.ndarray) and got.dtype == np.uint64 and got.shape == (op["n"],)):
        return [f"random_raw({op['n']}) returned {type(got).__name__} {getattr(got, 'dtype', '')}, not uint64[{op['n']}]"]
    return _first_difference("random_raw", [int(v) for v in got], [int(e) for e in op["expect"]])


def _op_skip(gen, op):
    gen.random_raw(op["n"], output=False)
    return []


def _op_advance(gen, op):
    if op.get("counter"):  # randomgen's advance(delta, counter=True) (Threefry): delta blocks
        gen.advance(int(op["delta"]), counter=True)
    else:
        gen.advance(int(op["delta"]))
    return []


def _op_period(gen, op):
    tail, cycle = gen.period()
    expect = op["expect"]
    return [] if (tail, cycle) == (expect["tail"], expect["cycle"]) else [
        f"period: got (tail {tail}, cycle {cycle}), expected (tail {expect['tail']}, cycle {expect['cycle']})"]


# op name -> check(gen, op) -> messages; "jumped" replaces the generator and is handled in _replay_bitgen
BITGEN_OPS = {
    "state": _op_state,
    "set_state": _op_set_state,
    "random_raw": _op_random_raw,
    "skip": _op_skip,
    "next_uint32": lambda gen, op: _draws(gen, op, type(gen).next_uint32, int),
    "next_uint64": lambda gen, op: _draws(gen, op, type(gen).next_uint64, int),
    "next_double": lambda gen, op: _draws(gen, op, type(gen).next_double, _double_text),
    "advance": _op_advance,
    "period": _op_period,
}


def _op_fill_uint32(gen, op):
    got = gen.fill_uint32(np.empty(op["n"], dtype=np.uint32)).tolist()
    return _first_difference("fill_uint32", got, [int(e) for e in op["expect"]])


def _op_fill_double(gen, op):
    got = [_hex(v) for v in gen.fill_double(np.empty(op["n"])).tolist()]
    return _first_difference("fill_double", got, [_double_text(e) for e in op["expect"]])


# in bulk mode, runs of next_uint32 / next_double are drawn with one fill_uint32 / fill_double call
BULK_OPS = {**BITGEN_OPS, "next_uint32": _op_fill_uint32, "next_double": _op_fill_double}


def _replay_bitgen(case, backend, bulk=False):
    """Build the generator, run the ops in order; messages carry the op index."""
    gen = make_bitgen(case["make"], backend)
    if gen.backend != backend:
        return [f"asked for backend {backend!r}, got {gen.backend!r}"]
    ops = BULK_OPS if bulk else BITGEN_OPS
    for index, op in enumerate(case["ops"]):
        if op["op"] == "jumped":
            gen = gen.jumped(op["jumps"])
        elif op["op"] in ops:
            messages = ops[op["op"]](gen, op)
            if messages:
                return [f"op {index}: {m}" for m in messages]
        else:
            return [f"op {index}: unknown op {op['op']!r}"]
    return []


def _replay_seedsequence(case, backend):
    """Pool, generate_state and two rounds of spawn of one SeedSequence."""
    import prng

    entropy, spawn_key = _ints(case["entropy"]), _ints(case["spawn_key"])
    seq = prng.SeedSequence(entropy, spawn_key=spawn_key, pool_size=case["pool_size"])
    messages = _attribute_differences(seq, {"entropy": entropy, "spawn_key": spawn_key,
                                            "pool_size": case["pool_size"], "n_children_spawned": 0})
    messages += _first_difference("pool", [int(v) for v in seq.pool], case["pool"])
    for request in case["generate_state"]:
        what = f"generate_state({request['n']}, {request['dtype']})"
        words = seq.generate_state(request["n"], np.dtype(request["dtype"]))
        if not (isinstance(words, np.ndarray) and words.dtype == np.dtype(request["dtype"])):
            messages.append(f"{what} returned {type(words).__name__} {getattr(words, 'dtype', '')}")
        messages += _first_difference(what, [int(v) for v in words], _ints(request["expect"]))
    for name in ("spawn", "spawn_again"):
        messages += _check_spawn(seq, case[name], name)
    return messages


def _attribute_differences(seq, expect):
    """Messages for the SeedSequence attributes (ints, or int sequences) that differ from ``expect``."""
    messages = []
    for name, want in expect.items():
        value = getattr(seq, name)
        got = [int(v) for v in value] if isinstance(want, list) else int(value)
        if got != want:
            messages.append(f"{name}: got {got!r}, expected {want!r}")
    return messages


def _check_spawn(seq, expect, what):
    """Messages for ``seq.spawn(n)`` against a ``spawn`` record."""
    children = seq.spawn(expect["n"])
    messages = [] if seq.n_children_spawned == expect["n_children_spawned"] else [
        f"{what}: n_children_spawned {seq.n_children_spawned}, expected {expect['n_children_spawned']}"]
    for k, (child, want) in enumerate(zip(children, expect["children"], strict=True)):
        where = f"{what} child {k}"
        messages += _first_difference(f"{where} spawn_key", [int(v) for v in child.spawn_key], _ints(want["spawn_key"]))
        messages += _first_difference(f"{where} pool", [int(v) for v in child.pool], want["pool"])
        words = child.generate_state(len(want["generate_state_uint32"]))
        messages += _first_difference(f"{where} generate_state", [int(v) for v in words], want["generate_state_uint32"])
    return messages


def _seedrandom_calls(rng, calls, what="calls"):
    """seedrandom-style calls (``()``, ``int32``, ``quick``, ``double``; doubles compared as float.hex)."""
    got = []
    for method, _ in calls:
        value = rng() if method == "()" else getattr(rng, method)()
        got.append([method, value if method == "int32" else _hex(value)])
    return _first_difference(what, got, calls)


def _seedrandom_state(rng, expect, what="state()"):
    return [] if rng.state() == expect else [f"{what} differs after the calls"]


def _replay_seedrandom(case, backend):
    """seedrandom calls and the final ``state()``."""
    from .compat.seedrandom import seedrandom

    rng = seedrandom("", state=case["resume_from"]) if "resume_from" in case else seedrandom(case["seed"], state=True)
    return _seedrandom_calls(rng, case["calls"]) + _seedrandom_state(rng, case["state"])


SEEDRANDOM_JS_SEEDS = {"undefined": None, "Infinity": math.inf, "-Infinity": -math.inf, "NaN": math.nan}


def _seedrandom_seed(spec):
    """A seed JSON holds (``seed``), or one it cannot (``seed_js``: undefined, the infinities, NaN)."""
    return SEEDRANDOM_JS_SEEDS[spec["seed_js"]] if "seed_js" in spec else spec["seed"]


def _replay_seedrandom_lib(case, backend):
    """One of seedrandom's lib/ generators (``algorithm``): calls, then ``state()``."""
    from .compat import seedrandom

    rng = getattr(seedrandom, case["algorithm"])(_seedrandom_seed(case), state=case.get("resume_from", True))
    return _seedrandom_calls(rng, case["calls"]) + _seedrandom_state(rng, case["state"])


def _replay_seedrandom_session(case, backend):
    """Calls of one freshly loaded seedrandom (``Math.random()`` was ``math_random`` at load), in order:
    each step's generator, the shortseed given to ``pass``, and ``state()``."""
    from .compat.seedrandom import load_seedrandom

    seedrandom = load_seedrandom(float.fromhex(case["math_random"]))
    messages = []
    for index, step in enumerate(case["steps"]):
        options = True if step.get("options") is True else dict(step.get("options", {}))
        if step.get("pass"):
            options["pass"] = lambda prng, shortseed, *rest: (prng, shortseed)
        rng = seedrandom(_seedrandom_seed(step), options)
        if step.get("pass"):
            rng, shortseed = rng
            if shortseed != step["shortseed"]:
                messages.append(f"step {index}: the shortseed given to pass differs")
        messages += _seedrandom_calls(rng, step["calls"], f"step {index} calls")
        if "state" in step:
            messages += _seedrandom_state(rng, step["state"], f"step {index} state()")
    return messages


# --- method-call cases: generator, randomstate, python_random ----------------------------------

def _decode_argument(value):
    """A call argument: float.hex strings are floats, other strings decimal ints, ``{"range": [a, b]}``
    is ``range(a, b)``, ``{"str": s}``, ``{"bytes": hex}`` and ``{"float": "inf"}`` those values,
    lists element by element; ``{"empty": {"shape", "dtype"}}`` is a fresh ``np.empty`` (an ``out=``)."""
    if isinstance(value, str):
        return float.fromhex(value) if "p" in value else int(value)
    if isinstance(value, list):
        return [_decode_argument(v) for v in value]
    if isinstance(value, dict):
        (kind, inner), = value.items()
        decode = {"range": lambda v: range(*_decode_argument(v)), "str": str, "bytes": bytes.fromhex, "float": float,
                  "empty": lambda v: np.empty(v["shape"], v["dtype"])}
        return decode[kind](inner)
    return value


def _encode_value(value):
    """A result value in the vectors' encoding (32-bit ints as numbers, wider as decimal strings,
    floats as float.hex, lists element by element)."""
    if isinstance(value, list):
        return [_encode_value(v) for v in value]
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    if isinstance(value, (int, np.integer)):
        value = int(value)
        return value if -2**31 <= value < 2**32 else str(value)
    return float(value).hex()


def _encode_numpy_result(result):
    """A numpy-style result as recorded: ``shape`` (None for a scalar), ``dtype``, flat ``expect``."""
    if isinstance(result, bytes):
        return {"expect": result.hex()}
    array = np.asarray(result)
    return {"shape": list(array.shape) if isinstance(result, np.ndarray) else None, "dtype": array.dtype.name,
            "expect": [_encode_value(v) for v in array.ravel().tolist()]}


def _call_arguments(call):
    """``(args, kwargs)`` of a recorded call (``kwargs.dtype`` is a numpy dtype name)."""
    kwargs = {k: (np.dtype(v) if k == "dtype" else _decode_argument(v)) for k, v in call["kwargs"].items()}
    return _decode_argument(call["args"]), kwargs


def _numpy_calls(target, calls):
    """Messages for numpy-style calls (Generator, RandomState); ``shuffle`` shuffles a copy of args[0]."""
    for index, call in enumerate(calls):
        args, kwargs = _call_arguments(call)
        if call["method"] == "shuffle":
            shuffled = list(args[0])
            target.shuffle(shuffled)
            got = {"shape": [len(shuffled)], "dtype": "int64", "expect": _encode_value(shuffled)}
        else:
            with warnings.catch_warnings():  # numpy's own DeprecationWarning (random_integers), also recorded
                warnings.simplefilter("ignore", DeprecationWarning)
                got = _encode_numpy_result(getattr(target, call["method"])(*args, **kwargs))
        expect = {key: call.get(key) for key in got}
        if got != expect:
            return [f"call {index} {call['method']}{tuple(args)}: got {got}, expected {expect}"]
    return []


def _replay_generator(case, backend):
    """numpy.random.Generator calls on prng.Generator over the case's bit generator, then its state."""
    import prng
    from .generator import Generator

    bitgen = make_bitgen(case["make"], backend)
    messages = _numpy_calls(Generator(bitgen), case["calls"])
    return messages or _state_difference("state", json.loads(prng.state_to_json(bitgen.state)), case["state"])


def _replay_randomstate(case, backend):
    """numpy.random.RandomState calls on prng.compat.numpy.RandomState over an MT19937 on ``backend``
    (legacy-seeded as the case says), then its legacy state."""
    import prng
    from .compat.numpy import RandomState, legacy_seeded

    bitgen = prng.MT19937(0, backend=backend)
    bitgen.state = legacy_seeded(_decode_argument(case["make"]["seed"])).state
    legacy = RandomState(bitgen)
    messages = _numpy_calls(legacy, case["calls"])
    _, key, pos, has_gauss, gauss = legacy.get_state()
    state = {"key": _encode_value(list(key)), "pos": int(pos), "has_gauss": int(has_gauss), "gauss": float(gauss).hex()}
    return messages or _state_difference("state", state, case["state"])


def _python_seed(spec):
    """The seed of a python_random case: ``{"int": "-5"}``, ``{"str": ...}``, ``{"bytes": "<hex>"}``,
    ``{"float": "<float.hex>"}`` or ``{"bool": true}``."""
    (kind, value), = spec.items()
    return {"int": int, "str": str, "bytes": bytes.fromhex, "float": float.fromhex, "bool": bool}[kind](value)


def _python_state(state):
    """getstate() in the vectors' form ``{"version", "key", "pos", "gauss_next"}`` (and back: ``_python_tuple``)."""
    version, internal, gauss_next = state
    return {"version": version, "key": list(internal[:-1]), "pos": internal[-1],
            "gauss_next": None if gauss_next is None else gauss_next.hex()}


def _python_tuple(state):
    gauss_next = state["gauss_next"]
    return (state["version"], tuple(state["key"]) + (state["pos"],),
            None if gauss_next is None else float.fromhex(gauss_next))


def _python_result(value):
    """A random.Random result in the vectors' encoding (str, bytes and non-finite floats as objects)."""
    if isinstance(value, list):
        return [_python_result(v) for v in value]
    if isinstance(value, str):
        return {"str": value}
    if isinstance(value, bytes):
        return {"bytes": value.hex()}
    if isinstance(value, float) and not math.isfinite(value):
        return {"float": repr(value)}
    return _encode_value(value)


def _python_random(make):
    """The prng.compat.python.Random of a case's ``make``: seeded (``version`` 2 unless given) or setstate()."""
    from .compat.python import Random

    if "state" in make:
        rng = Random(0)
        rng.setstate(_python_tuple(make["state"]))
        return rng
    rng = Random()
    rng.seed(_python_seed(make["seed"]), version=make.get("version", 2))
    return rng


def _replay_python_random(case, backend):
    """random.Random calls (each repeated once per expected value) on prng.compat.python.Random."""
    rng = _python_random(case["make"])
    for index, call in enumerate(case["calls"]):
        args, kwargs = _decode_argument(call["args"]), {k: _decode_argument(v) for k, v in call["kwargs"].items()}
        if call["method"] == "shuffle":
            shuffled = list(args[0])
            rng.shuffle(shuffled)
            got = [_python_result(shuffled)]
        elif call["method"] == "getstate":
            got = [_python_state(rng.getstate())]
        else:
            got = [_python_result(getattr(rng, call["method"])(*args, **kwargs)) for _ in call["expect"]]
        messages = _first_difference(f"call {index} {call['method']}", got, call["expect"])
        if messages:
            return messages
    return _state_difference("state", _python_state(rng.getstate()), case["state"])


# --- torch CPU cases ---------------------------------------------------------------------------

TORCH_LIBM_OPS = ("randn", "normal", "exponential_", "init")  # values from glibc's libm
TORCH_STRUCTURED_OPS = ("linear", "conv2d", "random_sampler", "epoch_plan")  # checked by _torch_structured


def _torch_array(entry):
    """The array of a vectors ARRAY entry (None when only its sha256 is recorded); "bfloat16" entries
    (raw 16-bit patterns) as ml_dtypes.bfloat16."""
    if "hex" not in entry:
        return None
    from .compat import _torch_dtypes

    data = bytes.fromhex(entry["hex"])
    if entry["dtype"] == "bfloat16":
        values = np.frombuffer(data, dtype="<u2").view(_torch_dtypes.numpy_dtype("bfloat16"))
    else:
        values = np.frombuffer(data, dtype=np.dtype(entry["dtype"]).newbyteorder("<"))
    return values.reshape(entry["shape"])


def _array_difference(got, entry):
    """[] when ``got`` has the entry's dtype, shape and exact bits (or bytes' sha256), else a message."""
    got = np.asarray(got)
    if got.dtype.name != entry["dtype"] or list(got.shape) != entry["shape"]:
        return [f"got {got.dtype.name}{list(got.shape)}, expected {entry['dtype']}{entry['shape']}"]
    bits = f"<u{got.itemsize}"
    data = got.astype(got.dtype.newbyteorder("<")).view(bits).tobytes()
    if "sha256" in entry:
        return [] if hashlib.sha256(data).hexdigest() == entry["sha256"] else ["sha256 of the values differs"]
    expect = np.frombuffer(bytes.fromhex(entry["hex"]), dtype=bits)
    differ = np.flatnonzero(np.frombuffer(data, dtype=bits) != expect)
    return [] if differ.size == 0 else [
        f"{differ.size} of {got.size} values differ, first at {differ[0]}: got {got.ravel()[differ[0]]!r}, "
        f"expected bits {int(expect[differ[0]]):#x}"]


def _torch_draw(torch_compat, gen, op, kernel):
    """The result of one drawing op of a torch_cpu case."""
    from .compat import _torch_dtypes

    size, dtype, number = op.get("size"), op.get("dtype"), float.fromhex

    def empty():
        return np.empty(size, _torch_dtypes.numpy_dtype(dtype))

    draws = {
        "rand": lambda: torch_compat.rand(*size, generator=gen, dtype=dtype),
        "randn": lambda: torch_compat.randn(*size, generator=gen, dtype=dtype, kernel=kernel),
        "normal": lambda: torch_compat.normal(number(op["mean"]), number(op["std"]), size, generator=gen,
                                              dtype=dtype, kernel=kernel),
        "uniform_": lambda: torch_compat.uniform_(empty(), number(op["a"]), number(op["b"]), generator=gen,
                                                  kernel=kernel),
        "randint": lambda: torch_compat.randint(int(op["low"]), int(op["high"]), size, generator=gen, dtype=dtype),
        "randperm": lambda: torch_compat.randperm(op["n"], generator=gen),
        "bernoulli_": lambda: torch_compat.bernoulli_(empty(), number(op["p"]), generator=gen),
        "bernoulli": lambda: torch_compat.bernoulli(_torch_array(op["p"]), generator=gen),
        "exponential_": lambda: torch_compat.exponential_(empty(), number(op["lambd"]), generator=gen),
        "dropout_mask": lambda: torch_compat.dropout_mask(size, number(op["p"]), generator=gen, dtype=dtype),
        "init": lambda: _torch_init(torch_compat, gen, op, kernel),
    }
    if op["op"] not in draws:
        raise ValueError(f"unknown op {op['op']!r}")
    return draws[op["op"]]()


def _torch_init(torch_compat, gen, op, kernel):
    """``nn.init.<fn>`` of an init op on a fresh array (float arguments are float.hex strings)."""
    from .compat import _torch_dtypes

    kwargs = {k: float.fromhex(v) if "p" in v else v for k, v in op["kwargs"].items()}  # "p": a float.hex
    array = np.empty(op["shape"], _torch_dtypes.numpy_dtype(op["dtype"]))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")             # trunc_normal_'s "mean is more than 2 std from [a, b]"
        return getattr(torch_compat.nn.init, op["fn"])(array, **kwargs, generator=gen, kernel=kernel)


def _torch_structured(torch_compat, gen, op, kernel):
    """Messages for layer, sampler and DataLoader ops."""
    if op["op"] in ("linear", "conv2d"):
        make = getattr(torch_compat.nn, f"{op['op']}_parameters")
        weight, bias = make(*op["args"], generator=gen, dtype=op["dtype"], kernel=kernel, **op["kwargs"])
        expect = op["expect"]
        messages = [f"weight: {m}" for m in _array_difference(weight, expect["weight"])]
        if (bias is None) != (expect["bias"] is None):
            return messages + [f"bias: got {bias!r}, expected {expect['bias']!r}"]
        return messages + ([] if bias is None else [f"bias: {m}" for m in _array_difference(bias, expect["bias"])])
    if op["op"] == "random_sampler":
        order = list(torch_compat.data.RandomSampler(op["n"], op["replacement"], op["num_samples"], generator=gen))
        return _first_difference("order", order, op["expect"])
    return _epoch_difference(torch_compat, gen, op)


def _epoch_difference(torch_compat, gen, op):
    """An epoch_plan op against the DataLoader epoch torch ran (``loader_generator`` false: the loader had
    no generator, so ``gen`` stands in for torch's default generator)."""
    from .compat import numpy as numpy_compat
    from .compat import python as python_compat

    args = dict(batch_size=op["batch_size"], shuffle=op["shuffle"], num_workers=op["num_workers"],
                drop_last=op["drop_last"])
    if op["loader_generator"]:
        plan = torch_compat.data.epoch_plan(op["n"], generator=gen, **args)
    else:
        default, torch_compat.default_generator = torch_compat.default_generator, gen
        try:
            plan = torch_compat.data.epoch_plan(op["n"], generator=None, **args)
        finally:
            torch_compat.default_generator = default
    expect = op["expect"]
    workers = [plan.worker_of(b) if plan.num_workers else -1 for b in range(len(plan.batches))]
    messages = ([] if str(plan.base_seed) == expect["base_seed"] else [f"base seed {plan.base_seed}"]) + \
        _first_difference("batches", plan.batches, expect["batches"]) + \
        _first_difference("workers", workers, expect["workers"])
    for worker, seen in expect["worker_seeds"].items():
        worker = int(worker)
        numpy_key = numpy_compat.RandomState(plan.numpy_seed(worker)).get_state()[1]
        python_key = python_compat.Random(plan.python_seed(worker)).getstate()[1][:624]
        got = {"torch_initial_seed": str(plan.worker_seed(worker)), "info_seed": str(plan.python_seed(worker)),
               "numpy_seed": plan.numpy_seed(worker),
               "numpy_state_sha256": hashlib.sha256(np.asarray(numpy_key, "<u4").tobytes()).hexdigest(),
               "python_state_sha256": hashlib.sha256(np.asarray(python_key, "<u4").tobytes()).hexdigest()}
        messages += [f"worker {worker} {key}: got {got[key]}, expected {seen[key]}" for key in seen
                     if got[key] != seen[key]]
    return messages


def _torch_check(gen, op):
    """Messages for the non-drawing torch_cpu ops (None when ``op`` draws)."""
    if op["op"] == "manual_seed":
        return [] if gen.manual_seed(int(op["seed"])) is gen else ["manual_seed did not return the generator"]
    got = {"initial_seed": lambda: str(gen.initial_seed()), "get_state": lambda: gen.get_state().hex(),
           "state_sha256": lambda: hashlib.sha256(gen.get_state()).hexdigest()}.get(op["op"])
    if got is None:
        return None
    value = got()
    return [] if value == str(op["expect"]) else [f"{op['op']}: got {value[:80]}, expected {str(op['expect'])[:80]}"]


def _replay_torch_cpu(case, backend):
    """prng.compat.torch.Generator ops against torch's recorded values (``kernel`` as recorded)."""
    from .compat import torch as torch_compat

    kernel = "avx2" if case["kernel"] == "any" else case["kernel"]
    gen = torch_compat.Generator()
    if "seed" in case["make"]:
        gen.manual_seed(int(case["make"]["seed"]))
    else:
        gen.set_state(bytes.fromhex(case["make"]["state"]))
    for index, op in enumerate(case["ops"]):
        messages = _torch_check(gen, op)
        if messages is None and op["op"] in TORCH_STRUCTURED_OPS:
            messages = _torch_structured(torch_compat, gen, op, kernel)
        elif messages is None:
            messages = _array_difference(_torch_draw(torch_compat, gen, op, kernel), op["expect"])
        if messages:
            return [f"op {index} ({op['op']}): {m}" for m in messages]
    return []


# --- torch CUDA cases (recorded on a GPU by vectors/make_torch_cuda.py) ----------------------------

CUDA_EXACT_OPS = ("rand", "uniform_", "randint", "randperm", "bernoulli_", "bernoulli", "dropout_mask")
# normals and exponential_ call the GPU's logf/__sincosf/log/sincospi: replayed within this many units of
# ulp(max(|expected|, 1)) of the recorded dtype (largest seen in the H200 file: float32 14, float64 2;
# 16-bit values are the float32 ones rounded, so at most one unit apart; tests/test_torch_cuda.py
# also measures plain ulps and bit-identical counts)
CUDA_CLOSE_UNITS = {"float32": 16, "float64": 4, "float16": 1, "bfloat16": 1}
_MANTISSA_BITS = {"float16": 10, "bfloat16": 7, "float32": 23, "float64": 52}


def file_cases(doc):
    """The cases of one parsed vector file; torch_cuda cases carry the file's ``versions`` (the GPU's
    SM count and threads per SM decide their values) as ``"gpu"``."""
    return [dict(case, gpu=doc["versions"]) if case.get("kind") == "torch_cuda" else case for case in doc["cases"]]


def cuda_recorded(case):
    """Replay a torch_cuda case on a ``CUDAGenerator`` with its GPU's geometry: yields
    ``(op, got, state)`` per recorded op (``got`` None for ``set_offset``), ``state`` the generator's
    state bytes after it."""
    from .compat import _torch_cuda
    from .compat import torch as torch_compat

    gpu = case["gpu"]
    gen = _torch_cuda.CUDAGenerator(gpu["sm_count"], gpu["threads_per_sm"]).manual_seed(int(case["seed"]))
    for op in case["ops"]:
        if op["op"] == "set_offset":
            gen.set_offset(int(op["offset"]))
            got = None
        else:
            got = _torch_draw(torch_compat, gen, op, "avx2")
        yield op, got, gen.get_state()


def cuda_pairs(got, entry):
    """(ours, theirs) at the recorded elements of an ARRAY entry (all of them, or its ``samples``)."""
    recorded = entry if "hex" in entry else entry["samples"]
    theirs = _torch_array({"dtype": entry["dtype"], "shape": [-1], "hex": recorded["hex"]})
    flat = np.asarray(got).reshape(-1)
    return flat[recorded["index"]] if "index" in recorded else flat, theirs


def cuda_units(ours, theirs, dtype):
    """|ours - theirs| in units of ulp(max(|theirs|, 1)) of ``dtype``, as float64."""
    ours, theirs = (np.asarray(x).astype(np.float64) for x in (ours, theirs))
    scale = np.floor(np.log2(np.maximum(np.abs(theirs), 1.0)))
    return np.abs(ours - theirs) / 2.0 ** (scale - _MANTISSA_BITS[dtype])


def _cuda_difference(op, got):
    """Messages for one replayed CUDA op: bitwise for the exact kinds (values or their sha256 and
    samples), within CUDA_CLOSE_UNITS for normals and exponential_."""
    entry = op["expect"]
    got = np.asarray(got)
    if got.dtype.name != entry["dtype"] or list(got.shape) != entry["shape"]:
        return [f"got {got.dtype.name}{list(got.shape)}, expected {entry['dtype']}{entry['shape']}"]
    if op["op"] in CUDA_EXACT_OPS:
        if "sha256" in entry:
            whole = _array_difference(got, {k: v for k, v in entry.items() if k != "samples"})
            if whole:
                return whole
        ours, theirs = cuda_pairs(got, entry)
        differ = np.flatnonzero(ours.view(f"u{ours.itemsize}") != theirs.view(f"u{theirs.itemsize}"))
        return [] if differ.size == 0 else [f"{differ.size} of {ours.size} recorded values differ"]
    ours, theirs = cuda_pairs(got, entry)
    units, bound = cuda_units(ours, theirs, entry["dtype"]), CUDA_CLOSE_UNITS[entry["dtype"]]
    worst = float(units.max(initial=0.0))
    return [] if worst <= bound else [f"{np.count_nonzero(units > bound)} values further than {bound} units "
                                      f"from the GPU's (worst {worst:.1f})"]


def _replay_torch_cuda(case, backend):
    """A torch_cuda case: values (see _cuda_difference) and the seed/offset state after every op."""
    for index, (op, got, state) in enumerate(cuda_recorded(case)):
        messages = [] if got is None else _cuda_difference(op, got)
        if "state_after" in op and state.hex() != op["state_after"]:
            messages.append(f"state after: got {state.hex()}, expected {op['state_after']}")
        if messages:
            return [f"op {index} ({op['op']}): {m}" for m in messages]
    return []


# --- jax cases ----------------------------------------------------------------------------------

JAX_LIBM_FNS = ("normal", "exponential", "gumbel", "truncated_normal")  # float64: glibc's log / erf
JAX_TEXT_ARGUMENTS = ("dtype", "mode")


def _jax_argument(name, value):
    """A jax case argument: ``dtype``/``mode`` are names; other strings are float.hex floats (with a
    "p") or decimal ints; ARRAY entries arrays; shapes (lists), numbers, booleans and null as they are."""
    if isinstance(value, dict):
        return _torch_array(value)
    if isinstance(value, str) and name not in JAX_TEXT_ARGUMENTS:
        return float.fromhex(value) if "p" in value else int(value)
    return value


def _replay_jax(case, backend):
    """One prng.compat.jax call on the case's raw key, under its partitionable setting."""
    from .compat import jax as jax_compat

    args = {name: _jax_argument(name, value) for name, value in case["args"].items()}
    function = getattr(jax_compat, case["fn"])
    if case["fn"] == "PRNGKey":
        result = function(args["seed"], x64=args["x64"])
    else:
        result = function(np.array(case["key"], dtype=np.uint32), **args, partitionable=case["partitionable"])
    return _array_difference(result, case["expect"])


def skip_reason(case):
    """Why a case cannot be checked on this machine (its values need glibc's libm, or ml_dtypes for
    bfloat16), or None."""
    kind = case.get("kind")
    uses_libm = kind == "torch_cpu" and any(op["op"] in TORCH_LIBM_OPS for op in case["ops"])
    uses_libm |= kind == "jax" and case["fn"] in JAX_LIBM_FNS and case["args"].get("dtype") == "float64"
    if uses_libm and platform.libc_ver()[0] != "glibc":
        return "needs glibc's libm"
    if _uses_bfloat16(case) and importlib.util.find_spec("ml_dtypes") is None:
        return "needs ml_dtypes (bfloat16 arrays)"
    return None


def _uses_bfloat16(case):
    """Whether a torch case has a bfloat16 op, or a jax case a bfloat16 argument or result."""
    if case.get("kind") == "jax":
        return "bfloat16" in json.dumps(case)
    return case.get("kind") in ("torch_cpu", "torch_cuda") and any(
        op.get("dtype") == "bfloat16" or (isinstance(op.get("p"), dict) and op["p"]["dtype"] == "bfloat16")
        for op in case["ops"])


# case kinds that are not replayed here -> the test that checks them
CHECKED_ELSEWHERE = {
    "libm": "tests/test_libm_js.py",  # JS ports of glibc's libm, against glibc itself
    "torch_cuda_printout": "tests/test_torch_cuda.py",  # public printouts, to their printed decimals
}

# case kind -> replay(case, backend) -> messages
REPLAYERS = {"bitgen": _replay_bitgen, "seedsequence": _replay_seedsequence, "seedrandom": _replay_seedrandom,
             "seedrandom_lib": _replay_seedrandom_lib, "seedrandom_session": _replay_seedrandom_session,
             "generator": _replay_generator, "randomstate": _replay_randomstate,
             "python_random": _replay_python_random, "torch_cpu": _replay_torch_cpu,
             "torch_cuda": _replay_torch_cuda, "jax": _replay_jax}


# --- the table ---------------------------------------------------------------------------------

@dataclass
class Cell:
    """One table cell: ``status`` is "ok", "FAIL", "n/a", "not checked" or "not run"; ``failures``
    holds the mismatch messages."""

    status: str
    detail: str = ""
    failures: list = field(default_factory=list)

    def __str__(self):
        return f"{self.status} {self.detail}".strip()


@dataclass
class Table:
    """Families (rows) x backends and languages (columns)."""

    rows: list
    columns: list
    cells: dict  # (row, column) -> Cell

    @property
    def ok(self):
        """True when no cell failed ("n/a", "not checked" and "not run" cells are not failures)."""
        return all(cell.status != "FAIL" for cell in self.cells.values())

    def render(self, max_failures=5):
        """The table as aligned text, then up to ``max_failures`` failure messages per failed cell."""
        header = ["family", *self.columns]
        body = [[row, *(str(self.cells[row, col]) for col in self.columns)] for row in self.rows]
        widths = [max(len(line[i]) for line in [header, *body]) for i in range(len(header))]
        lines = ["  ".join(text.ljust(w) for text, w in zip(line, widths)).rstrip() for line in [header, *body]]
        for (row, col), cell in self.cells.items():
            lines += [f"{row} / {col}: {m}" for m in cell.failures[:max_failures]]
        return "\n".join(lines)


def verify(vectors_dir=None, backends=None, js=True, progress=None):
    """Replay every vector file on each backend (default: ``prng.available_backends()``), and the
    JavaScript port's vector test when ``js``; return the ``Table``. ``progress``: as
    ``prng.bootstrap``'s (a bar on stderr)."""
    import prng

    from ._progress import Progress

    files = load_vectors(vectors_dir)
    backends = list(prng.available_backends() if backends is None else backends)
    rows = [name.removesuffix(".json") for name in files]
    cells = {}
    with Progress(len(rows) * len(backends) + bool(js), "verify", "checks", show=progress) as bar:
        for row, contents in zip(rows, files.values()):
            for backend in backends:
                cells[row, backend] = _python_cell(file_cases(contents), backend)
                bar.update(1)
        columns = list(backends)
        if js:
            columns.append("js")
            kinds = {row: {c.get("kind") for c in contents["cases"]} for row, contents in zip(rows, files.values())}
            cells.update(((row, "js"), cell) for row, cell in js_cells(kinds, vectors_dir).items())
            bar.update(1)
    return Table(rows=rows, columns=columns, cells=cells)


def _unchecked_reason(case):
    """Why ``case`` is not replayed here (no replayer for its kind, or a platform need), else None."""
    if case.get("kind") not in REPLAYERS:
        return f"no replayer for kind {case.get('kind')}"
    return skip_reason(case)


def _checked_elsewhere(cases):
    """The test that checks these cases when their kind has no replayer here, else None."""
    kinds = {c.get("kind") for c in cases}
    tests = {CHECKED_ELSEWHERE.get(kind) for kind in kinds}
    return tests.pop() if len(tests) == 1 and None not in tests else None


def _python_cell(cases, backend):
    """Replay the cases of one file on one backend (backend-free kinds only on "python")."""
    elsewhere = _checked_elsewhere(cases)
    if elsewhere:
        return Cell("n/a", f"(checked by {elsewhere})")
    runnable = [c for c in cases if backend == "python" or c.get("kind") not in BACKENDLESS_KINDS]
    if not runnable:
        return Cell("n/a", "(no backend)")
    reasons = [_unchecked_reason(c) for c in runnable]
    checked = [c for c, reason in zip(runnable, reasons) if reason is None]
    if not checked:
        return Cell("not checked", f"({', '.join(sorted(set(reasons)))})")
    failures, failed_cases = [], 0
    for case in checked:
        messages = replay_case(case, backend)
        failed_cases += bool(messages)
        failures += [f"{case.get('name', '?')}: {m}" for m in messages]
    note = f" +{len(runnable) - len(checked)} unchecked" if len(checked) < len(runnable) else ""
    if failures:
        return Cell("FAIL", f"{failed_cases}/{len(checked)}{note}", failures)
    return Cell("ok", f"{len(checked)}{note}")


# --- JavaScript --------------------------------------------------------------------------------

# case kinds that a JS test file other than vectors.test.js replays -> that file (in js/test/)
JS_TEST_FOR_KIND = {
    "generator": "generator.test.js",
    "randomstate": "compat_numpy.test.js",
    "python_random": "compat_python.test.js",
    "torch_cpu": "compat_torch.test.js",
    "libm": "libm.test.js",
}
JS_ONLY_PYTHON = {"torch_cuda_printout", "torch_cuda"}  # CUDA is reproduced in Python only


def js_cells(kinds, vectors_dir=None):
    """A JS cell per family (``kinds``: family -> its case kinds), from node's test runner (TAP output).

    ``vectors.test.js`` has one top-level test per vector file (named ``<family>.json``) with one
    subtest per case; a family replayed by another test file (JS_TEST_FOR_KIND) gets that file's
    result. The vectors directory is passed on as the ``PRNG_VECTORS`` environment variable.
    """
    rows = list(kinds)
    reason = _js_unavailable()
    if reason:
        return {row: Cell("not run", f"({reason})") for row in rows}
    env = dict(os.environ)
    if vectors_dir is not None:
        env["PRNG_VECTORS"] = str(Path(vectors_dir).resolve())
    cells = {}
    by_file = {}
    for row, row_kinds in kinds.items():
        if row_kinds <= JS_ONLY_PYTHON:
            cells[row] = Cell("n/a", "(Python only)")
        elif row_kinds <= set(JS_TEST_FOR_KIND):  # every kind replayed by its own JS test file
            for kind in sorted(row_kinds):
                by_file.setdefault(JS_TEST_FOR_KIND[kind], []).append(row)
    for test_file, file_rows in by_file.items():
        done = _run_node(Path("test") / test_file, env)
        cell = _whole_file_cell(test_file, done)
        for row in file_rows:
            cells[row] = _joined(cells[row], cell) if row in cells else cell
    rest = [row for row in rows if row not in cells]
    done = _run_node(JS_TEST, env)
    if isinstance(done, Cell):
        cells.update((row, done) for row in rest)
    else:
        cells.update(_cells_from_tap(rest, done.stdout, done.returncode))
    return {row: cells[row] for row in rows}


def _joined(first, second):
    """One cell for a family replayed by two JS test files: the first failure, else both counts."""
    if first.status != "ok":
        return first
    if second.status != "ok":
        return second
    return Cell("ok", f"{first.detail} {second.detail}")


def _run_node(test_file, env):
    """``node --test`` on one file of js/ with TAP output; a "not run" Cell if node timed out."""
    try:
        return subprocess.run(["node", "--test", "--test-reporter=tap", str(test_file)], cwd=JS_DIR, env=env,
                              capture_output=True, text=True, timeout=JS_TIMEOUT)
    except subprocess.TimeoutExpired:
        return Cell("not run", f"(node timed out after {JS_TIMEOUT} s)")


def _whole_file_cell(test_file, done):
    """One cell for a JS test file run as a whole: its pass count, or its failures."""
    if isinstance(done, Cell):
        return done
    passed = re.search(r"^# pass (\d+)", done.stdout, re.MULTILINE)
    count = passed.group(1) if passed else "?"
    if done.returncode == 0:
        return Cell("ok", f"({count} tests in {test_file})")
    failed = re.findall(r"^ *not ok \d+ - (.*)$", done.stdout, re.MULTILINE)
    return Cell("FAIL", f"({test_file})", [f"JS test failed: {name}" for name in failed] or
                [f"node --test {test_file} exited {done.returncode}"])


def _js_unavailable():
    """Why the JS column cannot run, or None."""
    if shutil.which("node") is None:
        return "node not found"
    if not (JS_DIR / JS_TEST).is_file():
        return "no js/ checkout beside this installation"
    return None


_TAP_RESULT = re.compile(r"^( *)(not ok|ok) \d+ - (.*?)(\s+#\s*SKIP\b.*)?$")
TAP_INDENT = 4  # node's TAP reporter indents each subtest level by four spaces


def _cells_from_tap(rows, tap, returncode):
    """Per-family cells from node's TAP text (see ``js_cells``)."""
    cells, cases = {}, []
    for line in tap.splitlines():
        match = _TAP_RESULT.match(line)
        if not match:
            continue
        indent, status, name, skipped = match.groups()
        if len(indent) == TAP_INDENT:
            cases.append((status == "ok", bool(skipped), name))
        elif not indent:
            if name.endswith(".json") and name.removesuffix(".json") in rows:
                cells[name.removesuffix(".json")] = _tap_cell(status == "ok", cases)
            cases = []
    if not cells:
        whole = Cell("ok", "(whole JS suite)") if returncode == 0 else Cell(
            "FAIL", "(whole JS suite)", [f"node --test exited {returncode}"])
        return {row: whole for row in rows}
    return {row: cells.get(row, Cell("not run", "(no JS test for this file)")) for row in rows}


def _tap_cell(file_passed, cases):
    """One family's cell from its file test's result and its cases' (passed, skipped, name)."""
    ran = [(passed, name) for passed, skipped, name in cases if not skipped]
    if cases and not ran:
        return Cell("n/a", "(not ported to JS)")
    failed = [name for passed, name in ran if not passed]
    if failed or not file_passed:
        return Cell("FAIL", f"{len(failed)}/{len(ran)}", [f"JS case failed: {name}" for name in failed]
                    or ["the file's JS test failed"])
    return Cell("ok", f"{len(ran)}")
