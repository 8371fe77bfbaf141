/**
 * Widynski's middle-square Weyl sequence (msws, arXiv:1704.00358): `x *= x; x += (w += s);
 * x = rotl64(x, 32)` on 64-bit words, each step outputs the low 32 bits of the new x. The 64-bit words
 * are kept as (high, low) uint32 halves.
 */
import { BitGenerator32 } from "./bitgen.js";
import { checkArray, toUintBig } from "./checks.js";
import { mulhi32 } from "./limbs.js";
import { decimal, readObject, readState, readUint } from "./state.js";

const M32 = 0xffffffffn;

/** `s` must be an odd 64-bit integer (a Weyl constant). */
function checkWeylConstant(s, name) {
  if ((s & 1n) === 0n) throw new RangeError(`${name} must be odd (a Weyl constant), got ${s}`);
  return s;
}

export class MiddleSquareWeyl extends BitGenerator32 {
  /** `new MiddleSquareWeyl(seed)`: `seed` is the odd 64-bit Weyl constant `s`; x = w = 0. */
  constructor(seed) {
    super();
    this._one = new Uint32Array(1);
    this._setWords(0n, 0n, checkWeylConstant(toUintBig(seed, "seed", 64), "seed"));
  }

  _setWords(x, w, s) {
    this._xh = Number(x >> 32n); this._xl = Number(x & M32);
    this._wh = Number(w >> 32n); this._wl = Number(w & M32);
    this._sh = Number(s >> 32n); this._sl = Number(s & M32);
  }

  nextUint32() {
    return this.fillUint32(this._one)[0];
  }

  /** `out[k]` = one msws step's output, for every k, with the state in locals. */
  fillUint32(out) {
    checkArray(out, Uint32Array, "out");
    let xh = this._xh, xl = this._xl, wh = this._wh, wl = this._wl;
    const sh = this._sh, sl = this._sl;
    for (let k = 0; k < out.length; k++) {
      // w += s
      let t = wl + sl;
      wl = t >>> 0;
      wh = (wh + sh + (t > 0xffffffff ? 1 : 0)) >>> 0;
      // x = x*x + w (mod 2**64)
      const sqh = (mulhi32(xl, xl) + 2 * Math.imul(xl, xh)) >>> 0;
      t = (Math.imul(xl, xl) >>> 0) + wl;
      const lo = t >>> 0;
      const hi = (sqh + wh + (t > 0xffffffff ? 1 : 0)) >>> 0;
      // x = rotl64(x, 32): the halves swap; the output is the new low half
      xh = lo;
      xl = hi;
      out[k] = hi;
    }
    this._xh = xh; this._xl = xl; this._wh = wh; this._wl = wl;
    return out;
  }

  get state() {
    const word = (h, l) => decimal((BigInt(h) << 32n) | BigInt(l));
    return {
      bit_generator: "MiddleSquareWeyl",
      state: { x: word(this._xh, this._xl), w: word(this._wh, this._wl), s: word(this._sh, this._sl) },
    };
  }

  set state(value) {
    readState(value, "MiddleSquareWeyl");
    const inner = readObject(value, "state", "state");
    const x = readUint(inner, "x", 64, "state.state");
    const w = readUint(inner, "w", 64, "state.state");
    const s = checkWeylConstant(readUint(inner, "s", 64, "state.state"), "state.state.s");
    this._setWords(x, w, s);
  }
}
