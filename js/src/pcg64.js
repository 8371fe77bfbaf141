/**
 * PCG64 (XSL-RR 128/64) and PCG64DXSM as numpy 2.4.6 has them (numpy/random/src/pcg64/pcg64.h,
 * _pcg64.pyx). The hot loops work on 24-bit limbs without BigInt (see the kernels' comment); seeding,
 * `advance` and `state` use BigInt.
 */
import { BitGenerator64 } from "./bitgen.js";
import { toBigInt, toCount } from "./checks.js";
import { fromLimbs, mulhiLo32, toLimbs } from "./limbs.js";
import { toSeedSequence } from "./seedsequence.js";
import { decimal, readInt, readObject, readState, readUint } from "./state.js";

const MASK128 = (1n << 128n) - 1n;
const DEFAULT_MULTIPLIER = 0x2360ed051fc65da44385df649fccf645n;
const CHEAP_MULTIPLIER = 0xda942042e4dd58b5n;
const JUMP_STEP = 0x9e3779b97f4a7c15f39cc0605cedc835n;

// The multipliers as 24-bit limbs, least significant first, and CHEAP as two 32-bit words.
const [M0, M1, M2, M3, M4, M5] = toLimbs(DEFAULT_MULTIPLIER, 6, 24);
const [C0, C1, C2] = toLimbs(CHEAP_MULTIPLIER, 3, 24);
const [CHEAP_LO, CHEAP_HI] = Int32Array.from(toLimbs(CHEAP_MULTIPLIER, 2, 32));
const TWO_NEG_24 = 2 ** -24;

/*
 * Both kernels keep the 128-bit state and increment as six 24-bit limbs in int32 locals (limb 5 holds
 * bits 120..127) and are unrolled: V8 runs loops over limb arrays several times slower. The product
 * state * multiplier (mod 2**128) is summed column by column in doubles: a column holds at most six
 * 24x24-bit products, below 2**51, so every sum is exact and the columns are independent. Each column
 * is then split into its low 24 bits (`S & 0xffffff`: ToInt32 takes S mod 2**32) and the part above
 * (`S * 2**-24 | 0`, below 2**27), and the increment and carries are added in int32. The 64-bit halves
 * of the state are assembled from the limbs as 32-bit words for the output functions. limbs.test.js
 * checks both kernels against BigInt over 10**6 draws.
 */

/**
 * PCG64's step then XSL-RR output (`pcg_setseq_128_xsl_rr_64_random_r`), `count` times; `st` holds
 * the state limbs 0..5 and increment limbs 6..11. Outputs go to `out` as (low, high) uint32 pairs
 * from `offset`. The rotation swaps the halves through a mask rather than a branch, which would
 * mispredict half the time.
 */
function pcg64FillPairs(st, out, offset, count) {
  let s0 = st[0], s1 = st[1], s2 = st[2], s3 = st[3], s4 = st[4], s5 = st[5];
  const i0 = st[6], i1 = st[7], i2 = st[8], i3 = st[9], i4 = st[10], i5 = st[11];
  for (let k = 0, o = offset; k < count; k++, o += 2) {
    // state = state * DEFAULT_MULTIPLIER + inc (mod 2**128)
    const S0 = s0 * M0;
    const S1 = s0 * M1 + s1 * M0;
    const S2 = s0 * M2 + s1 * M1 + s2 * M0;
    const S3 = s0 * M3 + s1 * M2 + s2 * M1 + s3 * M0;
    const S4 = s0 * M4 + s1 * M3 + s2 * M2 + s3 * M1 + s4 * M0;
    const S5 = s0 * M5 + s1 * M4 + s2 * M3 + s3 * M2 + s4 * M1 + s5 * M0;
    let t = (S0 & 0xffffff) + i0;
    s0 = t & 0xffffff;
    t = (S1 & 0xffffff) + ((S0 * TWO_NEG_24) | 0) + i1 + (t >>> 24);
    s1 = t & 0xffffff;
    t = (S2 & 0xffffff) + ((S1 * TWO_NEG_24) | 0) + i2 + (t >>> 24);
    s2 = t & 0xffffff;
    t = (S3 & 0xffffff) + ((S2 * TWO_NEG_24) | 0) + i3 + (t >>> 24);
    s3 = t & 0xffffff;
    t = (S4 & 0xffffff) + ((S3 * TWO_NEG_24) | 0) + i4 + (t >>> 24);
    s4 = t & 0xffffff;
    s5 = ((S5 & 0xff) + ((S4 * TWO_NEG_24) | 0) + i5 + (t >>> 24)) & 0xff;
    // XSL-RR: rotate (high64 ^ low64) right by the top 6 bits of the state.
    const rot = s5 >>> 2;
    const lo = (s0 | (s1 << 24)) ^ ((s2 >>> 16) | (s3 << 8)), hi = ((s1 >>> 8) | (s2 << 16)) ^ (s4 | (s5 << 24));
    const swap = (lo ^ hi) & -(rot >>> 5), xl = lo ^ swap, xh = hi ^ swap;
    const r = rot & 31;
    out[o] = (xl >>> r) | (xh << 1 << (31 - r));
    out[o + 1] = (xh >>> r) | (xl << 1 << (31 - r));
  }
  st[0] = s0; st[1] = s1; st[2] = s2; st[3] = s3; st[4] = s4; st[5] = s5;
}

