/**
 * compat.torch against PyTorch 2.13's CPU generator.
 *
 * 1. Replay of vectors/torch_cpu.json (recorded from real torch 2.13.0 by vectors/make_torch.py):
 *    every case under the kernel it was recorded with, and the kernel-independent ("any") cases
 *    under both kernels. Arrays are compared byte for byte (little-endian), large ones by SHA-256.
 *    With PRNG_TORCH_STATS=1 a table of values compared and mismatches per op/dtype/kernel is printed.
 * 2. Generator behaviour that needs no torch (seed wrapping, state round trips, default generator).
 * 3. Bad input.
 */
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, describe, test } from "node:test";

import { RandomState } from "../src/compat/numpy.js";
import { Random } from "../src/compat/python.js";
import * as T from "../src/compat/torch.js";
import { VECTORS_DIR, fromHex } from "./helpers.js";

const doc = JSON.parse(readFileSync(join(VECTORS_DIR, "torch_cpu.json"), "utf8"));
const CASES = doc.cases.filter((c) => c.kind === "torch_cpu");
const TYPED = {
  float32: Float32Array, float64: Float64Array, int64: BigInt64Array, int32: Int32Array,
  int16: Int16Array, int8: Int8Array, uint8: Uint8Array, float16: Uint16Array, bfloat16: Uint16Array, bool: Uint8Array,
};
assert.equal(new Uint8Array(new Uint16Array([1]).buffer)[0], 1, "the byte comparisons assume little-endian");

// ---- 1. vector replay ---------------------------------------------------------------------------

/** `${op} ${dtype} [${kernel}]` -> {values, mismatches, digests} over every replayed array. */
const stats = new Map();

function hexBytes(hex) {
  return Uint8Array.from(hex.match(/../g) ?? [], (h) => parseInt(h, 16));
}

function bytesOf(array) {
  return new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
}

function sha256(bytes) {
  return createHash("sha256").update(bytes).digest("hex");
}

/** A vectors ARRAY entry with "hex" as a typed array. */
function decodeArray(entry) {
  const bytes = hexBytes(entry.hex);
  return new TYPED[entry.dtype](bytes.buffer, 0, bytes.length / TYPED[entry.dtype].BYTES_PER_ELEMENT);
}

/** Compare `got` with a vectors ARRAY entry; counts go to `stats` under `key`. */
function checkArray(got, entry, key, where) {
  const count = entry.shape.reduce((a, b) => a * b, 1);
  assert.ok(got instanceof TYPED[entry.dtype], `${where}: expected a ${TYPED[entry.dtype].name}`);
  assert.equal(got.length, count, `${where}: length`);
  const row = stats.get(key) ?? { values: 0, mismatches: 0, digests: 0, digestMismatches: 0 };
  stats.set(key, row);
  row.values += count;
  if (entry.sha256) {
    row.digests += 1;
    const same = sha256(bytesOf(got)) === entry.sha256;
    if (!same) row.digestMismatches += 1;
    assert.ok(same, `${where}: SHA-256 of ${count} values differs`);
    return;
  }
  const expect = decodeArray(entry);
  const differ = [];
  for (let k = 0; k < count; k++) if (!Object.is(got[k], expect[k])) differ.push(k);
  row.mismatches += differ.length;
  const first = differ[0];
  assert.equal(differ.length, 0,
    `${where}: ${differ.length} of ${count} differ, first at ${first}: got ${got[first]}, expected ${expect[first]}`);
}

