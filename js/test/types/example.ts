// A typed usage example, checked by `tsc --noEmit` in `npm test` (it is not run).
import prng, { compat, defaultRng, Generator, MT19937, PCG64, Philox4x32, SeedSequence, SFC64, Threefry2x32, type PCG64State } from "prng-bitexact";

const gen = new PCG64(2n ** 63n + 5n);
const raw: BigUint64Array = gen.randomRaw(10);
const words: Uint32Array = gen.fillUint32(new Uint32Array(8));
const saved: PCG64State = gen.state;
gen.state = saved;
const next: PCG64 = gen.jumped(2).advance(-5n);
const mt = MT19937.fromArray([0x123, 0x234, 0x345, 0x456]);
const u: number = mt.nextUint32();
const big: bigint = mt.nextUint64();
const philox = new Philox4x32(undefined, { counter: [1, 2, 3, 4], key: 5n });
const tf: Threefry2x32 = new Threefry2x32(undefined, { key: [1, 2] }).advance(5n, true).jumped(1);
const sfc: bigint = new SFC64(42).nextUint64();
const jkey: Uint32Array = compat.jax.foldIn(compat.jax.split(compat.jax.PRNGKey(42), 3).subarray(2, 4), 7);
const jnormal = compat.jax.normal(jkey, [2, 3], { dtype: "bfloat16", partitionable: false });
const jperm: Int32Array = compat.jax.permutation(jkey, 10);
const jint = compat.jax.randint(jkey, [4], { minval: 0, maxval: 2n ** 40n, dtype: "int64" });
const seeds: Uint32Array = new SeedSequence(42).generateState(4);
const seeds64: BigUint64Array = new SeedSequence(42, { spawnKey: [1] }).generateState(2, "uint64");
const rng = prng(42, { algorithm: "mt19937" });
const d: number = rng() + rng.double() + rng.quick() + rng.int32() + rng.uint32();
const sr = compat.seedrandom("hello.", { state: true });
const s = sr.state();
const resumed = compat.seedrandom("", { state: s });
const uniform: Float64Array = new Generator(new PCG64(1)).random(4);
const r0 = defaultRng(42).random();
const py = new compat.python.Random(42).random() + new compat.python.Random("s").vonmisesvariate(0, 1);
const bytes: Uint8Array = new compat.python.Random(-1.5).randbytes(4);
const xs = compat.seedrandom.xor4096("hello.", { state: true });
const xsState: number[] = xs.state().X;
const short: string = compat.seedrandom("hello.", { global: true });
const passed: number = compat.seedrandom("x", { pass: (p) => p() });
const fresh = compat.loadSeedrandom(0.5)("x", true).int32();
export { uniform, r0, py, bytes, xsState, short, passed, fresh };
export { jnormal, jperm, jint, tf, sfc, raw, words, next, u, big, philox, seeds, seeds64, d, resumed };

const torch = compat.torch;
const tgen = new torch.Generator().manualSeed(42);
const latent: Uint16Array = torch.randn([1, 4, 64, 64], { generator: tgen, dtype: "float16" });
const bf: Uint16Array = torch.uniform_(new Uint16Array(4), -1, 1, { generator: tgen, dtype: "bfloat16" });
const keep: Uint8Array = torch.dropoutMask([2, 8], 0.1, { generator: tgen });
const w: Float32Array = torch.nn.init.kaimingUniform_(new Float32Array(6), [2, 3], { a: Math.sqrt(5), generator: tgen });
const [weight, bias] = torch.nn.linearParameters(3, 2, { generator: tgen });
const plan = torch.data.epochPlan(10, { batchSize: 3, shuffle: true, numWorkers: 2, generator: tgen });
const firstWorker: number | null = plan.workerOf(0);
const order: number[] = [...new torch.data.RandomSampler(10, { generator: tgen })];
export { latent, bf, keep, w, weight, bias, firstWorker, order };

// Continuous distributions on Generator and RandomState (scalar, sized and broadcast forms).
const cg = defaultRng(3);
const cOne: number = cg.gamma(2.0) + cg.normal() + cg.vonmises(0, 1) + cg.standardGamma(0.5);
const cMany: Float64Array = cg.normal([0, 1, 2], 1.0);
const cF32: Float32Array = cg.standardGamma(0.5, 4, { dtype: "float32" });
const cInv: Float64Array = cg.standardExponential(3, { method: "inv" });
const cDir: Float64Array = cg.dirichlet([0.5, 1.5], 2);
const crs = new compat.numpy.RandomState(5);
const cLegacy: Float64Array = crs.beta(0.5, 0.5, 3);
const cLegacyOne: number = crs.standardExponential() + crs.noncentralF(3, 5, 2) + crs.uniform(-1, 1);
export { cOne, cMany, cF32, cInv, cDir, cLegacy, cLegacyOne };

// Discrete distributions: one bigint for scalar parameters, else a BigInt64Array.
const dgen = defaultRng(0);
const onePoisson: bigint = dgen.poisson(3);
const poissons: BigInt64Array = dgen.poisson([1, 2, 3]);
const binomials: BigInt64Array = dgen.binomial(10, 0.5, 4);
const counts: BigInt64Array = dgen.multinomial(10, [0.2, 0.8]);
const failures: bigint = dgen.negativeBinomial(3, 0.5);
const ranged: BigInt64Array = dgen.integers([0, 10], [5n, 20]);
const marbles: BigInt64Array = dgen.multivariateHypergeometric([3, 4], 2, 5, { method: "count" });
const legacyHyper: bigint = new compat.numpy.RandomState(1).hypergeometric(5, 5, 3);
const maxints: BigInt64Array = new compat.numpy.RandomState(1).tomaxint(3);
export { onePoisson, poissons, binomials, counts, failures, ranged, marbles, legacyHyper, maxints };
