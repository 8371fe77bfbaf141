/**
 * numpy's discrete samplers, scalar, bit for bit: Generator's (numpy/random/src/distributions/
 * distributions.c, random_hypergeometric.c, random_mvhg_count.c, random_mvhg_marginals.c) and
 * RandomState's legacy twins (src/legacy/legacy-distributions.c).
 *
 * A `Discrete` is bound to one bit generator and draws only through `nextDouble`, the ziggurat
 * (ziggurat.js) and masked bounded draws (bounded.js, numpy's `random_interval`). It also holds
 * numpy's `binomial_t` cache, which one Generator / RandomState keeps across calls: RandomState's
 * legacy binomial and its multinomial (numpy's new binomial) share it, so a cached legacy `qn` is
 * reused by the new inversion with the same (n, p), as in numpy.
 *
 * Values are returned as doubles holding integers; `toInt64` is C's double -> int64 cast on x86-64
 * (out of range or NaN gives -2**63), applied wherever numpy's C casts. Integer arguments are safe
 * integers, so numpy's int64 arithmetic on them is exact in doubles. Every libm call is the
 * glibc-exact port of ./libm that numpy's C calls on Linux.
 */
import { BoundedSampler } from "./bounded.js";
import { exp, expm1, log, log1p, pow } from "./libm/index.js";
import { LOGFACT } from "./logfactorial_table.js";
import { Ziggurat } from "./ziggurat.js";

const INT64_MIN = -(2 ** 63);
const TWO_63 = 2 ** 63; // (double)INT64_MAX, numpy's RAND_INT_MAX as a double
const LS2PI_HALF_LG2PI = 1.8378770664093453; // log(2 * pi), random_loggam's lg2pi
const HALF_LN_2PI = 0.9189385332046728; // logfactorial's halfln2pi
const HRUA_D1 = 1.7155277699214135; // 2 * sqrt(2 / e)
const HRUA_D2 = 0.8989161620588988; // 3 - 2 * sqrt(3 / e)

/** The largest double below 2**63 compared with in random_geometric_inversion (INT64_MAX's neighbour). */
export const GEOMETRIC_CAP = 9.223372036854776e18;

/** C's `(int64_t)x` on x86-64 for an integral double `x`: x, or -2**63 when out of range or NaN. */
export function toInt64(x) {
  return x >= INT64_MIN && x < TWO_63 ? x : INT64_MIN;
}

const LOGGAM_A = [
  8.333333333333333e-02, -2.777777777777778e-03, 7.936507936507937e-04, -5.952380952380952e-04,
  8.417508417508418e-04, -1.917526917526918e-03, 6.410256410256410e-03, -2.955065359477124e-02,
  1.796443723688307e-01, -1.39243221690590e+00,
];

/** numpy's `random_loggam(x)`: log(Gamma(x)) by the SPECFUN series (Zhang and Jin), for x > 0. */
export function loggam(x) {
  if (x === 1.0 || x === 2.0) return 0.0;
  const n = x < 7.0 ? Math.trunc(7 - x) : 0;
  let x0 = x + n;
  const x2 = (1.0 / x0) * (1.0 / x0);
  let gl0 = LOGGAM_A[9];
  for (let k = 8; k >= 0; k--) {
    gl0 *= x2;
    gl0 += LOGGAM_A[k];
  }
  let gl = gl0 / x0 + 0.5 * LS2PI_HALF_LG2PI + (x0 - 0.5) * log(x0) - x0;
  if (x < 7.0) {
    for (let k = 1; k <= n; k++) {
      gl -= log(x0 - 1.0);
      x0 -= 1.0;
    }
  }
  return gl;
}

/** numpy's `logfactorial(k)`: log(k!) from the table below 126, else Stirling's series to 1/k**3. */
export function logfactorial(k) {
  if (k < LOGFACT.length) return LOGFACT[k];
  return (k + 0.5) * log(k) - k + (HALF_LN_2PI + (1.0 / k) * (1 / 12.0 - 1 / (360.0 * k * k)));
}

/** numpy's `binomial_t`: the per-(n, p) set-up of the last binomial draw (shared by both methods). */
class BinomialCache {
  constructor() {
    this.has = false;
    this.nsave = 0;
    this.psave = 0;
    this.r = this.q = this.fm = this.m = this.p1 = this.xm = this.xl = this.xr = 0;
    this.c = this.laml = this.lamr = this.p2 = this.p3 = this.p4 = 0;
  }

