/**
 * Throughput of prng's JS generators against seedrandom 3.0.5 (ARC4, alea), pure-rand's mersenne and
 * @stdlib/random-base-mt19937. Every case runs in a fresh node process (2 warm-up + 5 timed runs of
 * N values, the process reports its median); each case is run in PROCESSES processes and the table
 * gives the median of those medians, with their range. Time is the process's CPU time (user +
 * system), so other jobs on a shared machine distort the figures less than wall time. Writes
 * bench/RESULTS.md.
 *
 *   node bench/bench.mjs              # all cases (a few minutes); writes bench/RESULTS.md
 *   node bench/bench.mjs --only RE    # the cases whose name matches RE; prints, writes nothing
 *   node bench/bench.mjs --case X     # one case in this process (what the driver spawns)
 */
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { writeFileSync } from "node:fs";
import os from "node:os";
import { fileURLToPath } from "node:url";

import {
  ARC4, compat, defaultRng, MiddleSquareWeyl, MT19937, PCG64, PCG64DXSM, Philox, Philox4x32, SFC64, Threefry,
  Threefry2x32,
} from "../src/index.js";

const require = createRequire(import.meta.url);
const N = 5_000_000;
const WARMUP = 2;
const RUNS = 5;
const PROCESSES = 3;
const BLOCK = 1 << 16;
const SIZE = 1_000_000; // values per distribution call (numpy's n = 10^6 of the Python bench)

/** A scalar loop: `n` calls of `next`, folded into a checksum so the work cannot be dropped. */
function scalar(make, next) {
  return () => {
    const g = make();
    return (n) => {
      let acc = 0;
      for (let i = 0; i < n; i++) acc += next(g);
      return acc;
    };
  };
}

/** A bulk loop: `fill` into a reused typed array until `n` values are written. */
function bulk(make, Array_, fill) {
  return () => {
    const g = make();
    const out = new Array_(BLOCK);
    return (n) => {
      let acc = 0;
      for (let done = 0; done < n; done += BLOCK) acc += Number(fill(g, out)[BLOCK - 1]);
      return acc;
    };
  };
}

/** `randomRaw(BLOCK)` until `n` 64-bit values are drawn. */
function raw(make) {
  return () => {
    const g = make();
    return (n) => {
      let acc = 0;
      for (let done = 0; done < n; done += BLOCK) acc += Number(g.randomRaw(BLOCK)[BLOCK - 1] & 0xffffn);
      return acc;
    };
  };
}

/**
 * A distribution call of SIZE values (`call(g, SIZE)` returns a typed array, allocated by the call as
 * a user's would be) until `n` values are drawn.
 */
function calls(make, call) {
  return () => {
    const g = make();
    return (n) => {
      let acc = 0;
      for (let done = 0; done < n; done += SIZE) acc += Number(call(g, SIZE)[SIZE - 1]);
      return acc;
    };
  };
}

/** compat.jax draws a block per call (its own key each time: the cost of one call of jax's shape). */
const jaxNormal = (key, out) => compat.jax.normal(key, [out.length]);

const seedrandom = () => require("seedrandom");
const pureMersenne = async () => (await import("pure-rand/generator/mersenne")).mersenne;
const pureUniformInt = async () => (await import("pure-rand/distribution/uniformInt")).uniformInt;
const pureUniformFloat64 = async () => (await import("pure-rand/distribution/uniformFloat64")).uniformFloat64;

/** pure-rand is ESM-only here, so its setups are asynchronous: a scalar loop of `next(mersenne, fn)`. */
function pureRand(load, next) {
  return async () => {
    const [mersenne, fn] = await Promise.all([pureMersenne(), load()]);
    return scalar(() => mersenne(5489), (g) => next(g, fn))();
  };
}
const stdlibMt = () => require("@stdlib/random-base-mt19937");
const torch = compat.torch;
const torchGen = () => new torch.Generator().manualSeed(1);

