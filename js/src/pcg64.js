/**
 * PCG64 (XSL-RR 128/64) and PCG64DXSM as numpy 2.4.6 has them (numpy/random/src/pcg64/pcg64.h,
 * _pcg64.pyx). The hot loops work on 16-bit limbs in int32 arithmetic (see the kernels' comment);
 * seeding, `advance` and `state` use BigInt.
 */
import { BitGenerator64 } from "./bitgen.js";
import { toBigInt, toCount } from "./checks.js";
import { fromLimbs, toLimbs } from "./limbs.js";
import { toSeedSequence } from "./seedsequence.js";
import { decimal, readInt, readObject, readState, readUint } from "./state.js";

const MASK128 = (1n << 128n) - 1n;
const DEFAULT_MULTIPLIER = 0x2360ed051fc65da44385df649fccf645n;
const CHEAP_MULTIPLIER = 0xda942042e4dd58b5n;
const JUMP_STEP = 0x9e3779b97f4a7c15f39cc0605cedc835n;

// The multipliers as 16-bit limbs, least significant first.
const [M0, M1, M2, M3, M4, M5, M6, M7] = toLimbs(DEFAULT_MULTIPLIER, 8, 16);
const [C0, C1, C2, C3] = toLimbs(CHEAP_MULTIPLIER, 4, 16);

/*
 * The kernels below keep the 128-bit state and increment as eight 16-bit limbs in int32 locals and
 * multiply column by column: each 16x16-bit product p (Math.imul, exact as 32 bits) adds its low half
 * to its column and its high half (p >>> 16) to the next, so every sum stays a small int32 and V8
 * never leaves integer arithmetic. They are unrolled because V8 runs loops over limb arrays several
 * times slower. limbs.test.js checks them against BigInt over 10**6 draws.
 */

/**
 * PCG64's step then XSL-RR output (`pcg_setseq_128_xsl_rr_64_random_r`), `count` times; `st` holds
 * state limbs 0..7 and increment limbs 8..15 (16-bit). Outputs go to `out` as (low, high) uint32
 * pairs from `offset`.
 */
function pcg64FillPairs(st, out, offset, count) {
  let s0 = st[0], s1 = st[1], s2 = st[2], s3 = st[3], s4 = st[4], s5 = st[5], s6 = st[6], s7 = st[7];
  const c0 = st[8], c1 = st[9], c2 = st[10], c3 = st[11], c4 = st[12], c5 = st[13], c6 = st[14], c7 = st[15];
  for (let k = 0, o = offset; k < count; k++, o += 2) {
    let hi = 0, t, p;
    // state = state * DEFAULT_MULTIPLIER + inc (mod 2**128)
    t = c0;
    p = Math.imul(s0, M0); t += p & 0xffff; hi += p >>> 16;
    const n0 = t & 0xffff; hi += t >>> 16;
    t = hi + c1; hi = 0;
    p = Math.imul(s0, M1); t += p & 0xffff; hi += p >>> 16;
    p = Math.imul(s1, M0); t += p & 0xffff; hi += p >>> 16;
    const n1 = t & 0xffff; hi += t >>> 16;
    t = hi + c2; hi = 0;
    p = Math.imul(s0, M2); t += p & 0xffff; hi += p >>> 16;
    p = Math.imul(s1, M1); t += p & 0xffff; hi += p >>> 16;
    p = Math.imul(s2, M0); t += p & 0xffff; hi += p >>> 16;
    const n2 = t & 0xffff; hi += t >>> 16;
    t = hi + c3; hi = 0;
    p = Math.imul(s0, M3); t += p & 0xffff; hi += p >>> 16;
    p = Math.imul(s1, M2); t += p & 0xffff; hi += p >>> 16;
    p = Math.imul(s2, M1); t += p & 0xffff; hi += p >>> 16;
    p = Math.imul(s3, M0); t += p & 0xffff; hi += p >>> 16;
    const n3 = t & 0xffff; hi += t >>> 16;
    t = hi + c4; hi = 0;
    p = Math.imul(s0, M4); t += p & 0xffff; hi += p >>> 16;
    p = Math.imul(s1, M3); t += p & 0xffff; hi += p >>> 16;
    p = Math.imul(s2, M2); t += p & 0xffff; hi += p >>> 16;
    p = Math.imul(s3, M1); t += p & 0xffff; hi += p >>> 16;
    p = Math.imul(s4, M0); t += p & 0xffff; hi += p >>> 16;
    const n4 = t & 0xffff; hi += t >>> 16;
    t = hi + c5; hi = 0;
    p = Math.imul(s0, M5); t += p & 0xffff; hi += p >>> 16;
    p = Math.imul(s1, M4); t += p & 0xffff; hi += p >>> 16;
    p = Math.imul(s2, M3); t += p & 0xffff; hi += p >>> 16;
    p = Math.imul(s3, M2); t += p & 0xffff; hi += p >>> 16;
    p = Math.imul(s4, M1); t += p & 0xffff; hi += p >>> 16;
    p = Math.imul(s5, M0); t += p & 0xffff; hi += p >>> 16;
    const n5 = t & 0xffff; hi += t >>> 16;
    t = hi + c6; hi = 0;
    p = Math.imul(s0, M6); t += p & 0xffff; hi += p >>> 16;
    p = Math.imul(s1, M5); t += p & 0xffff; hi += p >>> 16;
    p = Math.imul(s2, M4); t += p & 0xffff; hi += p >>> 16;
    p = Math.imul(s3, M3); t += p & 0xffff; hi += p >>> 16;
    p = Math.imul(s4, M2); t += p & 0xffff; hi += p >>> 16;
    p = Math.imul(s5, M1); t += p & 0xffff; hi += p >>> 16;
    p = Math.imul(s6, M0); t += p & 0xffff; hi += p >>> 16;
    const n6 = t & 0xffff; hi += t >>> 16;
    t = hi + c7;
    t = (t + Math.imul(s0, M7) + Math.imul(s1, M6) + Math.imul(s2, M5) + Math.imul(s3, M4) + Math.imul(s4, M3) + Math.imul(s5, M2) + Math.imul(s6, M1) + Math.imul(s7, M0)) | 0; // top limb: low 16 bits only
    const n7 = t & 0xffff;
    s0 = n0; s1 = n1; s2 = n2; s3 = n3; s4 = n4; s5 = n5; s6 = n6; s7 = n7;
    // XSL-RR: rotate (high64 ^ low64) right by the top 6 bits of the state.
    const rot = s7 >>> 10;
    let xl = (s0 ^ s4) | ((s1 ^ s5) << 16), xh = (s2 ^ s6) | ((s3 ^ s7) << 16);
    if (rot & 32) { const x = xh; xh = xl; xl = x; }
    const r = rot & 31;
    out[o] = (xl >>> r) | (xh << 1 << (31 - r));
    out[o + 1] = (xh >>> r) | (xl << 1 << (31 - r));
  }
  st[0] = s0; st[1] = s1; st[2] = s2; st[3] = s3; st[4] = s4; st[5] = s5; st[6] = s6; st[7] = s7;
}