/** Apply one vectors op to `gen` under `kernel` and check it. */
function runOp(gen, op, kernel, where) {
  const options = { generator: gen, dtype: op.dtype };
  let got;
  switch (op.op) {
    case "manual_seed":
      assert.equal(gen.manualSeed(BigInt(op.seed)), gen);
      return;
    case "initial_seed":
      assert.equal(gen.initialSeed(), BigInt(op.expect), where);
      return;
    case "get_state":
      assert.equal(Buffer.from(gen.getState()).toString("hex"), op.expect, where);
      return;
    case "state_sha256":
      assert.equal(sha256(gen.getState()), op.expect, where);
      return;
    case "rand":
      got = T.rand(op.size, options);
      break;
    case "randn":
      got = T.randn(op.size, { ...options, kernel });
      break;
    case "normal":
      got = T.normal(fromHex(op.mean), fromHex(op.std), op.size, { ...options, kernel });
      break;
    case "uniform_":
      got = T.uniform_(new TYPED[op.dtype](count(op.size)), fromHex(op.a), fromHex(op.b), { ...options, kernel });
      break;
    case "randint":
      got = T.randint(BigInt(op.low), BigInt(op.high), op.size, options);
      break;
    case "randperm":
      got = T.randperm(op.n, { generator: gen });
      break;
    case "bernoulli_":
      got = T.bernoulli_(new TYPED[op.dtype](count(op.size)), fromHex(op.p), { generator: gen });
      break;
    case "bernoulli":
      got = T.bernoulli(decodeArray(op.p), { generator: gen, dtype: op.p.dtype });
      break;
    case "exponential_":
      got = T.exponential_(new TYPED[op.dtype](count(op.size)), fromHex(op.lambd), options);
      break;
    case "dropout_mask":
      got = T.dropoutMask(op.size, fromHex(op.p), options);
      break;
    case "init":
      got = initOp(gen, op, kernel);
      break;
    case "linear":
    case "conv2d":
      layerOp(gen, op, kernel, where);
      return;
    case "random_sampler": {
      const sampler = new T.data.RandomSampler(op.n, { replacement: op.replacement, numSamples: op.num_samples, generator: gen });
      assert.deepEqual([...sampler], op.expect, where);
      return;
    }
    case "epoch_plan":
      epochOp(gen, op, where);
      return;
    default:
      assert.fail(`${where}: unknown op ${op.op}`);
  }
  checkArray(got, op.expect, `${op.op} ${op.expect.dtype} [${kernel}]`, where);
}

function count(size) {
  return size.reduce((a, b) => a * b, 1);
}

/** A recorded kwargs value: float.hex text (it has a "p") as a number, names as they are. */
function kwarg(value) {
  return typeof value === "string" && value.includes("p") ? fromHex(value) : value;
}

/** nn.init.<fn> of an init op on a fresh array (JS names: kaiming_uniform_ -> kaimingUniform_). */
function initOp(gen, op, kernel) {
  const kwargs = Object.fromEntries(Object.entries(op.kwargs).map(([k, v]) => [k, kwarg(v)]));
  const out = new TYPED[op.dtype](count(op.shape));
  const options = { ...kwargs, generator: gen, kernel, dtype: op.dtype };
  const name = op.fn.replace(/_([a-z])/g, (_, c) => c.toUpperCase());
  const fn = T.nn.init[name];
  return ["uniform_", "normal_", "truncNormal_"].includes(name) ? fn(out, options) : fn(out, op.shape, options);
}

/** nn.Linear / nn.Conv2d parameters against the recorded weight and bias. */
function layerOp(gen, op, kernel, where) {
  const options = { ...op.kwargs, generator: gen, dtype: op.dtype, kernel };
  const [weight, bias] = op.op === "linear" ? T.nn.linearParameters(op.args[0], op.args[1], options)
    : T.nn.conv2dParameters(op.args[0], op.args[1], op.args[2], options);
  checkArray(weight, op.expect.weight, `${op.op} ${op.dtype} [${kernel}]`, `${where} weight`);
  if (op.expect.bias === null) assert.equal(bias, null, where);
  else checkArray(bias, op.expect.bias, `${op.op} ${op.dtype} [${kernel}]`, `${where} bias`);
}

/** The SHA-256 of uint32 words, little-endian. */
function wordsSha256(words) {
  return sha256(bytesOf(Uint32Array.from(words)));
}

/**
 * An epoch_plan op against the DataLoader epoch torch ran; without the loader's own generator `gen`
 * stands in for torch's default generator (its state is swapped into defaultGenerator and back).
 */