/**
 * PCG64DXSM (`pcg_cm_random_r`): DXSM output of the current state (hi ^= hi >> 32; hi *= CHEAP;
 * hi ^= hi >> 48; hi *= lo | 1, all mod 2**64, on 32-bit words), then `state = state * CHEAP + inc`;
 * layout as `pcg64FillPairs`.
 */
function pcg64dxsmFillPairs(st, out, offset, count) {
  let s0 = st[0], s1 = st[1], s2 = st[2], s3 = st[3], s4 = st[4], s5 = st[5];
  const i0 = st[6], i1 = st[7], i2 = st[8], i3 = st[9], i4 = st[10], i5 = st[11];
  for (let k = 0, o = offset; k < count; k++, o += 2) {
    // (g1, g0) = (hi ^ hi >> 32) * CHEAP; x = g ^ g >> 48 (low word x0, high word g1); out = x * (lo | 1)
    const l0 = s0 | (s1 << 24) | 1, l1 = (s1 >>> 8) | (s2 << 16);
    const h1 = s4 | (s5 << 24), h0 = ((s2 >>> 16) | (s3 << 8)) ^ h1;
    const g0 = Math.imul(h0, CHEAP_LO);
    const g1 = (mulhiLo32(h0, CHEAP_LO, g0) + Math.imul(h0, CHEAP_HI) + Math.imul(h1, CHEAP_LO)) | 0;
    const x0 = g0 ^ (g1 >>> 16);
    const r0 = Math.imul(x0, l0);
    out[o] = r0;
    out[o + 1] = (mulhiLo32(x0, l0, r0) + Math.imul(x0, l1) + Math.imul(g1, l0)) | 0;
    // state = state * CHEAP + inc (mod 2**128)
    const S0 = s0 * C0;
    const S1 = s0 * C1 + s1 * C0;
    const S2 = s0 * C2 + s1 * C1 + s2 * C0;
    const S3 = s1 * C2 + s2 * C1 + s3 * C0;
    const S4 = s2 * C2 + s3 * C1 + s4 * C0;
    const S5 = s3 * C2 + s4 * C1 + s5 * C0;
    let t = (S0 & 0xffffff) + i0;
    s0 = t & 0xffffff;
    t = (S1 & 0xffffff) + ((S0 * TWO_NEG_24) | 0) + i1 + (t >>> 24);
    s1 = t & 0xffffff;
    t = (S2 & 0xffffff) + ((S1 * TWO_NEG_24) | 0) + i2 + (t >>> 24);
    s2 = t & 0xffffff;
    t = (S3 & 0xffffff) + ((S2 * TWO_NEG_24) | 0) + i3 + (t >>> 24);
    s3 = t & 0xffffff;
    t = (S4 & 0xffffff) + ((S3 * TWO_NEG_24) | 0) + i4 + (t >>> 24);
    s4 = t & 0xffffff;
    s5 = ((S5 & 0xff) + ((S4 * TWO_NEG_24) | 0) + i5 + (t >>> 24)) & 0xff;
  }
  st[0] = s0; st[1] = s1; st[2] = s2; st[3] = s3; st[4] = s4; st[5] = s5;
}