  /** Whether the cache holds (n, p) (numpy: `has_binomial && nsave == n && psave == p`). */
  holds(n, p) {
    return this.has && this.nsave === n && this.psave === p;
  }
}

export class Discrete {
  /** The discrete samplers over `bitgen` (nextUint32 / nextDouble / the 64-bit limb reader). */
  constructor(bitgen) {
    this._bitgen = bitgen;
    this._ziggurat = new Ziggurat(bitgen);
    this._interval = new BoundedSampler(bitgen, 64, true);
    this._binomial = new BinomialCache();
    this._setup = new SetupCache();
  }

  /** numpy's `random_interval(max)`: [0, max] by masked rejection, 32-bit draws when max < 2**32. */
  interval(max) {
    return this._interval.setMax(max).next();
  }

  /** numpy's `random_poisson`: 0 for lam 0, multiplication below 10, else PTRS (Hoermann 1993). */
  poisson(lam) {
    if (lam >= 10) return this._poissonPtrs(lam);
    if (lam === 0) return 0;
    return this._poissonMult(lam);
  }

  /** numpy's `random_poisson_mult`. */
  _poissonMult(lam) {
    const bitgen = this._bitgen, enlam = this._setup.poissonMult(lam);
    let x = 0, prod = 1.0;
    for (;;) {
      prod *= bitgen.nextDouble();
      if (!(prod > enlam)) return x;
      x += 1;
    }
  }

  /** numpy's `random_poisson_ptrs`: the transformed rejection method. */
  _poissonPtrs(lam) {
    const bitgen = this._bitgen;
    const { loglam, a, b, vr, logInvalpha } = this._setup.poissonPtrs(lam);
    for (;;) {
      const u = bitgen.nextDouble() - 0.5;
      const v = bitgen.nextDouble();
      const us = 0.5 - Math.abs(u);
      const k = toInt64(Math.floor((2 * a / us + b) * u + lam + 0.43));
      if (us >= 0.07 && v <= vr) return k;
      if (k < 0 || (us < 0.013 && v > us)) continue;
      if (log(v) + logInvalpha - log(a / (us * us) + b) <= -lam + k * loglam - loggam(k + 1)) return k;
    }
  }

  /** numpy's `random_binomial(p, n)` (Generator): inversion when min(p, 1-p) * n <= 30, else BTPE. */
  binomial(p, n) {
    if (n === 0 || p === 0.0) return 0;
    if (p <= 0.5) return p * n <= 30.0 ? this._binomialInversion(n, p, false) : this._binomialBtpe(n, p);
    const q = 1.0 - p;
    return n - (q * n <= 30.0 ? this._binomialInversion(n, q, false) : this._binomialBtpe(n, q));
  }

  /** numpy's `legacy_random_binomial` (RandomState): no zero shortcut, `exp(n * log(q))` in inversion. */
  legacyBinomial(p, n) {
    if (p <= 0.5) return p * n <= 30.0 ? this._binomialInversion(n, p, true) : this._binomialBtpe(n, p);
    const q = 1.0 - p;
    return n - (q * n <= 30.0 ? this._binomialInversion(n, q, true) : this._binomialBtpe(n, q));
  }

  /** numpy's `random_binomial_inversion` (`legacy_random_binomial_inversion` with `legacy`). */
  _binomialInversion(n, p, legacy) {
    const cache = this._binomial, bitgen = this._bitgen;
    if (!cache.holds(n, p)) {
      cache.nsave = n;
      cache.psave = p;
      cache.has = true;
      const q = (cache.q = 1.0 - p);
      cache.r = legacy ? exp(n * log(q)) : exp(n * log1p(-p));
      const np = (cache.c = n * p);
      cache.m = Math.trunc(Math.min(n, np + 10.0 * Math.sqrt(np * q + 1)));
    }
    const q = cache.q, qn = cache.r, bound = cache.m;
    let x = 0, px = qn, u = bitgen.nextDouble();
    while (u > px) {
      x++;
      if (x > bound) {
        x = 0;
        px = qn;
        u = bitgen.nextDouble();
      } else {
        u -= px;
        px = ((n - x + 1) * p * px) / (x * q);
      }
    }
    return x;
  }

