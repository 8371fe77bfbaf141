/**
 * SFC64 (Chris Doty-Humphrey's Small Fast Chaotic generator) as numpy 2.4.6 has it
 * (numpy/random/src/sfc64/sfc64.h): state a, b, c and a counter w; each step outputs a + b + w, then
 * a = b ^ (b >> 11), b = c + (c << 3), c = rotl(c, 24) + output, w += 1. Seeding: a, b, c =
 * SeedSequence(seed).generate_state(3, uint64), w = 1, then 12 steps. 64-bit words are (low, high)
 * uint32 limbs in one Uint32Array (a, b, c, w); `state` uses BigInt.
 */
import { BitGenerator64 } from "./bitgen.js";
import { limbsToDecimals, wordsToLimbs } from "./philox.js";
import { toSeedSequence } from "./seedsequence.js";
import { readInt, readObject, readState, readUint, readUintArray } from "./state.js";

const SEED_ROUNDS = 12;

/** `count` SFC64 steps on the limb state `s`, outputs as (low, high) pairs into out from `offset`. */
function sfc64FillPairs(s, out, offset, count) {
  let al = s[0], ah = s[1], bl = s[2], bh = s[3], cl = s[4], ch = s[5], wl = s[6], wh = s[7];
  for (let k = 0, o = offset; k < count; k++, o += 2) {
    // out = a + b + w
    let lo = al + bl, hi = ah + bh + (lo > 0xffffffff ? 1 : 0);
    lo >>>= 0;
    const ol = (lo + wl) >>> 0;
    const oh = (hi + wh + (ol < lo ? 1 : 0)) >>> 0;
    // a = b ^ (b >> 11)
    al = (bl ^ ((bl >>> 11) | (bh << 21))) >>> 0;
    ah = (bh ^ (bh >>> 11)) >>> 0;
    // b = c + (c << 3)
    const sl = (cl << 3) >>> 0, sh = ((ch << 3) | (cl >>> 29)) >>> 0;
    bl = (cl + sl) >>> 0;
    bh = (ch + sh + (bl < cl ? 1 : 0)) >>> 0;
    // c = rotl(c, 24) + out
    const rl = ((cl << 24) | (ch >>> 8)) >>> 0, rh = ((ch << 24) | (cl >>> 8)) >>> 0;
    cl = (rl + ol) >>> 0;
    ch = (rh + oh + (cl < rl ? 1 : 0)) >>> 0;
    // w += 1
    wl = (wl + 1) >>> 0;
    if (wl === 0) wh = (wh + 1) >>> 0;
    out[o] = ol;
    out[o + 1] = oh;
  }
  s[0] = al; s[1] = ah; s[2] = bl; s[3] = bh; s[4] = cl; s[5] = ch; s[6] = wl; s[7] = wh;
}

export class SFC64 extends BitGenerator64 {
  /** `new SFC64(seed)` as `numpy.random.SFC64(seed)`. */
  constructor(seed) {
    super();
    this.seedSeq = toSeedSequence(seed);
    this._s = new Uint32Array(8);
    this._s.set(this.seedSeq.generateWords(6));
    this._s[6] = 1;
    sfc64FillPairs(this._s, new Uint32Array(2 * SEED_ROUNDS), 0, SEED_ROUNDS);
  }

  _fillPairs(out, offset, count) {
    sfc64FillPairs(this._s, out, offset, count);
  }

  get state() {
    return { bit_generator: "SFC64", state: { state: limbsToDecimals(this._s) }, ...this._bufferState() };
  }

  set state(value) {
    readState(value, "SFC64");
    const inner = readObject(value, "state", "state");
    const words = wordsToLimbs(readUintArray(inner, "state", 4, 64, "state.state"));
    const hasUint32 = readInt(value, "has_uint32", 0, 1, "state");
    const uinteger = readUint(value, "uinteger", 32, "state");
    this._s.set(words);
    this._hasUint32 = hasUint32;
    this._uinteger = uinteger;
  }
}
