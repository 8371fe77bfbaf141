"""Write vectors/jax.json: jax.random's outputs (threefry2x32 keys), recorded from real jax on the CPU.

    python3 -m venv .jaxenv && .jaxenv/bin/pip install jax jaxlib numpy
    .jaxenv/bin/python vectors/make_jax.py

jax and jaxlib are not dependencies of prng; the versions used are recorded in the file (the CPU
backend on x86-64 with FMA: XLA's float kernels are compiled for the machine). Every case is one call
of one ``jax.random`` function on a raw key (uint32 pair), under one ``jax_threefry_partitionable``
setting; 64-bit dtypes are recorded with ``jax_enable_x64``, everything else in jax's default 32-bit
mode. Arrays of more than 4096 values are recorded as the SHA-256 of their bytes (the 10**6-draw
cases). Deterministic: no clock or OS entropy reaches a value. Layout: vectors/README.md.
"""

import jax
import jax.numpy as jnp
import jaxlib
import ml_dtypes
import numpy as np

from vecjson import encode_array, versions, write

SEEDS = [0, 1, 42, 2**31 + 5, 987654321]
SHAPES = [(), (1,), (7,), (13,), (4, 5), (2, 3, 5), (3, 1, 4)]
FLOATS = ["float16", "bfloat16", "float32", "float64"]
WIDE = {"uint64", "int64", "float64"}  # recorded with jax_enable_x64
BIG = 10**6


def jax_dtype(name):
    return jnp.bfloat16 if name == "bfloat16" else np.dtype(name)


def encode_arg(value):
    """Call arguments: floats as float.hex, ints beyond 32 bits as decimal strings, arrays as ARRAY."""
    if isinstance(value, np.ndarray):
        return encode_array(value)
    if isinstance(value, float):
        return value.hex()
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return value
    if isinstance(value, int):
        return value if -2**31 <= value < 2**32 else str(value)
    if isinstance(value, tuple):
        return list(value)
    raise TypeError(value)


class Cases:
    def __init__(self):
        self.cases = []

    def add(self, name, fn, key, args, partitionable, call):
        """Run ``call()`` (the jax call) under the setting and record its result."""
        wide = any(str(v) in WIDE for v in args.values())
        jax.config.update("jax_enable_x64", wide)
        jax.config.update("jax_threefry_partitionable", partitionable)
        result = np.asarray(call())
        case = {"kind": "jax", "name": f"{name} [partitionable={partitionable}]", "fn": fn,
                "partitionable": partitionable}
        if key is not None:
            case["key"] = [int(w) for w in np.asarray(key)]
        case["args"] = {k: encode_arg(v) for k, v in args.items()}
        if wide:
            case["x64"] = True
        case["expect"] = encode_array(result)
        self.cases.append(case)


def keys():
    """(label, raw key) pairs: PRNGKey seeds, a split child and a fold_in child."""
    jax.config.update("jax_enable_x64", False)
    out = [(f"seed {s}", np.asarray(jax.random.PRNGKey(s))) for s in SEEDS]
    base = jax.random.PRNGKey(7)
    out.append(("split(seed 7)[1]", np.asarray(jax.random.split(base)[1])))
    out.append(("fold_in(seed 7, 3)", np.asarray(jax.random.fold_in(base, 3))))
    return out


def key_cases(c):
    for seed in [0, 1, 42, -1, 2**31 + 5, 2**32 + 5, 2**40 + 3, -(2**40), 2**63 - 1, -(2**63)]:
        for x64 in (False, True):
            jax.config.update("jax_enable_x64", x64)
            key = np.asarray(jax.random.PRNGKey(seed))
            c.cases.append({"kind": "jax", "name": f"PRNGKey({seed}) x64={x64}", "fn": "PRNGKey",
                            "partitionable": True, "args": {"seed": str(seed), "x64": x64},
                            "expect": encode_array(key)})
    for part in (True, False):
        for label, key in keys():
            for num in (1, 2, 3, (2, 3), (1, 5)):
                c.add(f"split({label}, {num})", "split", key, {"num": num}, part,
                      lambda: jax.random.split(key, num))
            for data in (0, 1, 77, 2**31, 2**32 - 1):
                c.add(f"fold_in({label}, {data})", "fold_in", key, {"data": data}, part,
                      lambda: jax.random.fold_in(key, data))
        # a chain: split, fold_in, split again
        k = jax.random.PRNGKey(2024)
        for step in range(4):
            k = jax.random.fold_in(jax.random.split(k, 3)[step % 3], step)
        c.add("split/fold_in chain from seed 2024", "bits", k, {"shape": (5,), "dtype": "uint32"}, part,
              lambda: jax.random.bits(k, (5,), "uint32"))


