// Single-precision log(1 + x), bit-identical to glibc 2.36 `log1pf` (fdlibm's algorithm in
// sysdeps/ieee754/flt-32/s_log1pf.c, float arithmetic throughout; x86-64 has no FMA variant).
// Arguments and results are JS numbers holding float32 values.

import { floatBits, fromFloatBits } from "./bits.js";

const f = Math.fround;
// Constants of s_log1pf.c (float encodings in the comments).
const LN2_HI = f(6.9313812256e-01); // 0x3f317180
const LN2_LO = f(9.0580006145e-06); // 0x3717f7d1
const LP1 = f(6.6666668653e-01); // 3F2AAAAB
const LP2 = f(4.0000000596e-01); // 3ECCCCCD
const LP3 = f(2.8571429849e-01); // 3E924925
const LP4 = f(2.2222198546e-01); // 3E638E29
const LP5 = f(1.8183572590e-01); // 3E3A3325
const LP6 = f(1.5313838422e-01); // 3E1CD04F
const LP7 = f(1.4798198640e-01); // 3E178897
const TWO_THIRDS = f(0.66666666666666666);

/** s*(hfsq + R) of s_log1pf.c, s = f/(2+f), in float arithmetic. */
function polyTerm(g, hfsq) {
  const s = f(g / f(2.0 + g));
  const z = f(s * s);
  let R = f(LP6 + f(z * LP7));
  R = f(LP5 + f(z * R));
  R = f(LP4 + f(z * R));
  R = f(LP3 + f(z * R));
  R = f(LP2 + f(z * R));
  R = f(z * f(LP1 + f(z * R)));
  return f(s * f(hfsq + R));
}

/** glibc `log1pf` (__log1pf, s_log1pf.c). */
export function log1pf(x) {
  const hx = floatBits(x) | 0;
  const ax = hx & 0x7fffffff;
  let k = 1;
  let g = 0; // f of the C source
  let hu = 0;
  let c = 0;
  if (hx < 0x3ed413d7) {
    if (ax >= 0x3f800000) return x === -1.0 ? -Infinity : NaN; // x <= -1
    if (ax < 0x31000000) {
      if (ax < 0x24800000) return x; // |x| < 2^-54
      return f(x - f(f(x * x) * 0.5));
    }
    if (hx > 0 || hx <= (0xbe95f61f | 0)) {
      k = 0; // -0.2929 < x < 0.41422
      g = x;
      hu = 1;
    }
  }
  if (hx >= 0x7f800000) return x + x;
  if (k !== 0) {
    let u;
    if (hx < 0x5a000000) {
      u = f(1.0 + x);
      hu = floatBits(u);
      k = (hu >> 23) - 127;
      c = k > 0 ? f(1.0 - f(u - x)) : f(x - f(u - 1.0)); // correction term
      c = f(c / u);
    } else {
      u = x;
      hu = hx;
      k = (hu >> 23) - 127;
      c = 0;
    }
    hu &= 0x007fffff;
    if (hu < 0x3504f7) {
      u = fromFloatBits(hu | 0x3f800000);
    } else {
      k += 1;
      u = fromFloatBits(hu | 0x3f000000);
      hu = (0x00800000 - hu) >> 2;
    }
    g = f(u - 1.0);
  }
  const hfsq = f(f(0.5 * g) * g);
  if (hu === 0) {
    // |f| < 2^-20
    if (g === 0) {
      if (k === 0) return 0;
      c = f(c + f(k * LN2_LO));
      return f(f(k * LN2_HI) + c);
    }
    const R = f(hfsq * f(1.0 - f(TWO_THIRDS * g)));
    if (k === 0) return f(g - R);
    return f(f(k * LN2_HI) - f(f(R - f(f(k * LN2_LO) + c)) - g));
  }
  const t = polyTerm(g, hfsq);
  if (k === 0) return f(g - f(hfsq - t));
  return f(f(k * LN2_HI) - f(f(hfsq - f(t + f(f(k * LN2_LO) + c))) - g));
}
