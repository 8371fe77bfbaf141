/**
 * Types of the `prng` package: seeded PRNGs bit-identical to numpy (SeedSequence, PCG64, PCG64DXSM,
 * MT19937, Philox, SFC64), Random123's Philox4x32, randomgen's Threefry, von Neumann's MidSquare,
 * Widynski's msws and seedrandom's ARC4.
 */

/** An integer seed word: a safe-integer number or a bigint. */
export type Int = number | bigint;
/** What the numpy-mirrored constructors accept as `seed` (undefined: OS entropy). */
export type Seed = Int | ReadonlyArray<Int | ReadonlyArray<Int>> | Uint32Array | SeedSequence | undefined;
/** A word array argument (`counter`, `key`, `fromArray` words). */
export type Words = ReadonlyArray<Int> | Uint32Array | BigUint64Array;

export class SeedSequence {
  /** `numpy.random.SeedSequence(entropy, spawn_key=..., pool_size=...)`; undefined/null: OS entropy. */
  constructor(entropy?: Int | ReadonlyArray<Int | ReadonlyArray<Int>> | Uint32Array | null, options?: { spawnKey?: ReadonlyArray<Int>; poolSize?: number });
  readonly entropy: Int | ReadonlyArray<Int | ReadonlyArray<Int>> | Uint32Array;
  readonly spawnKey: bigint[];
  readonly poolSize: number;
  readonly nChildrenSpawned: number;
  readonly pool: Uint32Array;
  generateState(n: number, dtype?: "uint32"): Uint32Array;
  generateState(n: number, dtype: "uint64"): BigUint64Array;
  generateWords(n: number): Uint32Array;
  /** At most 10**6 children per call (RangeError beyond). */
  spawn(n: number): SeedSequence[];
}

/** The portable JSON state (what Python's `prng.state_to_json` writes); wide integers are decimal strings. */
export interface PCG64State {
  bit_generator: "PCG64" | "PCG64DXSM";
  state: { state: string; inc: string };
  has_uint32: 0 | 1;
  uinteger: number;
}
export interface MT19937State {
  bit_generator: "MT19937";
  state: { key: number[]; pos: number };
}
export interface PhiloxState {
  bit_generator: "Philox";
  state: { counter: string[]; key: string[] };
  buffer: string[];
  buffer_pos: number;
  has_uint32: 0 | 1;
  uinteger: number;
}
export interface Philox4x32State {
  bit_generator: "Philox4x32";
  state: { counter: number[]; key: number[] };
  buffer: number[];
  buffer_pos: number;
}
export interface ThreefryState {
  bit_generator: "Threefry";
  state: { counter: string[]; key: string[] };
  buffer: string[];
  buffer_pos: number;
  has_uint32: 0 | 1;
  uinteger: number;
}
export interface Threefry2x32State {
  bit_generator: "Threefry2x32";
  state: { counter: number[]; key: number[] };
  buffer: number[];
  buffer_pos: number;
}
export interface SFC64State {
  bit_generator: "SFC64";
  state: { state: string[] };
  has_uint32: 0 | 1;
  uinteger: number;
}
export interface MidSquareState {
  bit_generator: "MidSquare";
  state: { value: string; digits: number };
}
export interface MiddleSquareWeylState {
  bit_generator: "MiddleSquareWeyl";
  state: { x: string; w: string; s: string };
}
/** seedrandom's `.state()`. */
export interface SeedrandomState {
  i: number;
  j: number;
  S: number[];
}
export interface ARC4State {
  bit_generator: "ARC4";
  state: SeedrandomState;
}
export type State =
  | PCG64State | MT19937State | PhiloxState | Philox4x32State | ThreefryState | Threefry2x32State | SFC64State
  | MidSquareState | MiddleSquareWeylState | ARC4State;

/** What every bit generator offers. */
export interface BitGenerator<S extends State = State> {
  nextUint32(): number;
  nextUint64(): bigint;
  nextDouble(): number;
  randomRaw(n: number): BigUint64Array;
  fillUint32(out: Uint32Array): Uint32Array;
  fillDouble(out: Float64Array): Float64Array;
  state: S;
}

interface PCG64Base<S extends PCG64State> extends BitGenerator<S> {}
declare class PCG64Base<S extends PCG64State> {
  constructor(seed?: Seed);
  readonly seedSeq: SeedSequence;
  /** `delta` steps ahead (negative: back), mod 2**128. */
  advance(delta: Int): this;
  jumped(jumps?: number): this;
}
export class PCG64 extends PCG64Base<PCG64State> {}
export class PCG64DXSM extends PCG64Base<PCG64State> {}