function epochOp(gen, op, where) {
  const options = { batchSize: op.batch_size, shuffle: op.shuffle, numWorkers: op.num_workers, dropLast: op.drop_last };
  let plan;
  if (op.loader_generator) {
    plan = T.data.epochPlan(op.n, { ...options, generator: gen });
  } else {
    const saved = T.getRngState();
    T.setRngState(gen.getState());
    plan = T.data.epochPlan(op.n, { ...options, generator: null });
    gen.setState(T.getRngState());
    T.setRngState(saved);
  }
  assert.equal(plan.baseSeed.toString(), op.expect.base_seed, `${where}: base seed`);
  assert.deepEqual(plan.batches, op.expect.batches, `${where}: batches`);
  assert.deepEqual(plan.batches.map((_, b) => plan.workerOf(b) ?? -1), op.expect.workers, `${where}: workers`);
  for (const [worker, seen] of Object.entries(op.expect.worker_seeds)) {
    const w = Number(worker);
    assert.equal(plan.workerSeed(w).toString(), seen.torch_initial_seed, `${where}: worker ${w} torch seed`);
    assert.equal(plan.pythonSeed(w).toString(), seen.info_seed, `${where}: worker ${w} seed`);
    assert.deepEqual(plan.numpySeed(w), seen.numpy_seed, `${where}: worker ${w} numpy seed`);
    assert.equal(wordsSha256(new RandomState(plan.numpySeed(w)).getState()[1]), seen.numpy_state_sha256, where);
    assert.equal(wordsSha256(new Random(plan.pythonSeed(w)).getstate()[1].slice(0, 624)), seen.python_state_sha256, where);
  }
}

function replay(c, kernel) {
  const gen = new T.Generator();
  if ("seed" in c.make) gen.manualSeed(BigInt(c.make.seed));
  else gen.setState(hexBytes(c.make.state));
  c.ops.forEach((op, i) => {
    runOp(gen, op, kernel, `${c.name} [${kernel}] op ${i} (${op.op} ${op.size ?? op.n ?? ""} ${op.dtype ?? ""})`);
  });
}

/** A case whose one op takes seconds and gigabytes (randperm(214748364)): replayed under one kernel. */
function heavy(c) {
  return c.ops.some((op) => op.n > 1e7);
}

describe("vectors/torch_cpu.json (torch 2.13.0)", () => {
  for (const c of CASES) {
    const kernels = c.kernel === "any" && !heavy(c) ? T.KERNELS : [c.kernel === "any" ? T.DEFAULT_KERNEL : c.kernel];
    for (const kernel of kernels) test(`${c.name} [${kernel}]`, () => replay(c, kernel));
  }
});

after(() => {
  if (!process.env.PRNG_TORCH_STATS) return;
  const rows = [...stats].sort(([a], [b]) => a.localeCompare(b));
  console.log("op dtype [kernel] | values | mismatches (hex arrays) | arrays by SHA-256 (differing)");
  for (const [key, r] of rows) {
    console.log(`${key} | ${r.values} | ${r.mismatches} | ${r.digests} (${r.digestMismatches})`);
  }
});

test("the vectors cover the acceptance list", () => {
  const ops = CASES.flatMap((c) => c.ops.map((op) => [op.op, op.dtype, JSON.stringify(op.size ?? null), c.kernel]));
  for (const name of ["rand", "randn"]) {
    for (const dtype of ["float32", "float64"]) {
      for (const size of [[1], [5], [15], [16], [17], [100], [1000], [1, 4, 8, 8]]) {
        const wanted = JSON.stringify(size);
        assert.ok(ops.some((o) => o[0] === name && o[1] === dtype && o[2] === wanted), `${name} ${dtype} ${size}`);
      }
    }
  }
  assert.ok(ops.some((o) => o[0] === "randn" && o[1] === "float32" && o[3] === "default"));
});

test("spec anchors (torch 2.13, manual_seed(0) before each)", () => {
  const g = () => new T.Generator().manualSeed(0);
  assert.deepEqual(Array.from(T.rand([3], { generator: g() })),
    [0.49625658988952637, 0.7682217955589294, 0.08847743272781372]);
  assert.deepEqual(Array.from(T.rand([2], { generator: g(), dtype: "float64" })),
    [0.9700530018065531, 0.707819864399788]);
  assert.deepEqual(Array.from(T.randn([3], { generator: g() })),
    [1.5409960746765137, -0.293428897857666, -2.1787893772125244]);
  assert.deepEqual(Array.from(T.randint(0, 10, [5], { generator: g() })), [4n, 9n, 3n, 0n, 3n]);
  assert.deepEqual(Array.from(T.randperm(8, { generator: g() })), [4n, 0n, 7n, 3n, 2n, 5n, 1n, 6n]);
});

