/** Types of compat/seedrandom_lib.js: seedrandom 3.0.5's lib/ generators. */

/** A seedrandom generator: 32-bit doubles in [0, 1) (alea: its own doubles), and its other draws. */
export interface SeedrandomPrng {
  (): number;
  /** 53 bits in [0, 1). */
  double(): number;
  /** A signed 32-bit integer. */
  int32(): number;
  /** 32 bits in [0, 1). */
  quick(): number;
}

export interface AleaState { c: number; s0: number; s1: number; s2: number }
export interface Xor128State { x: number; y: number; z: number; w: number }
export interface XorwowState { x: number; y: number; z: number; w: number; v: number; d: number }
export interface Xorshift7State { x: number[]; i: number }
export interface Xor4096State { i: number; w: number; X: number[] }
export interface TycheiState { a: number; b: number; c: number; d: number }

/**
 * One of seedrandom's lib/ generators: `name(seed, {state})`; `.state()` only when `state` is given
 * (true, or a saved state to resume from). Also callable with `new`, as seedrandom's.
 */
export interface LibGenerator<S> {
  (seed: unknown, options: { state: true | S }): SeedrandomPrng & { state(): S };
  (seed?: unknown, options?: { state?: false | null }): SeedrandomPrng;
  new (seed: unknown, options: { state: true | S }): SeedrandomPrng & { state(): S };
  new (seed?: unknown, options?: { state?: false | null }): SeedrandomPrng;
}

export const alea: LibGenerator<AleaState>;
export const xor128: LibGenerator<Xor128State>;
export const xorwow: LibGenerator<XorwowState>;
export const xorshift7: LibGenerator<Xorshift7State>;
export const xor4096: LibGenerator<Xor4096State>;
export const tychei: LibGenerator<TycheiState>;