  /** The BTPE set-up of `random_binomial_btpe` for (n, p), into the cache. */
  _btpeSetup(n, p) {
    const c = this._binomial;
    c.nsave = n;
    c.psave = p;
    c.has = true;
    const r = (c.r = Math.min(p, 1.0 - p));
    const q = (c.q = 1.0 - r);
    const fm = (c.fm = n * r + r);
    const m = (c.m = toInt64(Math.floor(fm)));
    const p1 = (c.p1 = Math.floor(2.195 * Math.sqrt(n * r * q) - 4.6 * q) + 0.5);
    const xm = (c.xm = m + 0.5);
    const xl = (c.xl = xm - p1);
    const xr = (c.xr = xm + p1);
    const cc = (c.c = 0.134 + 20.5 / (15.3 + m));
    let a = (fm - xl) / (fm - xl * r);
    const laml = (c.laml = a * (1.0 + a / 2.0));
    a = (xr - fm) / (xr * q);
    const lamr = (c.lamr = a * (1.0 + a / 2.0));
    const p2 = (c.p2 = p1 * (1.0 + 2.0 * cc));
    const p3 = (c.p3 = p2 + cc / laml);
    c.p4 = p3 + cc / lamr;
  }

  /** numpy's `random_binomial_btpe` (Kachitvichyanukul and Schmeiser), its gotos as one loop. */
  _binomialBtpe(n, p) {
    if (!this._binomial.holds(n, p)) this._btpeSetup(n, p);
    const { r, q, m, p1, xm, xl, xr, c, laml, lamr, p2, p3, p4 } = this._binomial;
    const bitgen = this._bitgen;
    let y;
    for (;;) {
      // Step10
      const nrq = n * r * q;
      const u = bitgen.nextDouble() * p4;
      let v = bitgen.nextDouble();
      if (u <= p1) {
        y = toInt64(Math.floor(xm - p1 * v + u));
        break; // Step60
      }
      if (u <= p2) {
        // Step20
        const x = xl + (u - p1) / c;
        v = v * c + 1.0 - Math.abs(m - x + 0.5) / p1;
        if (v > 1.0) continue;
        y = toInt64(Math.floor(x));
      } else if (u <= p3) {
        // Step30
        y = toInt64(Math.floor(xl + log(v) / laml));
        if (y < 0 || v === 0.0) continue;
        v = v * (u - p2) * laml;
      } else {
        // Step40
        y = toInt64(Math.floor(xr - log(v) / lamr));
        if (y > n || v === 0.0) continue;
        v = v * (u - p3) * lamr;
      }
      // Step50
      const k = Math.abs(y - m);
      if (!(k > 20 && k < nrq / 2.0 - 1)) {
        if (v > btpeRatio(n, r, q, m, y)) continue;
        break;
      }
      // Step52
      if (btpeSqueeze(n, r, q, m, xm, y, k, nrq, log(v))) break;
    }
    return p > 0.5 ? n - y : y; // Step60
  }

  /** numpy's `random_geometric`: a sequential search for p >= 1/3, else inversion of an exponential. */
  geometric(p) {
    if (p >= 0.333333333333333333333333) return this._geometricSearch(p);
    const z = Math.ceil(-this._ziggurat.standardExponential() / this._setup.log1pNeg(p));
    return z >= GEOMETRIC_CAP ? Infinity : z; // Infinity: numpy's INT64_MAX
  }

  /** numpy's `legacy_random_geometric`: the search, or `ceil(log1p(-U) / log(1 - p))`. */
  legacyGeometric(p) {
    if (p >= 0.333333333333333333333333) return this._geometricSearch(p);
    return toInt64(Math.ceil(log1p(-this._bitgen.nextDouble()) / this._setup.logOneMinus(p)));
  }

  /** numpy's `random_geometric_search`. */
  _geometricSearch(p) {
    let x = 1, sum = p, prod = p;
    const q = 1.0 - p, u = this._bitgen.nextDouble();
    while (u > sum) {
      prod *= q;
      sum += prod;
      x++;
    }
    return x;
  }

  /** numpy's `random_logseries` (Kemp's method with `log1p` / `expm1`). */
  logseries(p) {
    return this._logseries(p, this._setup.log1pNeg(p), false);
  }

  /** numpy's `legacy_logseries` (`log(1 - p)` / `1 - exp`). */
  legacyLogseries(p) {
    return this._logseries(p, this._setup.logOneMinus(p), true);
  }

  _logseries(p, r, legacy) {
    const bitgen = this._bitgen;
    for (;;) {
      const v = bitgen.nextDouble();
      if (v >= p) return 1;
      const u = bitgen.nextDouble();
      const q = legacy ? 1.0 - exp(r * u) : -expm1(r * u);
      if (v <= q * q) {
        const result = toInt64(Math.floor(1 + log(v) / log(q)));
        if (result < 1 || v === 0.0) continue;
        return result;
      }
      return v >= q ? 1 : 2;
    }
  }

