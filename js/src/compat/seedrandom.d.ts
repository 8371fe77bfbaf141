/** Types of compat/seedrandom.js: seedrandom 3.0.5's `seedrandom` with all its options and lib/ generators. */
import type { SeedrandomSeed, SeedrandomState } from "../index.js";
import type { LibGenerator, SeedrandomPrng, AleaState, Xor128State, XorwowState, Xorshift7State, Xor4096State, TycheiState } from "./seedrandom_lib.js";

export type { SeedrandomPrng } from "./seedrandom_lib.js";

/** `pass` / the legacy callback: receives the generator, the short seed, `global` and `state`. */
export type SeedrandomCallback<R = unknown> = (
  prng: SeedrandomPrng,
  shortseed: string,
  global: unknown,
  state: boolean | SeedrandomState | undefined,
) => R;

export interface SeedrandomOptions {
  /** Mix the module's entropy pool into the seed (not reproducible). */
  entropy?: boolean;
  /** Replace `Math.random` and return the short seed (truthy), or not (falsy). */
  global?: unknown;
  /** Add `.state()`; a saved state object resumes that generator. */
  state?: boolean | SeedrandomState;
  pass?: SeedrandomCallback;
}

/** seedrandom 3.0.5's `seedrandom` (and `Math.seedrandom` once assigned). */
export interface Seedrandom {
  <R>(seed: SeedrandomSeed | null | undefined, options: SeedrandomOptions & { pass: SeedrandomCallback<R> }): R;
  <R>(seed: SeedrandomSeed | null | undefined, options: SeedrandomOptions | boolean | null | undefined, callback: SeedrandomCallback<R>): R;
  (seed: SeedrandomSeed | null | undefined, options: SeedrandomOptions & { global: true }): string;
  (seed: SeedrandomSeed | null | undefined, options: SeedrandomOptions & { state: true | SeedrandomState }): SeedrandomPrng & { state(): SeedrandomState };
  (seed?: SeedrandomSeed | null, options?: SeedrandomOptions | boolean): SeedrandomPrng;
  new (seed?: SeedrandomSeed | null, options?: SeedrandomOptions | boolean): SeedrandomPrng;
  alea: LibGenerator<AleaState>;
  xor128: LibGenerator<Xor128State>;
  xorwow: LibGenerator<XorwowState>;
  xorshift7: LibGenerator<Xorshift7State>;
  xor4096: LibGenerator<Xor4096State>;
  tychei: LibGenerator<TycheiState>;
}

/** seedrandom 3.0.5's default export (its entropy pool started at module load). */
export const seedrandom: Seedrandom;

/** A freshly loaded seedrandom: its own entropy pool, started from `mathRandom` (default: `Math.random()`). */
export function loadSeedrandom(mathRandom?: number): Seedrandom;
