/** Types of compat/python.js: CPython's `random.Random`. */
import type { Int } from "../index.js";
import type { Sequence, ElementOf } from "../generator.js";

/** `getstate()`: `[3, [624 key words..., index], gaussNext]`. */
export type PythonRandomState = [version: 2 | 3, internal: number[], gaussNext: number | null];

export class Random {
  /** `random.Random(x)`: an integer (the sign is ignored), a string or bytes (version 2), or undefined (OS entropy). */
  constructor(x?: Int | string | Uint8Array | null);
  /** CPython's cached second Box-Muller value. */
  gaussNext: number | null;
  seed(a?: Int | string | Uint8Array | null): void;
  getstate(): PythonRandomState;
  setstate(state: PythonRandomState): void;
  random(): number;
  getrandbits(k: number): bigint;
  /** Numbers in, a number out; a bigint argument gives a bigint. */
  randrange(stop: number): number;
  randrange(start: number, stop: number, step?: number): number;
  randrange(start: Int, stop?: Int, step?: Int): bigint;
  randint(a: number, b: number): number;
  randint(a: Int, b: Int): bigint;
  choice<S extends Sequence>(seq: S): ElementOf<S>;
  shuffle(x: Sequence): void;
  sample<S extends Sequence>(population: S, k: number, options?: { counts?: ArrayLike<number> }): ElementOf<S>[];
  choices<S extends Sequence>(population: S, options?: { weights?: ArrayLike<number>; cumWeights?: ArrayLike<number>; k?: number }): ElementOf<S>[];
  gauss(mu?: number, sigma?: number): number;
  normalvariate(mu?: number, sigma?: number): number;
}
