/**
 * Replays the bit-generator, SeedSequence, seedrandom and jax cases of every vectors/*.json file (schema:
 * vectors/README.md) through the public API; the known families must all have a file. Expected
 * values come from numpy, seedrandom 3.0.5 and published KAT files, never from this package.
 * Each bit-generator case runs twice: with the scalar methods and with the bulk fills.
 */
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { describe, test } from "node:test";

import * as prng from "../src/index.js";
import { bigOrList, fromHex, toHex, vectorFiles } from "./helpers.js";

const FAMILIES = [
  "seedsequence", "pcg64", "pcg64dxsm", "mt19937", "philox", "philox4x32", "threefry", "threefry2x32",
  "sfc64", "midsquare", "msws", "arc4", "seedrandom", "jax",
];
const files = vectorFiles();

test("every known family has a vector file", () => {
  const present = new Set(files.map(([, doc]) => doc.family));
  assert.deepEqual(FAMILIES.filter((f) => !present.has(f)), []);
});

function seedArg(seed) {
  if (seed !== null && typeof seed === "object" && !Array.isArray(seed)) {
    return new prng.SeedSequence(bigOrList(seed.entropy), {
      spawnKey: seed.spawn_key.map(BigInt),
      poolSize: seed.pool_size,
    });
  }
  return bigOrList(seed);
}

function make(spec) {
  const cls = prng[spec.class];
  assert.ok(cls, `unknown class ${spec.class}`);
  if ("from_genrand" in spec) return cls.fromGenrand(spec.from_genrand);
  if ("from_array" in spec) return cls.fromArray(spec.from_array);
  const options = {};
  for (const name of ["key", "counter"]) if (name in spec) options[name] = bigOrList(spec[name]);
  if ("digits" in spec) options.digits = spec.digits;
  const seed = !("seed" in spec) ? undefined : spec.class === "ARC4" ? spec.seed : seedArg(spec.seed);
  return new cls(seed, options);
}

/** `n` draws of one kind, through the scalar method or the bulk fill. */
const draws = {
  next_uint32: (gen, n, bulk) =>
    bulk ? Array.from(gen.fillUint32(new Uint32Array(n))) : Array.from({ length: n }, () => gen.nextUint32()),
  next_uint64: (gen, n) => Array.from({ length: n }, () => String(gen.nextUint64())),
  next_double: (gen, n, bulk) =>
    (bulk ? Array.from(gen.fillDouble(new Float64Array(n))) : Array.from({ length: n }, () => gen.nextDouble()))
      .map(toHex),
  random_raw: (gen, n) => {
    const raw = gen.randomRaw(n);
    assert.ok(raw instanceof BigUint64Array && raw.length === n);
    return Array.from(raw, String);
  },
};

/** Applies one op and checks it; returns the generator to use next (`jumped` replaces it). */
function runOp(gen, op, where, bulk) {
  const kind = op.op;
  if (kind in draws) {
    const got = draws[kind](gen, op.n, bulk);
    const expect = kind === "next_double" ? op.expect.map((h) => toHex(fromHex(h))) : op.expect;
    const first = got.findIndex((v, i) => v !== expect[i]);
    assert.equal(first, -1, `${where}: first mismatch at ${first}: ${got[first]} != ${expect[first]}`);
    assert.equal(got.length, expect.length, where);
  } else if (kind === "state") assert.deepEqual(gen.state, op.expect, `${where}: state differs`);
  else if (kind === "set_state") gen.state = op.state;
  else if (kind === "skip") gen.randomRaw(op.n);
  else if (kind === "advance") gen.advance(BigInt(op.delta), ...(op.counter ? [true] : []));
  else if (kind === "jumped") return gen.jumped(op.jumps);
  else if (kind === "period") assert.deepEqual(gen.period(), op.expect, where);
  else assert.fail(`${where}: unknown op ${kind}`);
  return gen;
}

function checkBitgen(c, bulk) {
  let gen = make(c.make);
  c.ops.forEach((op, i) => {
    gen = runOp(gen, op, `${c.name}: op ${i} (${op.op})`, bulk);
  });
}

