// A typed usage example, checked by `tsc --noEmit` in `npm test` (it is not run).
import prng, { compat, defaultRng, Generator, MT19937, PCG64, Philox4x32, SeedSequence, SFC64, Threefry2x32, type PCG64State } from "prng";

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
export { tf, sfc, uniform, r0, py, raw, words, next, u, big, philox, seeds, seeds64, d, resumed };