  /** numpy's `random_zipf`: rejection from (Umin, 1] (1 without a draw for a >= 1025). */
  zipf(a) {
    if (a >= 1025) return 1;
    const z = this._setup.zipf(a);
    return this._zipf(z.am1, z.b, z.umin);
  }

  /** numpy's `legacy_random_zipf`: U = 1 - next_double. */
  legacyZipf(a) {
    const z = this._setup.zipf(a);
    return this._zipf(z.am1, z.b, -1);
  }

  /** The rejection loop of both zipfs; `umin` < 0 selects the legacy U. */
  _zipf(am1, b, umin) {
    const bitgen = this._bitgen;
    for (;;) {
      const u01 = bitgen.nextDouble();
      const u = umin < 0 ? 1.0 - u01 : u01 * umin + (1 - u01);
      const v = bitgen.nextDouble();
      const x = Math.floor(pow(u, -1.0 / am1));
      if (x > TWO_63 || x < 1.0) continue;
      const t = pow(1.0 + 1.0 / x, am1);
      if ((v * x * (t - 1.0)) / (b - 1.0) <= t / b) return toInt64(x);
    }
  }

  /** numpy's `random_hypergeometric` (random_hypergeometric.c): HRUA for 10 <= sample <= total - 10. */
  hypergeometric(good, bad, sample) {
    if (sample >= 10 && sample <= good + bad - 10) return this._hrua(good, bad, sample);
    return this._hypergeometricSample(good, bad, sample);
  }

  /** random_hypergeometric.c's `hypergeometric_sample`: draw items one by one (random_interval). */
  _hypergeometricSample(good, bad, sample) {
    const total = good + bad, half = Math.floor(total / 2);
    let computed = sample > half ? total - sample : sample;
    let remainingTotal = total, remainingGood = good;
    while (computed > 0 && remainingGood > 0 && remainingTotal > remainingGood) {
      --remainingTotal;
      if (this.interval(remainingTotal) < remainingGood) --remainingGood;
      --computed;
    }
    if (remainingTotal === remainingGood) remainingGood -= computed;
    return sample > half ? remainingGood : good - remainingGood;
  }

  /** random_hypergeometric.c's `hypergeometric_hrua`: Stadlober's ratio of uniforms (logfactorial). */
  _hrua(good, bad, sample) {
    const bitgen = this._bitgen;
    const popsize = good + bad;
    const cs = Math.min(sample, popsize - sample);
    const mingb = Math.min(good, bad), maxgb = Math.max(good, bad);
    const p = mingb / popsize, q = maxgb / popsize;
    const a = cs * p + 0.5;
    const c = Math.sqrt(((popsize - cs) * cs * p * q) / (popsize - 1) + 0.5);
    const h = HRUA_D1 * c + HRUA_D2;
    const m = toInt64(Math.floor(((cs + 1) * (mingb + 1)) / (popsize + 2)));
    const g = logfactorial(m) + logfactorial(mingb - m) + logfactorial(cs - m) + logfactorial(maxgb - cs + m);
    const b = Math.min(Math.min(cs, mingb) + 1, Math.floor(a + 16 * c));
    let k;
    for (;;) {
      const u = bitgen.nextDouble();
      const v = bitgen.nextDouble();
      const x = a + (h * (v - 0.5)) / u;
      if (x < 0.0 || x >= b) continue;
      k = toInt64(Math.floor(x));
      const gp = logfactorial(k) + logfactorial(mingb - k) + logfactorial(cs - k) + logfactorial(maxgb - cs + k);
      const t = g - gp;
      if (u * (4.0 - u) - 3.0 <= t) break;
      if (u * (u - t) >= 1) continue;
      if (2.0 * log(u) <= t) break;
    }
    if (good > bad) k = cs - k;
    if (cs < sample) k = good - k;
    return k;
  }

  /** numpy's legacy `random_hypergeometric_original`: HRUA (loggam) above 10, else HYP. */
  legacyHypergeometric(good, bad, sample) {
    if (sample > 10) return this._legacyHrua(good, bad, sample);
    if (sample > 0) return this._legacyHyp(good, bad, sample);
    return 0;
  }

  /** legacy-distributions.c's `random_hypergeometric_hyp`. */
  _legacyHyp(good, bad, sample) {
    const bitgen = this._bitgen;
    const d1 = bad + good - sample, d2 = Math.min(bad, good);
    let y = d2, k = sample;
    while (y > 0.0) {
      const u = bitgen.nextDouble();
      y -= toInt64(Math.floor(u + y / (d1 + k)));
      k--;
      if (k === 0) break;
    }
    const z = toInt64(d2 - y);
    return good > bad ? sample - z : z;
  }

