/** The public entry point of the `prng-bitexact` npm package (the JavaScript half of prng; its API mirrors the Python package). */
export { SeedSequence } from "./seedsequence.js";
export { PCG64, PCG64DXSM } from "./pcg64.js";
export { MT19937 } from "./mt19937.js";
export { Philox } from "./philox.js";
export { Philox4x32 } from "./philox4x32.js";
export { Threefry, Threefry2x32 } from "./threefry.js";
export { SFC64 } from "./sfc64.js";
export { MidSquare } from "./midsquare.js";
export { MiddleSquareWeyl } from "./msws.js";
export { ARC4 } from "./arc4.js";
export { Generator, defaultRng } from "./generator.js";
export { prng, prng as default } from "./prng.js";
export * as compat from "./compat/index.js";
