/** Types of generator.js: numpy's `Generator` and `default_rng` (see generator.js for the numpy sources). */
import type { Int, Seed } from "./index.js";

/** What a Generator draws from: any prng bit generator (or an object with these three methods). */
export interface BitSource {
  nextUint32(): number;
  nextUint64(): bigint;
  nextDouble(): number;
}

/** numpy's integer dtypes (and bool) and the typed array each gives. */
export interface IntegerArrays {
  int8: Int8Array;
  int16: Int16Array;
  int32: Int32Array;
  int64: BigInt64Array;
  uint8: Uint8Array;
  uint16: Uint16Array;
  uint32: Uint32Array;
  uint64: BigUint64Array;
  bool: Uint8Array;
}
export type IntegerDtype = keyof IntegerArrays;
/** One value of an integer dtype (numpy's `size=None`): a bigint for 64-bit dtypes, a boolean for bool. */
export type IntegerScalar<D extends IntegerDtype> = D extends "int64" | "uint64" ? bigint : D extends "bool" ? boolean : number;
export interface IntegerOptions<D extends IntegerDtype> {
  dtype?: D;
  endpoint?: boolean;
}

export type FloatDtype = "float64" | "float32";
export type FloatArray<D extends FloatDtype> = D extends "float32" ? Float32Array : Float64Array;
export interface FloatOptions<D extends FloatDtype> {
  dtype?: D;
}

export type TypedArray =
  | Int8Array | Uint8Array | Uint8ClampedArray | Int16Array | Uint16Array | Int32Array | Uint32Array
  | Float32Array | Float64Array | BigInt64Array | BigUint64Array;
/** What `shuffle`, `permutation` and `choice` take: an Array or a typed array. */
export type Sequence = unknown[] | TypedArray;
/** An element of a sequence. */
export type ElementOf<S> = S extends (infer T)[] ? T : S extends BigInt64Array | BigUint64Array ? bigint : number;

export interface ChoiceOptions {
  replace?: boolean;
  shuffle?: boolean;
}

export class Generator<B extends BitSource = BitSource> {
  /** numpy.random.Generator's distributions over `bitGenerator`. */
  constructor(bitGenerator: B);
  readonly bitGenerator: B;
  /** Uniform doubles in [0, 1) (`nextDouble`), or float32 from the top 24 bits of `nextUint32`. */
  random(n?: undefined, options?: FloatOptions<FloatDtype>): number;
  random<D extends FloatDtype = "float64">(n: number, options?: FloatOptions<D>): FloatArray<D>;
  /** Integers in [low, high) ([low, high] with `endpoint`; [0, low) when `high` is omitted), Lemire's method. */
  integers<D extends IntegerDtype = "int64">(low: Int, high?: Int | null, n?: undefined, options?: IntegerOptions<D>): IntegerScalar<D>;
  integers<D extends IntegerDtype = "int64">(low: Int, high: Int | null | undefined, n: number, options?: IntegerOptions<D>): IntegerArrays[D];
  /** Standard normals by numpy's 256-layer ziggurat. */
  standardNormal(n?: undefined, options?: FloatOptions<FloatDtype>): number;
  standardNormal<D extends FloatDtype = "float64">(n: number, options?: FloatOptions<D>): FloatArray<D>;
  /** Standard exponentials by numpy's ziggurat (`method='zig'`). */
  standardExponential(n?: undefined, options?: FloatOptions<FloatDtype>): number;
  standardExponential<D extends FloatDtype = "float64">(n: number, options?: FloatOptions<D>): FloatArray<D>;
  /** `scale * standardExponential()`. */
  exponential(scale?: number, n?: undefined): number;
  exponential(scale: number, n: number): Float64Array;
  /** Fisher-Yates in place (masked-rejection draws). */
  shuffle(x: Sequence): void;
  /** A shuffled `[0, x)` for a count, else a shuffled copy. */
  permutation(x: number): Float64Array;
  permutation<S extends Sequence>(x: S): S;
  /** Indices below `a` (a population size), or elements of `a`; without `replace`, distinct ones. */
  choice(a: number, n?: undefined, options?: ChoiceOptions): number;
  choice(a: number, n: number, options?: ChoiceOptions): Float64Array;
  choice<S extends Sequence>(a: S, n?: undefined, options?: ChoiceOptions): ElementOf<S>;
  choice<T>(a: T[], n: number, options?: ChoiceOptions): T[];
  choice<S extends TypedArray>(a: S, n: number, options?: ChoiceOptions): S;
  /** `length` random bytes (numpy's `Generator.bytes`). */
  bytes(length: number): Uint8Array;
}

/** numpy's `default_rng`: `new Generator(new PCG64(seed))`; a Generator passes through, a bit generator is wrapped. */
export function defaultRng<G extends Generator>(seed: G): G;
export function defaultRng<B extends BitSource>(seed: B): Generator<B>;
export function defaultRng(seed?: Seed): Generator;