  /** legacy-distributions.c's `random_hypergeometric_hrua` (loggam; note `sample`, not m, in d7). */
  _legacyHrua(good, bad, sample) {
    const bitgen = this._bitgen;
    const mingb = Math.min(good, bad), popsize = good + bad, maxgb = Math.max(good, bad);
    const m = Math.min(sample, popsize - sample);
    const d4 = mingb / popsize, d5 = 1.0 - d4;
    const d6 = m * d4 + 0.5;
    const d7 = Math.sqrt(((popsize - m) * sample * d4 * d5) / (popsize - 1) + 0.5);
    const d8 = HRUA_D1 * d7 + HRUA_D2;
    const d9 = toInt64(Math.floor(((m + 1) * (mingb + 1)) / (popsize + 2)));
    const d10 = loggam(d9 + 1) + loggam(mingb - d9 + 1) + loggam(m - d9 + 1) + loggam(maxgb - m + d9 + 1);
    const d11 = Math.min(Math.min(m, mingb) + 1.0, Math.floor(d6 + 16 * d7));
    let z;
    for (;;) {
      const x = bitgen.nextDouble();
      const y = bitgen.nextDouble();
      const w = d6 + (d8 * (y - 0.5)) / x;
      if (w < 0.0 || w >= d11) continue;
      z = toInt64(Math.floor(w));
      const t = d10 - (loggam(z + 1) + loggam(mingb - z + 1) + loggam(m - z + 1) + loggam(maxgb - m + z + 1));
      if (x * (4.0 - x) - 3.0 <= t) break;
      if (x * (x - t) >= 1) continue;
      if (2.0 * log(x) <= t) break;
    }
    if (good > bad) z = m - z;
    if (m < sample) z = good - z;
    return z;
  }

  /**
   * numpy's `random_multinomial`: `d = pvals.length` counts of `n` trials into `out[offset..]`
   * (zeroed by the caller) by successive binomials; `pOffset` is where this variate's pvals start.
   */
  multinomial(n, pvals, pOffset, d, out, offset) {
    let remainingP = 1.0, dn = n;
    for (let j = 0; j < d - 1; j++) {
      const count = this.binomial(pvals[pOffset + j] / remainingP, dn);
      out[offset + j] = count;
      dn -= count;
      if (dn <= 0) break;
      remainingP -= pvals[pOffset + j];
    }
    if (dn > 0) out[offset + d - 1] = dn;
  }

  /**
   * numpy's `random_multivariate_hypergeometric_count`: `variates` draws of `nsample` balls from
   * `colors` by a partial Fisher-Yates over the expanded population, counted into `out` (zeroed).
   */
  mvhgCount(total, colors, nsample, variates, out) {
    const numColors = colors.length;
    if (total === 0 || nsample === 0 || variates === 0) return;
    const choices = new Uint32Array(total);
    for (let i = 0, k = 0; i < numColors; i++) choices.fill(i, k, (k += colors[i]));
    const moreThanHalf = nsample > Math.floor(total / 2);
    const taken = moreThanHalf ? total - nsample : nsample;
    for (let i = 0; i < variates * numColors; i += numColors) {
      for (let j = 0; j < taken; j++) {
        const k = j + this.interval(total - j - 1);
        const tmp = choices[k];
        choices[k] = choices[j];
        choices[j] = tmp;
      }
      for (let j = 0; j < taken; j++) out[i + choices[j]] += 1;
      if (moreThanHalf) for (let k = 0; k < numColors; k++) out[i + k] = colors[k] - out[i + k];
    }
  }

  /** numpy's `random_multivariate_hypergeometric_marginals`: successive hypergeometrics, into `out` (zeroed). */
  mvhgMarginals(total, colors, nsample, variates, out) {
    const numColors = colors.length;
    if (total === 0 || nsample === 0 || variates === 0) return;
    const moreThanHalf = nsample > Math.floor(total / 2);
    const taken = moreThanHalf ? total - nsample : nsample;
    for (let i = 0; i < variates * numColors; i += numColors) {
      let toSample = taken, remaining = total;
      for (let j = 0; toSample > 0 && j + 1 < numColors; j++) {
        remaining -= colors[j];
        const r = this.hypergeometric(colors[j], remaining, toSample);
        out[i + j] = r;
        toSample -= r;
      }
      if (toSample > 0) out[i + numColors - 1] = toSample;
      if (moreThanHalf) for (let k = 0; k < numColors; k++) out[i + k] = colors[k] - out[i + k];
    }
  }
}