function checkSeedSequence(c) {
  const ss = new prng.SeedSequence(bigOrList(c.entropy), { spawnKey: c.spawn_key.map(BigInt), poolSize: c.pool_size });
  assert.deepEqual(Array.from(ss.pool), c.pool, "pool");
  for (const g of c.generate_state) {
    const got = Array.from(ss.generateState(g.n, g.dtype), (v) => (g.dtype === "uint64" ? String(v) : v));
    assert.deepEqual(got, g.expect, `generateState(${g.n}, ${g.dtype})`);
  }
  if (c.spawn) {
    const kids = ss.spawn(c.spawn.n);
    assert.equal(ss.nChildrenSpawned, c.spawn.n_children_spawned);
    assert.equal(kids.length, c.spawn.children.length);
    kids.forEach((kid, k) => {
      const expect = c.spawn.children[k];
      assert.deepEqual(kid.spawnKey.map(String), expect.spawn_key, `child ${k} spawnKey`);
      if (expect.pool) assert.deepEqual(Array.from(kid.pool), expect.pool, `child ${k} pool`);
      const n = expect.generate_state_uint32.length;
      assert.deepEqual(Array.from(kid.generateState(n)), expect.generate_state_uint32, `child ${k} words`);
    });
  }
}

/** One seedrandom-style call on `rng` (a `compat.seedrandom` generator). */
function seedrandomCall(rng, method) {
  const value = method === "()" ? rng() : rng[method]();
  return method === "int32" ? value : toHex(value);
}

function checkSeedrandom(c) {
  const rng = "resume_from" in c
    ? prng.compat.seedrandom("", { state: c.resume_from })
    : prng.compat.seedrandom(c.seed, { state: true });
  c.calls.forEach(([method, expect], i) => {
    const want = method === "int32" ? expect : toHex(fromHex(expect));
    assert.equal(seedrandomCall(rng, method), want, `call ${i} ${method}`);
  });
  if (c.state) assert.deepEqual(rng.state(), c.state, "state()");
}

// ---- jax cases (vectors/jax.json, made by vectors/make_jax.py from jax.random) -----------------

const ARRAY_TYPES = {
  float16: Uint16Array, bfloat16: Uint16Array, float32: Float32Array, float64: Float64Array, bool: Uint8Array,
  int8: Int8Array, int16: Int16Array, int32: Int32Array, int64: BigInt64Array,
  uint8: Uint8Array, uint16: Uint16Array, uint32: Uint32Array, uint64: BigUint64Array,
};

/** A vectors ARRAY entry with "hex" as a flat typed array (little-endian bytes; 16-bit floats as bits). */
function decodeArray(entry) {
  const bytes = Uint8Array.from(entry.hex.match(/../g) ?? [], (h) => parseInt(h, 16));
  const Type = ARRAY_TYPES[entry.dtype];
  return new Type(bytes.buffer, 0, bytes.length / Type.BYTES_PER_ELEMENT);
}

/** A jax case argument: `dtype`/`mode` names as they are, other strings float.hex -> number or decimal ->
 * bigint, ARRAY entries -> typed arrays. */
function jaxArg(name, value) {
  if (value !== null && typeof value === "object" && !Array.isArray(value)) return decodeArray(value);
  if (typeof value === "string" && name !== "dtype" && name !== "mode") {
    return value.includes("p") ? fromHex(value) : BigInt(value);
  }
  return value;
}

