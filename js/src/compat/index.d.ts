/** Types of `prng.compat`: framework reproductions over the bit generators. */
export { seedrandom, loadSeedrandom } from "./seedrandom.js";
export type { Seedrandom, SeedrandomCallback, SeedrandomOptions, SeedrandomPrng } from "./seedrandom.js";

export * as python from "./python.js";
export * as numpy from "./numpy.js";
export * as torch from "./torch.js";
export * as jax from "./jax.js";