/** name -> [group, reference case of the group (or null), setup]. */
const CASES = {
  "seedrandom ARC4 ()": ["ARC4 doubles", null, scalar(() => seedrandom()("hello."), (g) => g())],
  "prng ARC4 nextDouble": ["ARC4 doubles", "seedrandom ARC4 ()", scalar(() => new ARC4("hello."), (g) => g.nextDouble())],
  "prng ARC4 fillDouble": ["ARC4 doubles", "seedrandom ARC4 ()", bulk(() => new ARC4("hello."), Float64Array, (g, o) => g.fillDouble(o))],
  "prng compat.seedrandom ()": ["ARC4 doubles", "seedrandom ARC4 ()", scalar(() => compat.seedrandom("hello."), (g) => g())],
  "seedrandom ARC4 int32": ["ARC4 words", null, scalar(() => seedrandom()("hello."), (g) => g.int32())],
  "prng ARC4 nextUint32": ["ARC4 words", "seedrandom ARC4 int32", scalar(() => new ARC4("hello."), (g) => g.nextUint32())],
  "prng ARC4 fillUint32": ["ARC4 words", "seedrandom ARC4 int32", bulk(() => new ARC4("hello."), Uint32Array, (g, o) => g.fillUint32(o))],
  "seedrandom alea ()": ["other references", null, scalar(() => seedrandom().alea("hello."), (g) => g())],
  "pure-rand mersenne next": ["MT19937 words", null, pureRand(async () => null, (g) => g.next())],
  "@stdlib mt19937 ()": ["MT19937 words", "pure-rand mersenne next", scalar(() => stdlibMt().factory({ seed: 5489 }), (g) => g())],
  "prng MT19937 nextUint32": ["MT19937 words", "pure-rand mersenne next", scalar(() => MT19937.fromGenrand(5489), (g) => g.nextUint32())],
  "prng MT19937 fillUint32": ["MT19937 words", "pure-rand mersenne next", bulk(() => MT19937.fromGenrand(5489), Uint32Array, (g, o) => g.fillUint32(o))],
  "prng MT19937 randomRaw": ["MT19937 words", "pure-rand mersenne next", raw(() => new MT19937(1))],
  "@stdlib mt19937 normalized": ["MT19937 doubles", null, scalar(() => stdlibMt().factory({ seed: 5489 }), (g) => g.normalized())],
  "prng MT19937 nextDouble": ["MT19937 doubles", "@stdlib mt19937 normalized", scalar(() => new MT19937(1), (g) => g.nextDouble())],
  "prng MT19937 fillDouble": ["MT19937 doubles", "@stdlib mt19937 normalized", bulk(() => new MT19937(1), Float64Array, (g, o) => g.fillDouble(o))],
  "prng PCG64 nextUint32": ["PCG64", null, scalar(() => new PCG64(1), (g) => g.nextUint32())],
  "prng PCG64 fillUint32": ["PCG64", null, bulk(() => new PCG64(1), Uint32Array, (g, o) => g.fillUint32(o))],
  "prng PCG64 randomRaw": ["PCG64", null, raw(() => new PCG64(1))],
  "prng PCG64 nextDouble": ["PCG64", null, scalar(() => new PCG64(1), (g) => g.nextDouble())],
  "prng PCG64 fillDouble": ["PCG64", null, bulk(() => new PCG64(1), Float64Array, (g, o) => g.fillDouble(o))],
  "prng PCG64DXSM fillUint32": ["PCG64", null, bulk(() => new PCG64DXSM(1), Uint32Array, (g, o) => g.fillUint32(o))],
  "prng PCG64DXSM randomRaw": ["PCG64", null, raw(() => new PCG64DXSM(1))],
  "prng Philox fillUint32": ["Philox", null, bulk(() => new Philox(1), Uint32Array, (g, o) => g.fillUint32(o))],
  "prng Philox randomRaw": ["Philox", null, raw(() => new Philox(1))],
  "prng Philox4x32 nextUint32": ["Philox", null, scalar(() => new Philox4x32(1), (g) => g.nextUint32())],
  "prng Philox4x32 fillUint32": ["Philox", null, bulk(() => new Philox4x32(1), Uint32Array, (g, o) => g.fillUint32(o))],
  "prng SFC64 fillUint32": ["SFC64", null, bulk(() => new SFC64(1), Uint32Array, (g, o) => g.fillUint32(o))],
  "prng SFC64 randomRaw": ["SFC64", null, raw(() => new SFC64(1))],
  "prng SFC64 fillDouble": ["SFC64", null, bulk(() => new SFC64(1), Float64Array, (g, o) => g.fillDouble(o))],
  "prng Threefry fillUint32": ["Threefry", null, bulk(() => new Threefry(1), Uint32Array, (g, o) => g.fillUint32(o))],
  "prng Threefry2x32 fillUint32": ["Threefry", null, bulk(() => new Threefry2x32(1), Uint32Array, (g, o) => g.fillUint32(o))],
  "prng compat.jax normal float32": ["Threefry", null, bulk(() => compat.jax.PRNGKey(0), Float32Array, jaxNormal)],
  "prng MiddleSquareWeyl fillUint32": ["other", null, bulk(() => new MiddleSquareWeyl(0xb5ad4eceda1ce2a9n), Uint32Array, (g, o) => g.fillUint32(o))],
  // The distribution layer: calls of SIZE = 10^6 values on default_rng(1) (PCG64), RandomState(1)
  // (MT19937), a compat.torch Generator seeded with 1 and compat.python.Random(1).
  "pure-rand uniformFloat64 (mersenne)": ["Generator", null, pureRand(pureUniformFloat64, (g, f) => f(g))],
  "pure-rand uniformInt(0, 999) (mersenne)": ["Generator", null, pureRand(pureUniformInt, (g, f) => f(g, 0, 999))],
  "Generator random": ["Generator", "pure-rand uniformFloat64 (mersenne)", calls(() => defaultRng(1), (g, n) => g.random(n))],
  "Generator random float32": ["Generator", null, calls(() => defaultRng(1), (g, n) => g.random(n, { dtype: "float32" }))],
  "Generator integers(0, 1000)": ["Generator", "pure-rand uniformInt(0, 999) (mersenne)", calls(() => defaultRng(1), (g, n) => g.integers(0, 1000, n))],
  "Generator integers(0, 1000) int32": ["Generator", null, calls(() => defaultRng(1), (g, n) => g.integers(0, 1000, n, { dtype: "int32" }))],
  "Generator integers(0, 2**40)": ["Generator", null, calls(() => defaultRng(1), (g, n) => g.integers(0, 2 ** 40, n))],
  "Generator standardNormal": ["Generator", null, calls(() => defaultRng(1), (g, n) => g.standardNormal(n))],
  "Generator standardNormal float32": ["Generator", null, calls(() => defaultRng(1), (g, n) => g.standardNormal(n, { dtype: "float32" }))],
  "Generator standardExponential": ["Generator", null, calls(() => defaultRng(1), (g, n) => g.standardExponential(n))],
  "Generator permutation": ["Generator", null, calls(() => defaultRng(1), (g, n) => g.permutation(n))],
  "Generator choice": ["Generator", null, calls(() => defaultRng(1), (g, n) => g.choice(1000, n))],
  "Generator choice replace=false": ["Generator", null, calls(() => defaultRng(1), (g, n) => g.choice(n, n, { replace: false }))],
  "RandomState rand": ["RandomState", null, calls(() => new compat.numpy.RandomState(1), (g, n) => g.rand(n))],
  "RandomState randn": ["RandomState", null, calls(() => new compat.numpy.RandomState(1), (g, n) => g.randn(n))],
  "RandomState randint(0, 1000)": ["RandomState", null, calls(() => new compat.numpy.RandomState(1), (g, n) => g.randint(0, 1000, n))],
  "torch rand": ["compat.torch", null, calls(torchGen, (g, n) => torch.rand([n], { generator: g }))],
  "torch rand float64": ["compat.torch", null, calls(torchGen, (g, n) => torch.rand([n], { generator: g, dtype: "float64" }))],
  "torch randn": ["compat.torch", null, calls(torchGen, (g, n) => torch.randn([n], { generator: g }))],
  "torch randn kernel=default": ["compat.torch", null, calls(torchGen, (g, n) => torch.randn([n], { generator: g, kernel: "default" }))],
  "torch randn float64": ["compat.torch", null, calls(torchGen, (g, n) => torch.randn([n], { generator: g, dtype: "float64" }))],
  "torch randint(0, 1000)": ["compat.torch", null, calls(torchGen, (g, n) => torch.randint(0, 1000, [n], { generator: g }))],
  "torch randperm": ["compat.torch", null, calls(torchGen, (g, n) => torch.randperm(n, { generator: g }))],
  "python Random().random()": ["compat.python", null, scalar(() => new compat.python.Random(1), (g) => g.random())],
};