// ---- 2. generator behaviour that needs no torch -------------------------------------------------

test("seed wrapping and the default seed", () => {
  assert.equal(new T.Generator().initialSeed(), T.DEFAULT_SEED);
  assert.equal(new T.Generator().manualSeed(-1).initialSeed(), 2n ** 64n - 1n);
  const a = T.rand(5, { generator: new T.Generator().manualSeed(-1) });
  const b = T.rand(5, { generator: new T.Generator().manualSeed(2 ** 32 - 1) });
  assert.deepEqual(a, b); // only the low 32 bits seed MT19937
});

test("a state round trip keeps the cached normal", () => {
  const gen = new T.Generator().manualSeed(3);
  T.randn(3, { generator: gen, dtype: "float64" });
  const state = gen.getState();
  const expect = T.randn(4, { generator: gen, dtype: "float64" });
  const other = new T.Generator();
  other.setState(state.slice().buffer);
  assert.deepEqual(other.getState(), state);
  assert.deepEqual(T.randn(4, { generator: other, dtype: "float64" }), expect);
});

test("the module-level default generator", () => {
  assert.equal(T.manualSeed(7), T.defaultGenerator);
  const first = T.rand(3);
  T.setRngState(new T.Generator().manualSeed(7).getState());
  assert.deepEqual(T.rand(3), first);
  assert.equal(T.initialSeed(), 7n);
  assert.equal(typeof T.seed(), "bigint");
});

test("randint(high, shape) and narrow dtypes", () => {
  const g = () => new T.Generator().manualSeed(5);
  assert.deepEqual(T.randint(10, [6], { generator: g() }), T.randint(0, 10, [6], { generator: g() }));
  const wide = T.randint(-1000, 1000, [50], { generator: g() });
  assert.deepEqual(T.randint(-1000, 1000, [50], { generator: g(), dtype: "int16" }), Int16Array.from(wide, Number));
  assert.deepEqual(T.randperm(50, { generator: g(), dtype: "uint8" }),
    Uint8Array.from(T.randperm(50, { generator: g() }), Number));
  assert.equal(T.rand([], { generator: g() }).length, 1); // 0-dim
  assert.equal(T.randn([2, 0, 3], { generator: g() }).length, 0);
});

// ---- 3. bad input -------------------------------------------------------------------------------