/**
 * The set-up of the last parameter of each sampler (numpy recomputes it per draw; it is a pure
 * function of the parameter, so keeping it changes no value, only the libm calls per draw).
 */
class SetupCache {
  constructor() {
    // `undefined` keys: no parameter equals them, so the first call computes (a NaN parameter too).
    this._enlamLam = undefined;
    this._enlam = 0;
    this._ptrs = { lam: undefined, loglam: 0, a: 0, b: 0, vr: 0, logInvalpha: 0 };
    this._log1pP = undefined;
    this._log1p = 0;
    this._logP = undefined;
    this._log = 0;
    this._zipf = { a: undefined, am1: 0, b: 0, umin: 0 };
  }

  /** `exp(-lam)` of random_poisson_mult. */
  poissonMult(lam) {
    if (!Object.is(lam, this._enlamLam)) {
      this._enlamLam = lam;
      this._enlam = exp(-lam);
    }
    return this._enlam;
  }

  /** random_poisson_ptrs's constants (and its `log(invalpha)`). */
  poissonPtrs(lam) {
    const c = this._ptrs;
    if (!Object.is(lam, c.lam)) {
      c.lam = lam;
      const slam = Math.sqrt(lam);
      c.loglam = log(lam);
      c.b = 0.931 + 2.53 * slam;
      c.a = -0.059 + 0.02483 * c.b;
      c.logInvalpha = log(1.1239 + 1.1328 / (c.b - 3.4));
      c.vr = 0.9277 - 3.6224 / (c.b - 2);
    }
    return c;
  }

  /** `log1p(-p)` (geometric inversion, logseries). */
  log1pNeg(p) {
    if (!Object.is(p, this._log1pP)) {
      this._log1pP = p;
      this._log1p = log1p(-p);
    }
    return this._log1p;
  }

  /** `log(1 - p)` (the legacy geometric inversion and logseries). */
  logOneMinus(p) {
    if (!Object.is(p, this._logP)) {
      this._logP = p;
      this._log = log(1.0 - p);
    }
    return this._log;
  }

  /** random_zipf's `am1`, `b = pow(2, am1)` and `Umin = pow(2**63, -am1)`. */
  zipf(a) {
    const c = this._zipf;
    if (!Object.is(a, c.a)) {
      c.a = a;
      c.am1 = a - 1.0;
      c.b = pow(2.0, c.am1);
      c.umin = pow(TWO_63, -c.am1);
    }
    return c;
  }
}

/** BTPE's Step50: the explicit ratio f(y) / f(m) by the recursion (Kachitvichyanukul and Schmeiser). */
function btpeRatio(n, r, q, m, y) {
  const s = r / q, a = s * (n + 1);
  let f = 1.0;
  if (m < y) {
    for (let i = m + 1; i <= y; i++) f *= a / i - s;
  } else if (m > y) {
    for (let i = y + 1; i <= m; i++) f /= a / i - s;
  }
  return f;
}

/** BTPE's Step52: whether `A = log(v)` accepts y, by the squeeze and then Stirling's bound. */
function btpeSqueeze(n, r, q, m, xm, y, k, nrq, A) {
  const rho = (k / nrq) * ((k * (k / 3.0 + 0.625) + 0.16666666666666666) / nrq + 0.5);
  const t = (-k * k) / (2 * nrq);
  if (A < t - rho) return true;
  if (A > t + rho) return false;
  const x1 = y + 1, f1 = m + 1, z = n + 1 - m, w = n - y + 1;
  const x2 = x1 * x1, f2 = f1 * f1, z2 = z * z, w2 = w * w;
  const bound = xm * log(f1 / x1) + (n - m + 0.5) * log(z / w) + (y - m) * log((w * r) / (x1 * q)) +
    stirlingTerm(f1, f2) + stirlingTerm(z, z2) + stirlingTerm(x1, x2) + stirlingTerm(w, w2);
  return !(A > bound);
}

/** `(13680 - (462 - (132 - (99 - 140/x2)/x2)/x2)/x2) / x / 166320`, one of BTPE's four corrections. */
function stirlingTerm(x, x2) {
  return (13680.0 - (462.0 - (132.0 - (99.0 - 140.0 / x2) / x2) / x2) / x2) / x / 166320.0;
}
