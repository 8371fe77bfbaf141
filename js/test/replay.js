/**
 * The replay of the bit-generator, SeedSequence, seedrandom and jax cases of a vectors/*.json document
 * (schema: vectors/README.md) through the public API. No Node API here: `vectors.test.js` runs it
 * under node's test runner and `scripts/browser-test.mjs` runs the same code in headless Chromium.
 * Each bit-generator case runs twice: with the scalar methods and with the bulk fills.
 */
import * as prng from "../src/index.js";
import { bigOrList, fromHex, toHex } from "./hex.js";

export const FAMILIES = [
  "seedsequence", "pcg64", "pcg64dxsm", "mt19937", "philox", "philox4x32", "threefry", "threefry2x32",
  "sfc64", "midsquare", "msws", "arc4", "seedrandom", "seedrandom_lib", "jax",
];

// Case kinds that other test files replay (so that a new kind is never silently ignored).
export const REPLAYED_ELSEWHERE = {
  generator: "generator.test.js",
  randomstate: "compat_numpy.test.js",
  python_random: "compat_python.test.js",
  torch_cpu: "compat_torch.test.js",
  libm: "libm.test.js",
  torch_cuda_printout: "Python only: tests/test_torch_cuda.py",
  torch_cuda: "Python only: prng.verify (tests/test_vectors.py)",
};

/** Throws `message` unless `condition`. */
function check(condition, message) {
  if (!condition) throw new Error(message);
}

/** JSON text with sorted keys (bigints as decimal strings): equal texts, deeply equal values. */
function canonical(value) {
  return JSON.stringify(value, (key, v) => {
    if (typeof v === "bigint") return `${v}n`;
    if (v === null || typeof v !== "object" || Array.isArray(v)) return v;
    return Object.fromEntries(Object.keys(v).sort().map((k) => [k, v[k]]));
  });
}