const BAD = [
  [() => new T.Generator().manualSeed(2n ** 64n), RangeError, /seed must be in \[-2\*\*63, 2\*\*64 - 1\]/],
  [() => new T.Generator().manualSeed(-(2n ** 63n) - 1n), RangeError, /seed must be in/],
  [() => new T.Generator().manualSeed(1.5), TypeError, /seed must be a safe integer or a bigint/],
  [() => new T.Generator().manualSeed("1"), TypeError, /seed must be/],
  [() => T.randint(5, 5, [3]), RangeError, /low < high/],
  [() => T.randint(0, 2n ** 63n + 1n, [3]), RangeError, /low < high/],
  [() => T.randint(0, 300, [3], { dtype: "uint8" }), RangeError, /uint8/],
  [() => T.randint(0, 1.5, [3]), TypeError, /high must be/],
  [() => T.randint(0, 5, [3], { dtype: "bool" }), TypeError, /dtype must be one of int64/],
  [() => T.randperm(-1), RangeError, /n must be a non-negative safe integer/],
  [() => T.randperm(257, { dtype: "uint8" }), RangeError, /n <= 256/],
  [() => T.randint(2 ** 25 + 1, 2 ** 25 + 3, [3], { dtype: "float32" }), RangeError, /collapse/],
  [() => T.rand(-2), RangeError, /shape\[0\] must be a non-negative safe integer/],
  [() => T.rand([2.5]), RangeError, /shape\[0\] must be a non-negative safe integer/],
  [() => T.rand("3"), TypeError, /shape must be/],
  [() => T.rand(2, { dtype: "int32" }), TypeError, /dtype must be one of float16, bfloat16, float32, float64/],
  [() => T.randn(2, { dtype: "banana" }), TypeError, /dtype must be one of float16, bfloat16, float32, float64/],
  [() => T.normal(0, 1, [2], { dtype: "torch.float32" }), TypeError, /dtype must be one of/],
  [() => T.rand(2, { dtype: null }), TypeError, /dtype must be one of/],
  [() => T.dropoutMask([2], 0.5, { dtype: "half" }), TypeError, /dtype must be one of/],
  [() => T.uniform_(new Uint16Array(3)), TypeError, /Uint16Array with dtype "float16" or "bfloat16"/],
  [() => T.normal_(new Float32Array(3), 0, 1, { dtype: "float64" }), TypeError, /out must be/],
  [() => T.bernoulli(new Uint16Array(3)), TypeError, /p must be/],
  [() => T.dropoutMask([3], 1.5), RangeError, /between 0 and 1/],
  [() => T.dropoutMask([3], "0.5"), TypeError, /p must be a number/],
  [() => T.nn.init.kaimingUniform_(new Float32Array(3), [3]), RangeError, /at least 2 dimensions/],
  [() => T.nn.init.kaimingUniform_(new Float32Array(6), [2, 2]), RangeError, /does not match/],
  [() => T.nn.init.kaimingNormal_(new Float32Array(4), [2, 2], { mode: "fan_mid" }), RangeError, /mode must be/],
  [() => T.nn.init.kaimingNormal_(new Float32Array(4), [2, 2], { nonlinearity: "swish" }), RangeError, /nonlinearity/],
  [() => T.nn.init.truncNormal_(new Uint16Array(4), { a: 2, b: 3, dtype: "float16" }), RangeError, /float16/],
  [() => T.nn.linearParameters(-1, 3), RangeError, /inFeatures must be a non-negative/],
  [() => T.nn.conv2dParameters(3, 4, 3, { groups: 2 }), RangeError, /divisible by groups/],
  [() => T.data.epochPlan(5, { batchSize: 0, shuffle: true, numWorkers: 0 }), RangeError, /batchSize/],
  [() => T.data.epochPlan(5, { batchSize: 2, shuffle: 1, numWorkers: 0 }), TypeError, /shuffle must be a boolean/],
  [() => new T.data.RandomSampler(0), RangeError, /numSamples should be a positive integer/],
  [() => T.data.epochPlan(5, { batchSize: 2, shuffle: true, numWorkers: 2 }).workerSeed(2), RangeError, /workerId/],
  [() => T.randn(20, { kernel: "sse" }), RangeError, /kernel must be one of avx2, default/],
  [() => T.normal(0, -1, [3]), RangeError, /std >= 0/],
  [() => T.uniform_(new Float64Array(3), 2, 1), RangeError, /a <= b/],
  [() => T.uniform_([0, 0, 0], 0, 1), TypeError, /out must be a Float32Array, a Float64Array, or a Uint16Array/],
  [() => T.bernoulli_(new Float64Array(3), 1.5), RangeError, /0 <= p <= 1/],
  [() => T.bernoulli(new Float64Array([0.5, 2])), RangeError, /0 <= p <= 1/],
  [() => T.exponential_(new Float64Array(3), 0), RangeError, /lambd > 0/],
  [() => T.rand(2, { generator: "g" }), TypeError, /generator must be a compat.torch.Generator/],
  [() => new T.Generator("cuda"), RangeError, /device must be "cpu"/],
  [() => new T.Generator().setState(new Uint8Array(10)), RangeError, /5056 bytes/],
  [() => new T.Generator().setState(new Uint8Array(T.STATE_SIZE)), RangeError, /invalid MT position/],
  [() => new T.Generator().setState("state"), TypeError, /state must be a Uint8Array or an ArrayBuffer/],
];

test("bad input raises TypeError/RangeError naming the argument", () => {
  for (const [call, error, message] of BAD) {
    assert.throws(call, (e) => e instanceof error && message.test(e.message), String(call));
  }
});
