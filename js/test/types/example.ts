// A typed usage example, checked by `tsc --noEmit` in `npm test` (it is not run).
import prng, { compat, defaultRng, Generator, MT19937, PCG64, Philox4x32, SeedSequence, type PCG64State } from "prng-bitexact";

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
const seeds: Uint32Array = new SeedSequence(42).generateState(4);
const seeds64: BigUint64Array = new SeedSequence(42, { spawnKey: [1] }).generateState(2, "uint64");
const rng = prng(42, { algorithm: "mt19937" });
const d: number = rng() + rng.double() + rng.quick() + rng.int32() + rng.uint32();
const sr = compat.seedrandom("hello.", { state: true });
const s = sr.state();
const resumed = compat.seedrandom("", { state: s });
const uniform: Float64Array = new Generator(new PCG64(1)).random(4);
const r0 = defaultRng(42).random();
const py = new compat.python.Random(42).random();
export { uniform, r0, py, raw, words, next, u, big, philox, seeds, seeds64, d, resumed };

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
