/**
 * PyTorch 2.13's CPU generator (torch.js): the same values as torch on the same seed, as flat
 * row-major typed arrays.
 */

/** torch's size argument: a non-negative integer (1-D) or an array of them (`[]` is 0-dim). */
export type Shape = number | readonly number[];
/** float16 and bfloat16 values travel as their raw 16-bit patterns in a Uint16Array. */
export type FloatDtype = "float16" | "bfloat16" | "float32" | "float64";
export type HalfDtype = "float16" | "bfloat16";
export type IntDtype = "int64" | "int32" | "int16" | "int8" | "uint8";
/** torch's CPU kernel for float32 normals (n >= 16) and fused multiply-adds. */
export type Kernel = "avx2" | "default";
/** The typed array of a dtype. */
export type FloatArrayOf<D extends FloatDtype> = D extends "float64" ? Float64Array
  : D extends "float32" ? Float32Array : Uint16Array;
/** An array a float dtype's values can be written into (Uint16Array: float16/bfloat16 bits). */
export type FloatArray = Float32Array | Float64Array | Uint16Array;
export type IntArrayOf<D extends IntDtype | FloatDtype> = D extends "int64" ? BigInt64Array
  : D extends "int32" ? Int32Array : D extends "int16" ? Int16Array : D extends "int8" ? Int8Array
  : D extends "uint8" ? Uint8Array : D extends "float64" ? Float64Array : Float32Array;
/** A seed as `manualSeed` takes it: a safe integer or a bigint in [-2**63, 2**64 - 1]. */
export type TorchSeed = number | bigint;

export const DEFAULT_SEED: bigint;
export const STATE_SIZE: 5056;
export const KERNELS: readonly Kernel[];
export const DEFAULT_KERNEL: "avx2";

/** `torch.Generator(device="cpu")`. */
export class Generator {
  constructor(device?: "cpu");
  readonly device: "cpu";
  /** Seeds (negatives wrap to seed + 2**64) and returns this generator. */
  manualSeed(seed: TorchSeed): this;
  /** Seeds from OS entropy; returns the seed. */
  seed(): bigint;
  initialSeed(): bigint;
  /** torch's 5056 state bytes. */
  getState(): Uint8Array;
  setState(state: Uint8Array | ArrayBuffer): void;
}

interface DrawOptions {
  generator?: Generator | null;
}
interface FloatOptions<D extends FloatDtype> extends DrawOptions {
  dtype?: D;
}
interface KernelOptions extends DrawOptions {
  kernel?: Kernel;
}
/** In-place functions: `dtype` names what a Uint16Array holds (float16 or bfloat16 bits). */
interface OutOptions extends KernelOptions {
  dtype?: FloatDtype;
}

export function rand<D extends FloatDtype = "float32">(shape: Shape, options?: FloatOptions<D>): FloatArrayOf<D>;
export function randn<D extends FloatDtype = "float32">(
  shape: Shape, options?: FloatOptions<D> & KernelOptions): FloatArrayOf<D>;
export function normal<D extends FloatDtype = "float32">(
  mean: number, std: number, shape: Shape, options?: FloatOptions<D> & KernelOptions): FloatArrayOf<D>;
export function uniform_<A extends FloatArray>(out: A, a?: number, b?: number, options?: OutOptions): A;
export function normal_<A extends FloatArray>(out: A, mean?: number, std?: number, options?: OutOptions): A;

/** `randint(low, high, shape, options)`; `randint(high, shape, options)` means low = 0. */
export function randint<D extends IntDtype | FloatDtype = "int64">(
  low: number | bigint, high: number | bigint, shape: Shape, options?: DrawOptions & { dtype?: D }): IntArrayOf<D>;
export function randint<D extends IntDtype | FloatDtype = "int64">(
  high: number | bigint, shape: readonly number[], options?: DrawOptions & { dtype?: D }): IntArrayOf<D>;
export function randperm<D extends IntDtype = "int64">(n: number, options?: DrawOptions & { dtype?: D }): IntArrayOf<D>;

type NumberTypedArray = Float32Array | Float64Array | Int8Array | Int16Array | Int32Array | Uint8Array
  | Uint8ClampedArray | Uint16Array | Uint32Array;
export function bernoulli_<A extends NumberTypedArray>(out: A, p?: number, options?: DrawOptions): A;
export function bernoulli<A extends FloatArray>(p: A, options?: DrawOptions & { dtype?: FloatDtype }): A;
export function exponential_<A extends FloatArray>(out: A, lambd?: number, options?: DrawOptions & { dtype?: FloatDtype }): A;
/**
 * The elements `F.dropout(torch.ones(shape, dtype), p, training=true)` keeps (1) or drops (0) when torch's
 * default CPU generator is in `generator`'s state.
 */
export function dropoutMask(shape: Shape, p: number, options?: DrawOptions & { dtype?: FloatDtype }): Uint8Array;

/** `torch.default_generator`. */
export const defaultGenerator: Generator;
export function manualSeed(seed: TorchSeed): Generator;
export function seed(): bigint;
export function initialSeed(): bigint;
export function getRngState(): Uint8Array;
export function setRngState(state: Uint8Array | ArrayBuffer): void;

export * as nn from "./torch_nn.js";
export * as data from "./torch_data.js";