def key_shapes():
    """(label, key, shape): every key with a scalar, an odd 1-d and a 3-d shape; seed 42 with all shapes."""
    pairs = [(label, key, shape) for label, key in keys() for shape in ((), (13,), (2, 3, 5))]
    label, key = keys()[2]
    return pairs + [(label, key, shape) for shape in SHAPES if shape not in ((), (13,), (2, 3, 5))]


def sampler_cases(c):
    for part in (True, False):
        for label, key, shape in key_shapes():
            tag = f"{shape} {label}"
            for dt in ("uint8", "uint16", "uint32", "uint64"):
                c.add(f"bits {dt} {tag}", "bits", key, {"shape": shape, "dtype": dt}, part,
                      lambda: jax.random.bits(key, shape, dt))
            for dt in FLOATS:
                jd = jax_dtype(dt)
                c.add(f"uniform {dt} {tag}", "uniform", key, {"shape": shape, "dtype": dt}, part,
                      lambda: jax.random.uniform(key, shape, jd))
                c.add(f"uniform {dt} [-1.7, 2.3) {tag}", "uniform", key,
                      {"shape": shape, "dtype": dt, "minval": -1.7, "maxval": 2.3}, part,
                      lambda: jax.random.uniform(key, shape, jd, -1.7, 2.3))
                for fn in ("normal", "exponential"):
                    c.add(f"{fn} {dt} {tag}", fn, key, {"shape": shape, "dtype": dt}, part,
                          lambda: getattr(jax.random, fn)(key, shape, jd))
                for mode in ("low", "high"):
                    c.add(f"gumbel {mode} {dt} {tag}", "gumbel", key, {"shape": shape, "dtype": dt, "mode": mode},
                          part, lambda: jax.random.gumbel(key, shape, jd, mode=mode))
                c.add(f"truncated_normal(-1.5, 0.7) {dt} {tag}", "truncated_normal", key,
                      {"lower": -1.5, "upper": 0.7, "shape": shape, "dtype": dt}, part,
                      lambda: jax.random.truncated_normal(key, -1.5, 0.7, shape, jd))
            for dt, lo, hi in [("int8", -100, 100), ("uint8", 0, 256), ("int16", -3, 1000), ("uint16", 5, 6),
                               ("int32", -5, 100), ("int32", -(2**31), 2**31 - 1), ("uint32", 7, 2**31 - 1),
                               ("int64", -(2**40), 2**41 + 3), ("int64", -(2**63), 2**63 - 1),
                               ("uint64", 3, 2**63 - 12345), ("int32", 7, 7)]:
                c.add(f"randint {dt} [{lo}, {hi}) {tag}", "randint", key,
                      {"shape": shape, "minval": lo, "maxval": hi, "dtype": dt}, part,
                      lambda: jax.random.randint(key, shape, lo, hi, dt))
            c.add(f"bernoulli 0.3 {tag}", "bernoulli", key, {"p": 0.3, "shape": shape}, part,
                  lambda: jax.random.bernoulli(key, 0.3, shape))
        for label, key in keys():
            probs = np.linspace(0.05, 0.95, 6, dtype=np.float32)
            c.add(f"bernoulli p array {label}", "bernoulli", key, {"p": probs, "shape": None}, part,
                  lambda: jax.random.bernoulli(key, probs))
            for n in (1, 2, 10, 100, 1000):
                c.add(f"permutation({n}) {label}", "permutation", key, {"x": n}, part,
                      lambda: jax.random.permutation(key, n))
            x = np.arange(60, dtype=np.int32).reshape(3, 4, 5)
            for axis in (0, 1, 2):
                for independent in (False, True):
                    c.add(f"permutation(3x4x5 array, axis={axis}, independent={independent}) {label}", "permutation",
                          key, {"x": x, "axis": axis, "independent": independent}, part,
                          lambda: jax.random.permutation(key, x, axis, independent))
            p = np.random.default_rng(5).random(40).astype(np.float32)
            p /= p.sum()
            for shape, replace in [((), True), ((3,), True), ((5, 2), True), ((3,), False), ((7, 3), False)]:
                c.add(f"choice(40, {shape}, replace={replace}) {label}", "choice", key,
                      {"a": 40, "shape": shape, "replace": replace}, part,
                      lambda: jax.random.choice(key, 40, shape, replace))
                c.add(f"choice(40, {shape}, replace={replace}, p) {label}", "choice", key,
                      {"a": 40, "shape": shape, "replace": replace, "p": p}, part,
                      lambda: jax.random.choice(key, 40, shape, replace, p))
            for axis in (0, 1):
                c.add(f"choice(3x4x5 array, (2,), axis={axis}) {label}", "choice", key,
                      {"a": x, "shape": (2,), "replace": True, "axis": axis}, part,
                      lambda: jax.random.choice(key, x, (2,), True, axis=axis))
                c.add(f"choice(3x4x5 array, (2,), replace=False, axis={axis}) {label}", "choice", key,
                      {"a": x, "shape": (2,), "replace": False, "axis": axis}, part,
                      lambda: jax.random.choice(key, x, (2,), False, axis=axis))
            big_p = np.random.default_rng(6).random(300).astype(np.float32)  # cumsum past XLA's 16-block rewrite
            c.add(f"choice(300, (50,), p) {label}", "choice", key, {"a": 300, "shape": (50,), "replace": True, "p": big_p},
                  part, lambda: jax.random.choice(key, 300, (50,), True, big_p))
            logits = np.log(p).reshape(5, 8)
            for axis, shape, replace in [(-1, None, True), (0, None, True), (-1, (3, 5), True), (0, (2, 8), True),
                                         (-1, (3, 5), False), (0, (4, 8), False)]:
                c.add(f"categorical(5x8, axis={axis}, shape={shape}, replace={replace}) {label}", "categorical", key,
                      {"logits": logits, "axis": axis, "shape": shape, "replace": replace}, part,
                      lambda: jax.random.categorical(key, logits, axis, shape, replace))


