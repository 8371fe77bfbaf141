// glibc-exact libm functions used by the random variates of numpy, CPython and torch
// (glibc 2.36, x86-64, the FMA builds its ifuncs select on FMA-capable CPUs), and the exact
// fused multiply-add they are built on. float32 functions take and return float32 values.
export { fma } from "./fma.js";
export { log } from "./log.js";
export { exp } from "./exp.js";
export { pow } from "./pow.js";
export { acos } from "./acos.js";
export { expm1 } from "./expm1.js";
export { erf } from "./erf.js";
export { log1p } from "./log1p.js";
export { sin, cos, sincos } from "./sincos.js";
export { logf } from "./logf.js";
export { expf } from "./expf.js";
export { powf } from "./powf.js";
export { log1pf } from "./log1pf.js";
export { sinf, cosf, sincosf } from "./sincosf.js";
