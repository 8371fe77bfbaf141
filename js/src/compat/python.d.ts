/** Types of compat/python.js: CPython 3.11's `random.Random`. */
import type { Int } from "../index.js";
import type { Sequence, ElementOf } from "../generator.js";

/** `getstate()`: `[3, [624 key words..., index], gaussNext]` (version 2 states are accepted too). */
export type PythonRandomState = [version: 2 | 3, internal: Int[], gaussNext: number | null];

/**
 * A seed: a safe-integer number, bigint or boolean (Python's int), any other number but NaN
 * (Python's float, by its hash), a string or a Uint8Array (str, bytes), or undefined/null (OS entropy).
 */
export type PythonSeed = Int | boolean | string | Uint8Array | null | undefined;

/** A population: an Array, a typed array or a string (a Python sequence). */
export type Population = Sequence | string;
type Element<S> = S extends string ? string : ElementOf<S>;

export class Random {
  constructor(x?: PythonSeed);
  /** CPython's cached second Box-Muller value. */
  gaussNext: number | null;
  /** `version` 2 (default) or 1 (Python 2's string hash for strings and bytes). */
  seed(a?: PythonSeed, version?: number): void;
  getstate(): PythonRandomState;
  setstate(state: PythonRandomState): void;
  random(): number;
  getrandbits(k: number): bigint;
  randbytes(n: number): Uint8Array;
  /** Numbers in, a number out; a bigint argument gives a bigint. */
  randrange(stop: number): number;
  randrange(start: number, stop: number, step?: number): number;
  randrange(start: Int, stop?: Int, step?: Int): bigint;
  randint(a: number, b: number): number;
  randint(a: Int, b: Int): bigint;
  choice<S extends Population>(seq: S): Element<S>;
  shuffle(x: Sequence): void;
  sample<S extends Population>(population: S, k: number, options?: { counts?: ArrayLike<number> }): Element<S>[];
  choices<S extends Population>(population: S, options?: { weights?: ArrayLike<number>; cumWeights?: ArrayLike<number>; k?: number }): Element<S>[];
  uniform(a: number, b: number): number;
  triangular(low?: number, high?: number, mode?: number | null): number;
  normalvariate(mu?: number, sigma?: number): number;
  gauss(mu?: number, sigma?: number): number;
  lognormvariate(mu: number, sigma: number): number;
  expovariate(lambd: number): number;
  vonmisesvariate(mu: number, kappa: number): number;
  gammavariate(alpha: number, beta: number): number;
  betavariate(alpha: number, beta: number): number;
  paretovariate(alpha: number): number;
  weibullvariate(alpha: number, beta: number): number;
}