/** The compat.jax call a case describes (the JS API: `(key, shape, options)`, flat arrays + shape options). */
function jaxCall(c) {
  const jax = prng.compat.jax;
  const a = Object.fromEntries(Object.entries(c.args).map(([k, v]) => [k, jaxArg(k, v)]));
  const shapeOf = (name) => c.args[name]?.shape;
  const key = Uint32Array.from(c.key ?? [0, 0]);
  const partitionable = c.partitionable;
  const num = (v) => (typeof v === "bigint" ? Number(v) : v);
  switch (c.fn) {
    case "PRNGKey": return jax.PRNGKey(a.seed, { x64: a.x64 });
    case "split": return jax.split(key, a.num, { partitionable });
    case "fold_in": return jax.foldIn(key, num(a.data), { partitionable });
    case "bits": return jax.bits(key, a.shape, { dtype: a.dtype, partitionable });
    case "uniform": return jax.uniform(key, a.shape, { dtype: a.dtype, minval: a.minval, maxval: a.maxval, partitionable });
    case "normal": case "exponential": return jax[c.fn](key, a.shape, { dtype: a.dtype, partitionable });
    case "gumbel": return jax.gumbel(key, a.shape, { dtype: a.dtype, mode: a.mode, partitionable });
    case "truncated_normal":
      return jax.truncatedNormal(key, a.shape, { lower: a.lower, upper: a.upper, dtype: a.dtype, partitionable });
    case "randint":
      return jax.randint(key, a.shape, { minval: BigInt(a.minval), maxval: BigInt(a.maxval), dtype: a.dtype, partitionable });
    case "bernoulli": return jax.bernoulli(key, a.shape ?? shapeOf("p"), { p: a.p, partitionable });
    case "permutation":
      return jax.permutation(key, num(a.x), { xShape: shapeOf("x"), axis: a.axis, independent: a.independent, partitionable });
    case "choice":
      return jax.choice(key, num(a.a), a.shape, { replace: a.replace, p: a.p ?? undefined, axis: a.axis, aShape: shapeOf("a"), partitionable });
    case "categorical":
      return jax.categorical(key, a.logits, { logitsShape: shapeOf("logits"), axis: a.axis, shape: a.shape ?? undefined, replace: a.replace, partitionable });
    default: return assert.fail(`unknown jax function ${c.fn}`);
  }
}

/** Why a jax case is not replayed in JS, or undefined. */
function jaxSkip(c) {
  if (c.fn === "truncated_normal" && c.args.dtype === "float64") return "float64 erf (the C library's) is not ported to JS";
  return undefined;
}

function checkJax(c) {
  const got = jaxCall(c);
  const entry = c.expect;
  const count = entry.shape.reduce((x, y) => x * y, 1);
  assert.ok(got instanceof ARRAY_TYPES[entry.dtype], `expected a ${ARRAY_TYPES[entry.dtype].name}, got ${got?.constructor?.name}`);
  assert.equal(got.length, count, "length");
  const bytes = new Uint8Array(got.buffer, got.byteOffset, got.byteLength);
  if (entry.sha256) {
    assert.equal(createHash("sha256").update(bytes).digest("hex"), entry.sha256, `SHA-256 of ${count} values differs`);
    return;
  }
  const expect = decodeArray(entry);
  const differ = [];
  for (let k = 0; k < count; k++) if (!Object.is(got[k], expect[k])) differ.push(k);
  assert.equal(differ.length, 0, `${differ.length} of ${count} differ, first at ${differ[0]}: got ${got[differ[0]]}, expected ${expect[differ[0]]}`);
}

// Case kinds that other test files replay (so that a new kind is never silently ignored).
const REPLAYED_ELSEWHERE = {
  generator: "generator.test.js",
  randomstate: "compat_numpy.test.js",
  python_random: "compat_python.test.js",
  torch_cpu: "compat_torch.test.js",
  libm: "libm.test.js",
  torch_cuda_printout: "Python only: tests/test_torch_cuda.py",
};

for (const [file, doc] of files) {
  describe(file, () => {
    doc.cases.forEach((c, i) => {
      const name = `${i}: ${c.name ?? c.kind}`;
      if (c.kind === "bitgen") {
        test(`${name} (scalar)`, () => checkBitgen(c, false));
        test(`${name} (bulk)`, () => checkBitgen(c, true));
      } else if (c.kind === "seedsequence") test(name, () => checkSeedSequence(c));
      else if (c.kind === "jax") test(name, { skip: jaxSkip(c) }, () => checkJax(c));
      else if (c.kind === "seedrandom") test(name, () => checkSeedrandom(c));
      else if (!(c.kind in REPLAYED_ELSEWHERE)) {
        test(name, () => assert.fail(`unknown case kind ${c.kind}: no JS test replays it`));
      }
    });
  });
}