/** The run function of case `name` (setups are synchronous or, for pure-rand, asynchronous). */
async function setupCase(name) {
  return await CASES[name][2]();
}

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  return s[s.length >> 1];
}

/** One case in this process: prints the median M values/s of RUNS timed runs. */
async function runCase(name) {
  const run = await setupCase(name);
  for (let k = 0; k < WARMUP; k++) run(N);
  const rates = [];
  for (let k = 0; k < RUNS; k++) {
    const cpu = process.cpuUsage();
    run(N);
    const used = process.cpuUsage(cpu);
    rates.push(N / (used.user + used.system)); // values per microsecond = M values/s
  }
  process.stdout.write(JSON.stringify({ median: median(rates) }));
}

function machine() {
  const cpus = os.cpus();
  return `${cpus[0]?.model ?? "unknown CPU"}, ${cpus.length} cores, ${os.platform()} ${os.release()}, node ${process.version}`;
}

/** Runs every case (or those `only` matches) PROCESSES times in fresh processes; writes the table for all. */
function runAll(only) {
  const self = fileURLToPath(import.meta.url);
  const names = Object.keys(CASES).filter((name) => !only || only.test(name));
  const results = {};
  for (let p = 0; p < PROCESSES; p++) {
    for (const name of names) {
      const out = execFileSync(process.execPath, [self, "--case", name], { encoding: "utf8" });
      (results[name] ??= []).push(JSON.parse(out).median);
    }
  }
  const rows = names.map((name) => {
    const [group, reference] = CASES[name];
    const m = median(results[name]);
    const ratio = reference && results[reference] ? (m / median(results[reference])).toFixed(2) + "x " + reference : "";
    const range = `${Math.min(...results[name]).toFixed(1)}-${Math.max(...results[name]).toFixed(1)}`;
    console.log(`${name.padEnd(34)} ${m.toFixed(1).padStart(7)} M/s  [${range}]  ${ratio}`);
    return `| ${group} | ${name} | ${m.toFixed(1)} | ${range} | ${ratio} |`;
  });
  if (only) return;
  const text = [
    "# JS benchmark results",
    "",
    `Machine: ${machine()}; load average at start ${os.loadavg().map((l) => l.toFixed(2)).join(", ")}`,
    "(shared with other jobs: figures use each process's CPU time, not wall time, and are still noisy;",
    "ratios within a group are the more stable figures).",
    "",
    `Method: \`npm run bench\` (\`node bench/bench.mjs\`). Each case runs in a fresh node process: ${WARMUP} warm-up and ${RUNS} timed`,
    `runs of ${N / 1e6} M values, the process reports its median; each case ran in ${PROCESSES} processes and the`,
    "table gives the median of those medians and their range. Scalar cases sum every value into an",
    `accumulator; bulk cases refill one ${BLOCK}-element typed array. \`randomRaw\` counts 64-bit values.`,
    `Distribution cases (groups Generator, RandomState, compat.torch) make calls of ${SIZE / 1e6} M values, each into`,
    "a new typed array as a user's call does (`permutation` of 10^6 takes 1000 / (M values/s) ms).",
    "",
    "| group | case | M values/s | range | ratio to reference |",
    "|---|---|---:|---:|---|",
    ...rows,
    "",
  ].join("\n");
  writeFileSync(new URL("./RESULTS.md", import.meta.url), text);
}

const at = process.argv.indexOf("--case");
const onlyAt = process.argv.indexOf("--only");
if (at >= 0) await runCase(process.argv[at + 1]);
else runAll(onlyAt >= 0 ? new RegExp(process.argv[onlyAt + 1]) : null);
