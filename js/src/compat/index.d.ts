/** Types of `prng.compat`: framework reproductions over the bit generators. */
import type { SeedrandomSeed, SeedrandomState } from "../index.js";

/** seedrandom 3.0.5's callable. */
export interface SeedrandomRng {
  (): number;
  double(): number;
  int32(): number;
  quick(): number;
  state(): SeedrandomState;
}

/** `seedrandom(seed, {state})` as seedrandom 3.0.5's default generator (`.state()` always present). */
export function seedrandom(seed?: SeedrandomSeed | null, options?: { state?: SeedrandomState | boolean }): SeedrandomRng;

export * as python from "./python.js";
export * as numpy from "./numpy.js";
export * as torch from "./torch.js";
export * as jax from "./jax.js";