/** Throws unless `got` and `want` are deeply equal. */
function same(got, want, where) {
  const a = canonical(got), b = canonical(want);
  check(a === b, `${where}: got ${a.slice(0, 200)}, expected ${b.slice(0, 200)}`);
}

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
  check(cls, `unknown class ${spec.class}`);
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
    check(raw instanceof BigUint64Array && raw.length === n, `randomRaw(${n}) is not a BigUint64Array of ${n}`);
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
    check(first === -1, `${where}: first mismatch at ${first}: ${got[first]} != ${expect[first]}`);
    check(got.length === expect.length, `${where}: ${got.length} values, expected ${expect.length}`);
  } else if (kind === "state") same(gen.state, op.expect, `${where}: state`);
  else if (kind === "set_state") gen.state = op.state;
  else if (kind === "skip") gen.randomRaw(op.n);
  else if (kind === "advance") gen.advance(BigInt(op.delta), ...(op.counter ? [true] : []));
  else if (kind === "jumped") return gen.jumped(op.jumps);
  else if (kind === "period") same(gen.period(), op.expect, where);
  else check(false, `${where}: unknown op ${kind}`);
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
  same(Array.from(ss.pool), c.pool, "pool");
  for (const g of c.generate_state) {
    const got = Array.from(ss.generateState(g.n, g.dtype), (v) => (g.dtype === "uint64" ? String(v) : v));
    same(got, g.expect, `generateState(${g.n}, ${g.dtype})`);
  }
  if (c.spawn) {
    const kids = ss.spawn(c.spawn.n);
    same(ss.nChildrenSpawned, c.spawn.n_children_spawned, "nChildrenSpawned");
    same(kids.length, c.spawn.children.length, "children");
    kids.forEach((kid, k) => {
      const expect = c.spawn.children[k];
      same(kid.spawnKey.map(String), expect.spawn_key, `child ${k} spawnKey`);
      if (expect.pool) same(Array.from(kid.pool), expect.pool, `child ${k} pool`);
      const n = expect.generate_state_uint32.length;
      same(Array.from(kid.generateState(n)), expect.generate_state_uint32, `child ${k} words`);
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
  checkSeedrandomCalls(rng, c.calls);
  if (c.state) same(rng.state(), c.state, "state()");
}

/** A seed JSON holds (`seed`), or one it cannot (`seed_js`: undefined, the infinities, NaN). */
const SEEDRANDOM_JS_SEEDS = { undefined, Infinity, "-Infinity": -Infinity, NaN };
const seedOf = (spec) => ("seed_js" in spec ? SEEDRANDOM_JS_SEEDS[spec.seed_js] : spec.seed);

function checkSeedrandomCalls(rng, calls, what = "call") {
  calls.forEach(([method, expect], i) => {
    const want = method === "int32" ? expect : toHex(fromHex(expect));
    same(seedrandomCall(rng, method), want, `${what} ${i} ${method}`);
  });
}

/** One of seedrandom's lib/ generators: calls, then `state()`. */
function checkSeedrandomLib(c) {
  const rng = prng.compat.seedrandom[c.algorithm](seedOf(c), { state: c.resume_from ?? true });
  checkSeedrandomCalls(rng, c.calls);
  same(rng.state(), c.state, "state()");
}

/** Steps on one freshly loaded seedrandom (its pool started from `math_random`): generators, shortseeds, states. */
function checkSeedrandomSession(c) {
  const seedrandom = prng.compat.loadSeedrandom(fromHex(c.math_random));
  c.steps.forEach((step, i) => {
    let shortseed;
    const options = step.options === true ? true : { ...step.options };
    if (step.pass) options.pass = (p, seed) => { shortseed = seed; return p; };
    const rng = seedrandom(seedOf(step), options);
    if (step.pass) same(shortseed, step.shortseed, `step ${i} shortseed`);
    checkSeedrandomCalls(rng, step.calls, `step ${i} call`);
    if (step.state) same(rng.state(), step.state, `step ${i} state()`);
  });
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
    default: return check(false, `unknown jax function ${c.fn}`);
  }
}

/** Why a jax case is not replayed in JS, or undefined. */

/** Lowercase hex SHA-256 of `bytes` (Web Crypto: node 20 and browsers alike). */
async function sha256Hex(bytes) {
  const digest = new Uint8Array(await globalThis.crypto.subtle.digest("SHA-256", bytes));
  return Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("");
}

async function checkJax(c) {
  const got = jaxCall(c);
  const entry = c.expect;
  const count = entry.shape.reduce((x, y) => x * y, 1);
  check(got instanceof ARRAY_TYPES[entry.dtype], `expected a ${ARRAY_TYPES[entry.dtype].name}, got ${got?.constructor?.name}`);
  same(got.length, count, "length");
  const bytes = new Uint8Array(got.buffer, got.byteOffset, got.byteLength);
  if (entry.sha256) {
    same(await sha256Hex(bytes), entry.sha256, `SHA-256 of ${count} values`);
    return;
  }
  const expect = decodeArray(entry);
  const differ = [];
  for (let k = 0; k < count; k++) if (!Object.is(got[k], expect[k])) differ.push(k);
  check(differ.length === 0, `${differ.length} of ${count} differ, first at ${differ[0]}: got ${got[differ[0]]}, expected ${expect[differ[0]]}`);
}

/**
 * The tests of one vector document, as [name, run, skip] entries (`run()` throws, or its promise
 * rejects, on a mismatch; `skip` is why a case is not replayed here, or undefined); a case of a
 * kind that no JS test replays is a failing test, so a new kind is never silently ignored.
 */
export function vectorTests(doc) {
  const tests = [];
  doc.cases.forEach((c, i) => {
    const name = `${i}: ${c.name ?? c.kind}`;
    if (c.kind === "bitgen") {
      tests.push([`${name} (scalar)`, () => checkBitgen(c, false)], [`${name} (bulk)`, () => checkBitgen(c, true)]);
    } else if (c.kind === "seedsequence") tests.push([name, () => checkSeedSequence(c)]);
    else if (c.kind === "seedrandom") tests.push([name, () => checkSeedrandom(c)]);
    else if (c.kind === "seedrandom_lib") tests.push([name, () => checkSeedrandomLib(c)]);
    else if (c.kind === "seedrandom_session") tests.push([name, () => checkSeedrandomSession(c)]);
    else if (c.kind === "jax") tests.push([name, () => checkJax(c)]);
    else if (!(c.kind in REPLAYED_ELSEWHERE)) {
      tests.push([name, () => check(false, `unknown case kind ${c.kind}: no JS test replays it`)]);
    }
  });
  return tests;
}
