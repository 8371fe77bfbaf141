/**
 * Replays the bit-generator, SeedSequence and seedrandom cases of every vectors/*.json file (schema:
 * vectors/README.md) through the public API; the known families must all have a file. Expected
 * values come from numpy, seedrandom 3.0.5 and published KAT files, never from this package.
 * Each bit-generator case runs twice: with the scalar methods and with the bulk fills.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";

import * as prng from "../src/index.js";
import { bigOrList, fromHex, toHex, vectorFiles } from "./helpers.js";

const FAMILIES = [
  "seedsequence", "pcg64", "pcg64dxsm", "mt19937", "philox", "philox4x32",
  "midsquare", "msws", "arc4", "seedrandom", "seedrandom_lib",
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
  else if (kind === "advance") gen.advance(BigInt(op.delta));
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
  checkSeedrandomCalls(rng, c.calls);
  if (c.state) assert.deepEqual(rng.state(), c.state, "state()");
}

/** A seed JSON holds (`seed`), or one it cannot (`seed_js`: undefined, the infinities, NaN). */
const SEEDRANDOM_JS_SEEDS = { undefined, Infinity, "-Infinity": -Infinity, NaN };
const seedOf = (spec) => ("seed_js" in spec ? SEEDRANDOM_JS_SEEDS[spec.seed_js] : spec.seed);

function checkSeedrandomCalls(rng, calls, what = "call") {
  calls.forEach(([method, expect], i) => {
    const want = method === "int32" ? expect : toHex(fromHex(expect));
    assert.equal(seedrandomCall(rng, method), want, `${what} ${i} ${method}`);
  });
}

/** One of seedrandom's lib/ generators: calls, then `state()`. */
function checkSeedrandomLib(c) {
  const rng = prng.compat.seedrandom[c.algorithm](seedOf(c), { state: c.resume_from ?? true });
  checkSeedrandomCalls(rng, c.calls);
  assert.deepEqual(rng.state(), c.state, "state()");
}

/** Steps on one freshly loaded seedrandom (its pool started from `math_random`): generators, shortseeds, states. */
function checkSeedrandomSession(c) {
  const seedrandom = prng.compat.loadSeedrandom(fromHex(c.math_random));
  c.steps.forEach((step, i) => {
    let shortseed;
    const options = step.options === true ? true : { ...step.options };
    if (step.pass) options.pass = (p, seed) => { shortseed = seed; return p; };
    const rng = seedrandom(seedOf(step), options);
    if (step.pass) assert.equal(shortseed, step.shortseed, `step ${i} shortseed`);
    checkSeedrandomCalls(rng, step.calls, `step ${i} call`);
    if (step.state) assert.deepEqual(rng.state(), step.state, `step ${i} state()`);
  });
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
      else if (c.kind === "seedrandom") test(name, () => checkSeedrandom(c));
      else if (c.kind === "seedrandom_lib") test(name, () => checkSeedrandomLib(c));
      else if (c.kind === "seedrandom_session") test(name, () => checkSeedrandomSession(c));
      else if (!(c.kind in REPLAYED_ELSEWHERE)) {
        test(name, () => assert.fail(`unknown case kind ${c.kind}: no JS test replays it`));
      }
    });
  });
}