export interface MT19937 extends BitGenerator<MT19937State> {}
export class MT19937 {
  /** numpy's SeedSequence seeding (`pos = 623`). */
  constructor(seed?: Seed);
  /** `init_genrand(seed)`: C++ std::mt19937, RandomState(int), torch.manual_seed. */
  static fromGenrand(seed: Int): MT19937;
  /** `init_by_array(words)`: mt19937ar, CPython random.seed, RandomState(list). */
  static fromArray(words: Words): MT19937;
  readonly seedSeq?: SeedSequence;
  /** `jumps * 2**128` draws ahead (numpy's jumped); this generator is unchanged. */
  jumped(jumps?: number): MT19937;
}

export interface CounterOptions {
  counter?: Int | Words;
  key?: Int | Words;
}

export interface Philox extends BitGenerator<PhiloxState> {}
export class Philox {
  /** numpy's Philox (4x64-10): `key` below 2**128 or 2 words, `counter` below 2**256 or 4 words. */
  constructor(seed?: Seed, options?: CounterOptions);
  readonly seedSeq?: SeedSequence;
  /** `delta` blocks of 4 outputs ahead, mod 2**256. */
  advance(delta: Int): this;
  jumped(jumps?: number): Philox;
}

export interface Philox4x32 extends BitGenerator<Philox4x32State> {}
export class Philox4x32 {
  /** Random123 Philox4x32-10, cuRAND counter order: `key` below 2**64 or 2 words, `counter` below 2**128 or 4 words. */
  constructor(seed?: Seed, options?: CounterOptions);
  readonly seedSeq?: SeedSequence;
  /** `delta` blocks of 4 outputs ahead, mod 2**128. */
  advance(delta: Int): this;
}

export interface Threefry extends BitGenerator<ThreefryState> {}
export class Threefry {
  /** randomgen's ThreeFry (4x64-20): `key` below 2**256 or 4 words, `counter` below 2**256 or 4 words; counter + 1 before each block. */
  constructor(seed?: Seed, options?: CounterOptions);
  readonly seedSeq?: SeedSequence;
  /** randomgen's `advance`: `delta` draws ahead (`counter` true: `delta` blocks), mod 4 * 2**256. */
  advance(delta: Int, counter?: boolean): this;
  /** A copy `jumps * 2**128` blocks ahead. */
  jumped(jumps?: number): Threefry;
}

export interface Threefry2x32 extends BitGenerator<Threefry2x32State> {}
export class Threefry2x32 {
  /** randomgen's ThreeFry(number=2, width=32), JAX's block function: `key` below 2**64 or 2 words, `counter` below 2**64 or 2 words. */
  constructor(seed?: Seed, options?: CounterOptions);
  readonly seedSeq?: SeedSequence;
  /** randomgen's `advance`: `delta` draws ahead (`counter` true: `delta` blocks), mod 2 * 2**64. */
  advance(delta: Int, counter?: boolean): this;
  /** A copy `jumps * 2**32` blocks ahead. */
  jumped(jumps?: number): Threefry2x32;
}

export interface SFC64 extends BitGenerator<SFC64State> {}
export class SFC64 {
  /** numpy's SFC64 (SeedSequence seeding). */
  constructor(seed?: Seed);
  readonly seedSeq: SeedSequence;
}

export interface MidSquare extends BitGenerator<MidSquareState> {}
export class MidSquare {
  /** `seed` in [0, 10**digits); `digits` even in [2, 18] (default 4). */
  constructor(seed: Int, options?: { digits?: number });
  readonly digits: number;
  /** Squares the state, keeps the middle digits, returns the new state. */
  next(): bigint;
  /** Brent's cycle detection; RangeError after `maxSteps` squarings (default 10**7). */
  period(options?: { maxSteps?: number }): { tail: number; cycle: number };
}

export interface MiddleSquareWeyl extends BitGenerator<MiddleSquareWeylState> {}
export class MiddleSquareWeyl {
  /** `seed`: the odd 64-bit Weyl constant. */
  constructor(seed: Int);
}

/** A seed as seedrandom takes it. */
export type SeedrandomSeed = string | number | boolean | object;

export interface ARC4 extends BitGenerator<ARC4State> {}
export class ARC4 {
  constructor(seed: SeedrandomSeed);
  /** seedrandom's `g(count)`: `count` keystream bytes, big-endian. */
  bytes(count: number): number;
  /** seedrandom's `prng()`. */
  seedrandomState(): SeedrandomState;
  setSeedrandomState(value: SeedrandomState, name?: string): void;
}

export type Algorithm =
  | "pcg64" | "pcg64dxsm" | "mt19937" | "philox" | "philox4x32" | "threefry" | "threefry2x32" | "sfc64"
  | "msws" | "midsquare" | "arc4";

/** The seedrandom-style callable. */
export interface Rng {
  (): number;
  double(): number;
  int32(): number;
  uint32(): number;
  quick(): number;
  state(): State;
  readonly bitGenerator: BitGenerator;
}

export function prng(seed?: Seed | SeedrandomSeed, options?: { algorithm?: Algorithm; state?: State }): Rng;
export default prng;

export { Generator, defaultRng } from "./generator.js";
export * as compat from "./compat/index.js";
