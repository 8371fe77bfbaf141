/** Framework reproductions (`prng.compat`): thin layers over the bit generators. */
export { loadSeedrandom, seedrandom } from "./seedrandom.js";
export * as python from "./python.js";
export * as numpy from "./numpy.js";
export * as torch from "./torch.js";
export * as jax from "./jax.js";
