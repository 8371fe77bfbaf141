/**
 * The seedrandom-style front: `prng(seed, {algorithm, state})` returns a function giving doubles
 * (the bit generator's `nextDouble`), with `.int32()`, `.uint32()`, `.quick()`, `.double()` and
 * `.state()` (the portable JSON state, which `{state}` accepts back).
 */
import { ARC4 } from "./arc4.js";
import { describe } from "./checks.js";
import { MidSquare } from "./midsquare.js";
import { MiddleSquareWeyl } from "./msws.js";
import { MT19937 } from "./mt19937.js";
import { PCG64, PCG64DXSM } from "./pcg64.js";
import { Philox } from "./philox.js";
import { Philox4x32 } from "./philox4x32.js";
import { SFC64 } from "./sfc64.js";
import { Threefry, Threefry2x32 } from "./threefry.js";

/** Algorithm name -> [class, a seed to construct with when only a state is given]. */
const ALGORITHMS = {
  pcg64: [PCG64, 0],
  pcg64dxsm: [PCG64DXSM, 0],
  mt19937: [MT19937, 0],
  philox: [Philox, 0],
  philox4x32: [Philox4x32, 0],
  threefry: [Threefry, 0],
  threefry2x32: [Threefry2x32, 0],
  sfc64: [SFC64, 0],
  msws: [MiddleSquareWeyl, 1],
  midsquare: [MidSquare, 0],
  arc4: [ARC4, ""],
};

/**
 * `prng(seed, {algorithm = "pcg64", state})`: `seed` as the algorithm's constructor takes it
 * (undefined: OS entropy where the algorithm allows it); `state` (a `.state()` object) resumes.
 */
export function prng(seed, { algorithm = "pcg64", state } = {}) {
  if (!Object.hasOwn(ALGORITHMS, algorithm)) {
    throw new RangeError(`algorithm must be one of ${Object.keys(ALGORITHMS).join(", ")}, got ${describe(algorithm)}`);
  }
  const [Class, placeholder] = ALGORITHMS[algorithm];
  const gen = new Class(seed === undefined && state !== undefined ? placeholder : seed);
  if (state !== undefined) gen.state = state;
  const rng = () => gen.nextDouble();
  rng.double = rng;
  rng.uint32 = () => gen.nextUint32();
  rng.int32 = () => gen.nextUint32() | 0;
  rng.quick = () => gen.nextUint32() * 2 ** -32;
  rng.state = () => gen.state;
  rng.bitGenerator = gen;
  return rng;
}