// A short run of each kernel at load (long enough for V8 to start collecting type feedback) covers
// every path before V8 optimizes them in the middle of a long call (on-stack replacement): an OSR'd
// loop whose exit never ran with feedback bails out there on every later call.
pcg64FillPairs(new Int32Array(12), new Uint32Array(32), 0, 16);
pcg64dxsmFillPairs(new Int32Array(12), new Uint32Array(32), 0, 16);

/** Brown's LCG jump-ahead (`pcg_advance_lcg_128`): the state after `delta` steps. */
function advanceLcg(state, delta, multiplier, increment) {
  let accMult = 1n, accPlus = 0n, curMult = multiplier, curPlus = increment;
  for (; delta > 0n; delta >>= 1n) {
    if (delta & 1n) {
      accMult = (accMult * curMult) & MASK128;
      accPlus = (accPlus * curMult + curPlus) & MASK128;
    }
    curPlus = ((curMult + 1n) * curPlus) & MASK128;
    curMult = (curMult * curMult) & MASK128;
  }
  return (accMult * state + accPlus) & MASK128;
}

/** What PCG64 and PCG64DXSM share: numpy's seeding, `advance`, `jumped` and the state dict. */
class PCG64Base extends BitGenerator64 {
  /** `new PCG64(seed)` as `numpy.random.PCG64(seed)` (`pcg64_set_seed`). */
  constructor(seed) {
    super();
    this.seedSeq = toSeedSequence(seed);
    const w = this.seedSeq.generateState(4, "uint64");
    const initState = (w[0] << 64n) | w[1];
    const inc = (((w[2] << 64n) | w[3]) << 1n | 1n) & MASK128;
    // state = 0; step; state += initState; step
    const state = ((inc + initState) * DEFAULT_MULTIPLIER + inc) & MASK128;
    this._st = new Int32Array(12);
    this._setLcg(state, inc);
  }

  /** Stores the state and increment as the kernels' 24-bit limbs. */
  _setLcg(state, inc) {
    this._st.set(toLimbs(state, 6, 24), 0);
    this._st.set(toLimbs(inc, 6, 24), 6);
  }

  /** The LCG state (`part` 0) or increment (`part` 1) as a bigint. */
  _getLcg(part) {
    return fromLimbs(this._st, 6 * part, 6, 24);
  }

  /** numpy's `advance(delta)`: `delta` steps (mod 2**128, so negative goes back); drops the uint32 buffer. */
  advance(delta) {
    const steps = toBigInt(delta, "delta") & MASK128;
    const inc = this._getLcg(1);
    this._setLcg(advanceLcg(this._getLcg(0), steps, this.constructor.advanceMultiplier, inc), inc);
    this._hasUint32 = 0;
    this._uinteger = 0;
    return this;
  }

  /** numpy's `jumped(jumps)`: a new generator advanced by `jumps * 0x9e3779b97f4a7c15f39cc0605cedc835`. */
  jumped(jumps = 1) {
    toCount(jumps, "jumps");
    const copy = new this.constructor();
    copy.state = this.state;
    return copy.advance(JUMP_STEP * BigInt(jumps));
  }

  get state() {
    return {
      bit_generator: this.constructor.algorithm,
      state: { state: decimal(this._getLcg(0)), inc: decimal(this._getLcg(1)) },
      ...this._bufferState(),
    };
  }

  set state(value) {
    readState(value, this.constructor.algorithm);
    const inner = readObject(value, "state", "state");
    const state = readUint(inner, "state", 128, "state.state");
    const inc = readUint(inner, "inc", 128, "state.state");
    const hasUint32 = readInt(value, "has_uint32", 0, 1, "state");
    const uinteger = readUint(value, "uinteger", 32, "state");
    this._setLcg(state, inc);
    this._hasUint32 = hasUint32;
    this._uinteger = uinteger;
  }
}

export class PCG64 extends PCG64Base {
  static algorithm = "PCG64";
  static advanceMultiplier = DEFAULT_MULTIPLIER;

  _fillPairs(out, offset, count) {
    pcg64FillPairs(this._st, out, offset, count);
  }
}

export class PCG64DXSM extends PCG64Base {
  static algorithm = "PCG64DXSM";
  static advanceMultiplier = CHEAP_MULTIPLIER;

  _fillPairs(out, offset, count) {
    pcg64dxsmFillPairs(this._st, out, offset, count);
  }
}