def big_cases(c):
    """10**6 draws per call (SHA-256 of the bytes): the bitwise rates of the float kernels."""
    key = np.asarray(jax.random.PRNGKey(0))
    for part in (True, False):
        for fn, dt in [("normal", "float32"), ("normal", "float64"), ("uniform", "float32"), ("exponential", "float32"),
                       ("gumbel", "float32")]:
            c.add(f"{fn} {dt} ({BIG},) seed 0", fn, key, {"shape": (BIG,), "dtype": dt}, part,
                  lambda: getattr(jax.random, fn)(key, (BIG,), jax_dtype(dt)))
        c.add(f"truncated_normal(-1.5, 0.7) float32 ({BIG},) seed 0", "truncated_normal", key,
              {"lower": -1.5, "upper": 0.7, "shape": (BIG,), "dtype": "float32"}, part,
              lambda: jax.random.truncated_normal(key, -1.5, 0.7, (BIG,)))
        c.add(f"bits uint32 ({BIG},) seed 0", "bits", key, {"shape": (BIG,), "dtype": "uint32"}, part,
              lambda: jax.random.bits(key, (BIG,), "uint32"))
        c.add(f"randint int32 [-3, 1000) ({BIG},) seed 0", "randint", key,
              {"shape": (BIG,), "minval": -3, "maxval": 1000, "dtype": "int32"}, part,
              lambda: jax.random.randint(key, (BIG,), -3, 1000))
        c.add("permutation(100000) seed 0", "permutation", key, {"x": 100000}, part,
              lambda: jax.random.permutation(key, 100000))


def main():
    c = Cases()
    key_cases(c)
    sampler_cases(c)
    big_cases(c)
    v = versions(jax=jax.__version__, jaxlib=jaxlib.__version__, numpy=np.__version__, ml_dtypes=ml_dtypes.__version__)
    write("jax.json", family="jax", generated_by="vectors/make_jax.py", versions=v,
          source="jax.random on the CPU backend (x86-64 with FMA); 64-bit dtypes with jax_enable_x64, the rest in "
                 "jax's default 32-bit mode; each case under the jax_threefry_partitionable setting it names",
          cases=c.cases)


if __name__ == "__main__":
    main()