/**
 * PCG64DXSM (`pcg_cm_random_r`): DXSM output of the current state (hi ^= hi >> 32; hi *= CHEAP;
 * hi ^= hi >> 48; hi *= lo | 1, all mod 2**64), then `state = state * CHEAP + inc`; layout as
 * `pcg64FillPairs`.
 */
function pcg64dxsmFillPairs(st, out, offset, count) {
  let s0 = st[0], s1 = st[1], s2 = st[2], s3 = st[3], s4 = st[4], s5 = st[5], s6 = st[6], s7 = st[7];
  const c0 = st[8], c1 = st[9], c2 = st[10], c3 = st[11], c4 = st[12], c5 = st[13], c6 = st[14], c7 = st[15];
  for (let k = 0, o = offset; k < count; k++, o += 2) {
    let hi, t, p;
    // g = (hi ^ hi >> 32) * CHEAP (mod 2**64), with hi = state limbs 4..7
    const h0 = s4 ^ s6, h1 = s5 ^ s7, h2 = s6, h3 = s7;
    p = Math.imul(h0, C0);
    const g0 = p & 0xffff;
    t = p >>> 16; hi = 0;
    p = Math.imul(h0, C1); t += p & 0xffff; hi += p >>> 16;
    p = Math.imul(h1, C0); t += p & 0xffff; hi += p >>> 16;
    const g1 = t & 0xffff; hi += t >>> 16;
    t = hi; hi = 0;
    p = Math.imul(h0, C2); t += p & 0xffff; hi += p >>> 16;
    p = Math.imul(h1, C1); t += p & 0xffff; hi += p >>> 16;
    p = Math.imul(h2, C0); t += p & 0xffff; hi += p >>> 16;
    const g2 = t & 0xffff; hi += t >>> 16;
    t = (hi + Math.imul(h0, C3) + Math.imul(h1, C2) + Math.imul(h2, C1) + Math.imul(h3, C0)) | 0;
    const g3 = t & 0xffff;
    // x = g ^ g >> 48; r = x * (lo | 1) (mod 2**64)
    const x0 = g0 ^ g3, l0 = s0 | 1, l1 = s1, l2 = s2, l3 = s3;
    p = Math.imul(x0, l0);
    const r0 = p & 0xffff;
    t = p >>> 16; hi = 0;
    p = Math.imul(x0, l1); t += p & 0xffff; hi += p >>> 16;
    p = Math.imul(g1, l0); t += p & 0xffff; hi += p >>> 16;
    const r1 = t & 0xffff; hi += t >>> 16;
    t = hi; hi = 0;
    p = Math.imul(x0, l2); t += p & 0xffff; hi += p >>> 16;
    p = Math.imul(g1, l1); t += p & 0xffff; hi += p >>> 16;
    p = Math.imul(g2, l0); t += p & 0xffff; hi += p >>> 16;
    const r2 = t & 0xffff; hi += t >>> 16;
    t = (hi + Math.imul(x0, l3) + Math.imul(g1, l2) + Math.imul(g2, l1) + Math.imul(g3, l0)) | 0;
    const r3 = t & 0xffff;
    out[o] = r0 | (r1 << 16);
    out[o + 1] = r2 | (r3 << 16);
    // state = state * CHEAP + inc (mod 2**128)
    hi = 0;
    t = c0;
    p = Math.imul(s0, C0); t += p & 0xffff; hi += p >>> 16;
    const n0 = t & 0xffff; hi += t >>> 16;
    t = hi + c1; hi = 0;
    p = Math.imul(s0, C1); t += p & 0xffff; hi += p >>> 16;
    p = Math.imul(s1, C0); t += p & 0xffff; hi += p >>> 16;
    const n1 = t & 0xffff; hi += t >>> 16;
    t = hi + c2; hi = 0;
    p = Math.imul(s0, C2); t += p & 0xffff; hi += p >>> 16;
    p = Math.imul(s1, C1); t += p & 0xffff; hi += p >>> 16;
    p = Math.imul(s2, C0); t += p & 0xffff; hi += p >>> 16;
    const n2 = t & 0xffff; hi += t >>> 16;
    t = hi + c3; hi = 0;
    p = Math.imul(s0, C3); t += p & 0xffff; hi += p >>> 16;
    p = Math.imul(s1, C2); t += p & 0xffff; hi += p >>> 16;
    p = Math.imul(s2, C1); t += p & 0xffff; hi += p >>> 16;
    p = Math.imul(s3, C0); t += p & 0xffff; hi += p >>> 16;
    const n3 = t & 0xffff; hi += t >>> 16;
    t = hi + c4; hi = 0;
    p = Math.imul(s1, C3); t += p & 0xffff; hi += p >>> 16;
    p = Math.imul(s2, C2); t += p & 0xffff; hi += p >>> 16;
    p = Math.imul(s3, C1); t += p & 0xffff; hi += p >>> 16;
    p = Math.imul(s4, C0); t += p & 0xffff; hi += p >>> 16;
    const n4 = t & 0xffff; hi += t >>> 16;
    t = hi + c5; hi = 0;
    p = Math.imul(s2, C3); t += p & 0xffff; hi += p >>> 16;
    p = Math.imul(s3, C2); t += p & 0xffff; hi += p >>> 16;
    p = Math.imul(s4, C1); t += p & 0xffff; hi += p >>> 16;
    p = Math.imul(s5, C0); t += p & 0xffff; hi += p >>> 16;
    const n5 = t & 0xffff; hi += t >>> 16;
    t = hi + c6; hi = 0;
    p = Math.imul(s3, C3); t += p & 0xffff; hi += p >>> 16;
    p = Math.imul(s4, C2); t += p & 0xffff; hi += p >>> 16;
    p = Math.imul(s5, C1); t += p & 0xffff; hi += p >>> 16;
    p = Math.imul(s6, C0); t += p & 0xffff; hi += p >>> 16;
    const n6 = t & 0xffff; hi += t >>> 16;
    t = hi + c7;
    t = (t + Math.imul(s4, C3) + Math.imul(s5, C2) + Math.imul(s6, C1) + Math.imul(s7, C0)) | 0; // top limb: low 16 bits only
    const n7 = t & 0xffff;
    s0 = n0; s1 = n1; s2 = n2; s3 = n3; s4 = n4; s5 = n5; s6 = n6; s7 = n7;
  }
  st[0] = s0; st[1] = s1; st[2] = s2; st[3] = s3; st[4] = s4; st[5] = s5; st[6] = s6; st[7] = s7;
}

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
    this._st = new Int32Array(16);
    this._setLcg(state, inc);
  }

  /** Stores the state and increment as the kernels' 16-bit limbs. */
  _setLcg(state, inc) {
    this._st.set(toLimbs(state, 8, 16), 0);
    this._st.set(toLimbs(inc, 8, 16), 8);
  }

  /** numpy's `advance(delta)`: `delta` steps (mod 2**128, so negative goes back); drops the uint32 buffer. */
  advance(delta) {
    const steps = toBigInt(delta, "delta") & MASK128;
    const inc = fromLimbs(this._st, 8, 8, 16);
    this._setLcg(advanceLcg(fromLimbs(this._st, 0, 8, 16), steps, this.constructor.advanceMultiplier, inc), inc);
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
      state: { state: decimal(fromLimbs(this._st, 0, 8, 16)), inc: decimal(fromLimbs(this._st, 8, 8, 16)) },
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
