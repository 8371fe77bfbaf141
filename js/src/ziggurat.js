/**
 * numpy's 256-layer ziggurat samplers (standard normal and standard exponential, float64 and float32),
 * prng/_ziggurat.py in JS.
 *
 * Each function draws from any bit generator with `nextUint32` / `nextUint64` / `nextDouble` and
 * matches the C function of numpy/random/src/distributions/distributions.c named in its comment, bit
 * for bit. The tables are numpy's own (ziggurat_tables.js, generated from prng/data/ziggurat.json).
 * float32 paths round every float operation with `Math.fround` exactly as C does. `exp`, `log1p`,
 * `expf` and `log1pf` are the glibc-exact ports of ./libm, the functions numpy calls on Linux.
 */
import { Draws } from "./draws.js";
import { exp, expf, log1p, log1pf } from "./libm/index.js";
import {
  feDouble, feFloat, fiDouble, fiFloat, keDouble, keFloat, kiDouble, kiFloat, weDouble, weFloat,
  wiDouble, wiFloat, zigguratExpR, zigguratExpRF, zigguratNorInvR, zigguratNorInvRF, zigguratNorR,
  zigguratNorRF,
} from "./ziggurat_tables.js";

const f32 = Math.fround;
const TWO_NEG_24 = 2 ** -24;
const TWO_23 = 2 ** 23;
const TWO_21 = 2 ** 21;

/** numpy's `next_float`: a float32 in [0, 1) from the top 24 bits of `nextUint32`. */
export function nextFloat(bitgen) {
  return (bitgen.nextUint32() >>> 8) * TWO_NEG_24;
}

/**
 * A sampler bound to one bit generator or `Draws` view (a bit generator is drawn from through a view
 * that never draws ahead): `standardNormal()`, `standardNormalF()`, `standardExponential()`,
 * `standardExponentialF()`, each one numpy draw. It reads 64-bit draws as limbs (no BigInt) through
 * one reusable pair.
 */
export class Ziggurat {
  constructor(source) {
    this._draws = source instanceof Draws ? source : new Draws(source);
    this._pair = new Uint32Array(2);
  }

  /** numpy's `random_standard_normal` (float64 ziggurat). */
  standardNormal() {
    const bitgen = this._draws, pair = this._pair;
    for (;;) {
      bitgen.read64(pair);
      const lo = pair[0];
      const idx = lo & 0xff;
      // r >>= 8; sign = r & 1; rabs = (r >> 1) & (2**52 - 1): bits 9..60 of the draw.
      const rabs = (pair[1] & 0x1fffffff) * TWO_23 + (lo >>> 9);
      const x = (lo >>> 8) & 1 ? -(rabs * wiDouble[idx]) : rabs * wiDouble[idx];
      if (rabs < kiDouble[idx]) return x;
      if (idx === 0) return normalTail(bitgen, (lo >>> 17) & 1);
      if ((fiDouble[idx - 1] - fiDouble[idx]) * bitgen.nextDouble() + fiDouble[idx] < exp(-0.5 * x * x)) {
        return x;
      }
    }
  }

  /** numpy's `random_standard_normal_f` (float32 ziggurat; the wedge test is in double). */
  standardNormalF() {
    const bitgen = this._draws;
    for (;;) {
      const r = bitgen.nextUint32();
      const idx = r & 0xff;
      const rabs = (r >>> 9) & 0x7fffff;
      const x = (r >>> 8) & 1 ? -f32(rabs * wiFloat[idx]) : f32(rabs * wiFloat[idx]);
      if (rabs < kiFloat[idx]) return x;
      if (idx === 0) return normalTailF(bitgen, (rabs >>> 8) & 1);
      const left = f32(f32(f32(fiFloat[idx - 1] - fiFloat[idx]) * nextFloat(bitgen)) + fiFloat[idx]);
      if (left < exp(-0.5 * x * x)) return x;
    }
  }

  /** numpy's `random_standard_exponential` (float64 ziggurat). */
  standardExponential() {
    const bitgen = this._draws, pair = this._pair;
    for (;;) {
      bitgen.read64(pair);
      // ri = next_uint64 >> 3; idx = ri & 0xff; ri >>= 8: bits 11..63 of the draw.
      const idx = (pair[0] >>> 3) & 0xff;
      const ri = pair[1] * TWO_21 + (pair[0] >>> 11);
      const x = ri * weDouble[idx];
      if (ri < keDouble[idx]) return x;
      if (idx === 0) return zigguratExpR - log1p(-bitgen.nextDouble());
      if ((feDouble[idx - 1] - feDouble[idx]) * bitgen.nextDouble() + feDouble[idx] < exp(-x)) return x;
    }
  }

  /** numpy's `random_standard_exponential_f` (float32 ziggurat; the wedge test uses `expf`). */
  standardExponentialF() {
    const bitgen = this._draws;
    for (;;) {
      const r = bitgen.nextUint32() >>> 1;
      const idx = r & 0xff;
      const ri = r >>> 8;
      const x = f32(ri * weFloat[idx]);
      if (ri < keFloat[idx]) return x;
      if (idx === 0) return f32(zigguratExpRF - log1pf(-nextFloat(bitgen)));
      const left = f32(f32(f32(feFloat[idx - 1] - feFloat[idx]) * nextFloat(bitgen)) + feFloat[idx]);
      if (left < expf(-x)) return x;
    }
  }
}

/** The float64 tail beyond `ziggurat_nor_r`; `negative` is bit 8 of `rabs`, as in numpy. */
function normalTail(bitgen, negative) {
  for (;;) {
    const xx = -zigguratNorInvR * log1p(-bitgen.nextDouble());
    const yy = -log1p(-bitgen.nextDouble());
    if (yy + yy > xx * xx) return negative ? -(zigguratNorR + xx) : zigguratNorR + xx;
  }
}

/** The float32 tail (`log1pf`, float arithmetic); `negative` is bit 8 of `rabs`. */
function normalTailF(bitgen, negative) {
  for (;;) {
    const xx = f32(-zigguratNorInvRF * log1pf(-nextFloat(bitgen)));
    const yy = -log1pf(-nextFloat(bitgen));
    if (f32(yy + yy) > f32(xx * xx)) return negative ? -f32(zigguratNorRF + xx) : f32(zigguratNorRF + xx);
  }
}
