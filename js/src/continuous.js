/**
 * numpy's continuous samplers, scalar, bit for bit: Generator's (numpy/random/src/distributions/
 * distributions.c) in `Continuous`, RandomState's legacy twins (src/legacy/legacy-distributions.c)
 * in `LegacyContinuous`.
 *
 * A `Continuous` is bound to one bit generator and draws only through `nextDouble`, `nextUint32`
 * (float32 uniforms) and the ziggurat (ziggurat.js, which reads 64-bit draws as limbs); the Poisson
 * draw of the noncentral chi-square is discrete.js's. Its three sources, `_normal`,
 * `_exponential` and `_uniform`, are the only thing a `LegacyContinuous` changes for the algorithms
 * numpy's legacy file copies unchanged (gamma, chi-square, F, t, Cauchy, Weibull, normal, lognormal,
 * noncentral F, the Dirichlet normalisation); the samplers whose legacy code differs are overridden.
 *
 * Every libm call is the glibc-exact port of ./libm that numpy's C calls on Linux, with C's
 * evaluation order kept; float32 paths round every float operation with `Math.fround` as C does.
 * numpy's recursive redraws (laplace, gumbel, logistic) are loops with the same draws.
 */
import { Discrete } from "./discrete.js";
import { acos, cos, exp, expm1, log, log1p, logf, pow, powf } from "./libm/index.js";
import { Ziggurat, nextFloat } from "./ziggurat.js";

const f32 = Math.fround;
const ONE_THIRD_F = f32(1 / 3);
const C_0331_F = f32(0.0331);
const BETA_TINY_THRESHOLD = 3e-103;
const TWO_PI = 2 * Math.PI;

export class Continuous {
  /**
   * The continuous samplers over `bitgen` (nextUint32 / nextDouble / the 64-bit limb reader), taking
   * Poisson draws from `discrete` (the owner's Discrete on the same bit generator).
   */
  constructor(bitgen, discrete = new Discrete(bitgen)) {
    this._bitgen = bitgen;
    this._ziggurat = new Ziggurat(bitgen);
    this._discrete = discrete;
  }

  /** numpy's `next_double`. */
  _uniform() {
    return this._bitgen.nextDouble();
  }

  /** numpy's `random_standard_normal` (ziggurat). */
  _normal() {
    return this._ziggurat.standardNormal();
  }

  /** numpy's `random_standard_exponential` (ziggurat). */
  _exponential() {
    return this._ziggurat.standardExponential();
  }

  /** The standard exponential of the sampler (the ziggurat's, or RandomState's `-log(1 - U)`). */
  standardExponential() {
    return this._exponential();
  }

  /** `standard_exponential(method="inv")`: `-log1p(-next_double)`. */
  standardExponentialInv() {
    return -log1p(-this._bitgen.nextDouble());
  }

  /** `standard_exponential(method="inv", dtype=float32)`: `-log1p(-next_float)` in double, then to float. */
  standardExponentialInvF() {
    return f32(-log1p(-nextFloat(this._bitgen)));
  }

  /** numpy's `random_standard_gamma` (Marsaglia-Tsang for shape >= 1, Johnk-style rejection below). */
  standardGamma(shape) {
    if (shape === 1.0) return this._exponential();
    if (shape === 0.0) return 0.0;
    if (shape < 1.0) {
      for (;;) {
        const u = this._uniform();
        const v = this._exponential();
        if (u <= 1.0 - shape) {
          const x = pow(u, 1.0 / shape);
          if (x <= v) return x;
        } else {
          const y = -log((1 - u) / shape);
          const x = pow(1.0 - shape + shape * y, 1.0 / shape);
          if (x <= v + y) return x;
        }
      }
    }
    const b = shape - 1.0 / 3.0;
    const c = 1.0 / Math.sqrt(9 * b);
    for (;;) {
      let x, v;
      do {
        x = this._normal();
        v = 1.0 + c * x;
      } while (v <= 0.0);
      v = v * v * v;
      const u = this._uniform();
      if (u < 1.0 - 0.0331 * (x * x) * (x * x)) return b * v;
      if (log(u) < 0.5 * x * x + b * (1.0 - v + log(v))) return b * v;
    }
  }

  /** numpy's `random_standard_gamma_f` (float32 throughout: `powf`, `logf`, float ziggurats). */
  standardGammaF(shape) {
    const zig = this._ziggurat, bitgen = this._bitgen;
    if (shape === 1.0) return zig.standardExponentialF();
    if (shape === 0.0) return 0.0;
    if (shape < 1.0) {
      const inv = f32(1.0 / shape);
      for (;;) {
        const u = nextFloat(bitgen);
        const v = zig.standardExponentialF();
        if (u <= f32(1.0 - shape)) {
          const x = powf(u, inv);
          if (x <= v) return x;
        } else {
          const y = -logf(f32(f32(1.0 - u) / shape));
          const x = powf(f32(f32(1.0 - shape) + f32(shape * y)), inv);
          if (x <= f32(v + y)) return x;
        }
      }
    }
    const b = f32(shape - ONE_THIRD_F);
    const c = f32(1.0 / f32(Math.sqrt(f32(9.0 * b))));
    for (;;) {
      let x, v;
      do {
        x = zig.standardNormalF();
        v = f32(1.0 + f32(c * x));
      } while (v <= 0.0);
      v = f32(f32(v * v) * v);
      const u = nextFloat(bitgen);
      const x2 = f32(x * x);
      if (u < f32(1.0 - f32(f32(C_0331_F * x2) * x2))) return f32(b * v);
      if (logf(u) < f32(f32(f32(0.5 * x) * x) + f32(b * f32(f32(1.0 - v) + logf(v))))) return f32(b * v);
    }
  }

  /** numpy's `random_normal`: `loc + scale * standard_normal`. */
  normal(loc, scale) {
    return loc + scale * this._normal();
  }

  /** numpy's `random_lognormal`: `exp(normal(mean, sigma))`. */
  lognormal(mean, sigma) {
    return exp(this.normal(mean, sigma));
  }

  /** numpy's `random_exponential`: `scale * standard_exponential`. */
  exponential(scale) {
    return scale * this._exponential();
  }

  /** numpy's `random_uniform(lower, range)`: `lower + range * next_double`. */
  uniform(lower, range) {
    return lower + range * this._bitgen.nextDouble();
  }

  /** numpy's `random_chisquare`: `2 * standard_gamma(df / 2)`. */
  chisquare(df) {
    return 2.0 * this.standardGamma(df / 2.0);
  }

  /** numpy's `random_f`: the ratio of two scaled chi-squares, numerator drawn first. */
  f(dfnum, dfden) {
    const numerator = this.chisquare(dfnum) * dfden;
    const denominator = this.chisquare(dfden) * dfnum;
    return numerator / denominator;
  }

  /** numpy's `random_standard_cauchy`: normal / normal. */
  standardCauchy() {
    const numerator = this._normal();
    return numerator / this._normal();
  }

  /** numpy's `random_standard_t`: `sqrt(df / 2) * normal / sqrt(standard_gamma(df / 2))`. */
  standardT(df) {
    const num = this._normal();
    const denom = this.standardGamma(df / 2);
    return (Math.sqrt(df / 2) * num) / Math.sqrt(denom);
  }

  /** numpy's `random_weibull`: `pow(standard_exponential, 1 / a)`, 0 without a draw for a = 0. */
  weibull(a) {
    if (a === 0.0) return 0.0;
    return pow(this._exponential(), 1.0 / a);
  }

  /** numpy's `random_pareto`: `expm1(standard_exponential / a)`. */
  pareto(a) {
    return expm1(this._exponential() / a);
  }

  /** numpy's `random_power`: `pow(-expm1(-standard_exponential), 1 / a)`. */
  power(a) {
    return pow(-expm1(-this._exponential()), 1.0 / a);
  }

  /** numpy's `random_rayleigh`: `mode * sqrt(2 * standard_exponential)`. */
  rayleigh(mode) {
    return mode * Math.sqrt(2.0 * this._exponential());
  }

  /** numpy's `random_laplace` (a uniform of 0 is redrawn). */
  laplace(loc, scale) {
    for (;;) {
      const u = this._bitgen.nextDouble();
      if (u >= 0.5) return loc - scale * log(2.0 - u - u);
      if (u > 0.0) return loc + scale * log(u + u);
    }
  }

  /** numpy's `random_gumbel`: `loc - scale * log(-log(1 - U))` (U = 0 is redrawn). */
  gumbel(loc, scale) {
    for (;;) {
      const u = 1.0 - this._bitgen.nextDouble();
      if (u < 1.0) return loc - scale * log(-log(u));
    }
  }

  /** numpy's `random_logistic`: `loc + scale * log(U / (1 - U))` (U = 0 is redrawn). */
  logistic(loc, scale) {
    for (;;) {
      const u = this._bitgen.nextDouble();
      if (u > 0.0) return loc + scale * log(u / (1.0 - u));
    }
  }

  /** numpy's `random_triangular(left, mode, right)`: inversion of one uniform. */
  triangular(left, mode, right) {
    const base = right - left;
    const leftbase = mode - left;
    const ratio = leftbase / base;
    const leftprod = leftbase * base;
    const rightprod = (right - mode) * base;
    const u = this._bitgen.nextDouble();
    if (u <= ratio) return left + Math.sqrt(u * leftprod);
    return right - Math.sqrt((1.0 - u) * rightprod);
  }

  /** numpy's `random_wald` (Michael, Schucany and Haas). */
  wald(mean, scale) {
    let y = this._normal();
    y = mean * y * y;
    const d = 1 + Math.sqrt(1 + (4 * scale) / y);
    const x = mean * (1 - 2 / d);
    return this._uniform() <= mean / (mean + x) ? x : (mean * mean) / x;
  }

  /** Beta(a, b) as Ga / (Ga + Gb), numpy's `random_beta` and `legacy_beta` beyond Johnk's range. */
  _gammaRatio(a, b) {
    const ga = this.standardGamma(a);
    const gb = this.standardGamma(b);
    return ga / (ga + gb);
  }

  /**
   * numpy's `random_beta`: Johnk's algorithm for a, b <= 1 (one uniform below 3e-103, logarithms
   * when a power underflows), else a ratio of gammas.
   */
  beta(a, b) {
    if (!(a <= 1.0 && b <= 1.0)) return this._gammaRatio(a, b);
    const bitgen = this._bitgen;
    if (a < BETA_TINY_THRESHOLD && b < BETA_TINY_THRESHOLD) return (a + b) * bitgen.nextDouble() < a ? 1.0 : 0.0;
    for (;;) {
      const u = bitgen.nextDouble();
      const v = bitgen.nextDouble();
      const x = pow(u, 1.0 / a);
      const y = pow(v, 1.0 / b);
      const xpy = x + y;
      if (xpy <= 1.0 && u + v > 0.0) {
        if (x > 0 && y > 0) return x / xpy;
        const delta = log(u) / a - log(v) / b;
        if (delta > 0) return exp(-log1p(exp(-delta)));
        return exp(delta - log1p(exp(delta)));
      }
    }
  }

  /** numpy's `random_noncentral_chisquare`: NaN without a draw for a NaN `nonc`. */
  noncentralChisquare(df, nonc) {
    if (nonc !== nonc) return NaN;
    return this._noncentralChisquare(df, nonc);
  }

  /**
   * The draws of both noncentral chi-squares: a chi-square for nonc = 0, chi2(df - 1) + (normal +
   * sqrt(nonc))^2 for df > 1, else a chi-square of df + 2 * Poisson(nonc / 2) degrees of freedom.
   */
  _noncentralChisquare(df, nonc) {
    if (nonc === 0) return this.chisquare(df);
    if (1 < df) {
      const chi2 = this.chisquare(df - 1);
      const n = this._normal() + Math.sqrt(nonc);
      return chi2 + n * n;
    }
    const i = this._discrete.poisson(nonc / 2.0);
    return this.chisquare(df + 2 * i);
  }

  /** numpy's `random_noncentral_f`. */
  noncentralF(dfnum, dfden, nonc) {
    const t = this.noncentralChisquare(dfnum, nonc) * dfden;
    return t / (this.chisquare(dfden) * dfnum);
  }

  /**
   * numpy's `random_vonmises` (Best and Fisher), with the wrapped normal above kappa = 1e6 unless
   * `legacy` (legacy_vonmises has no such branch).
   */
  vonmises(mu, kappa, legacy = false) {
    const bitgen = this._bitgen;
    if (kappa !== kappa) return NaN;
    if (kappa < 1e-8) return Math.PI * (2 * bitgen.nextDouble() - 1);
    let s;
    if (kappa < 1e-5) {
      s = 1.0 / kappa + kappa;
    } else if (kappa <= 1e6 || legacy) {
      const r = 1 + Math.sqrt(1 + 4 * kappa * kappa);
      const rho = (r - Math.sqrt(2 * r)) / (2 * kappa);
      s = (1 + rho * rho) / (2 * rho);
    } else {
      let result = mu + Math.sqrt(1.0 / kappa) * this._normal();
      if (result < -Math.PI) result += TWO_PI;
      if (result > Math.PI) result -= TWO_PI;
      return result;
    }
    let w;
    for (;;) {
      const z = cos(Math.PI * bitgen.nextDouble());
      w = (1 + s * z) / (s + z);
      const y = kappa * (s - w);
      const v = bitgen.nextDouble();
      if (y * (2 - y) - v >= 0 || log(y / v) + 1 - y >= 0) break;
    }
    const u = bitgen.nextDouble();
    let result = acos(w);
    if (u < 0.5) result = -result;
    result += mu;
    const mod = ((Math.abs(result) + Math.PI) % TWO_PI) - Math.PI;
    return result < 0 ? -mod : mod;
  }

  /**
   * One Dirichlet variate by gamma normalisation (numpy's standard case in both Generator and
   * RandomState): out[offset + j] = gamma(alpha[j]) / sum.
   */
  dirichletGammas(alpha, out, offset) {
    const k = alpha.length;
    let acc = 0.0;
    for (let j = 0; j < k; j++) {
      out[offset + j] = this.standardGamma(alpha[j]);
      acc = acc + out[offset + j];
    }
    const invacc = 1.0 / acc;
    for (let j = 0; j < k; j++) out[offset + j] = out[offset + j] * invacc;
  }

  /**
   * One Dirichlet variate by stick breaking with betas (Generator's small-alpha case), `csum[j]` =
   * sum(alpha[j:]); entries after a zero tail stay as `out` holds them (zeros).
   */
  dirichletSticks(alpha, csum, out, offset) {
    const k = alpha.length;
    let acc = 1.0;
    for (let j = 0; j < k - 1; j++) {
      const v = this.beta(alpha[j], csum[j + 1]);
      out[offset + j] = acc * v;
      acc *= 1.0 - v;
      if (csum[j + 1] === 0) break;
    }
    out[offset + k - 1] = acc;
  }
}

/**
 * RandomState's legacy samplers: the polar-method normal `gauss()` (RandomState keeps its cached
 * value), `-log(1 - U)` exponentials, and the legacy code where it differs from Generator's.
 */
export class LegacyContinuous extends Continuous {
  /** Over `bitgen` and `discrete`, with `gauss` numpy's `legacy_gauss` on the same bit generator. */
  constructor(bitgen, discrete, gauss) {
    super(bitgen, discrete);
    this._gauss = gauss;
  }

  _normal() {
    return this._gauss();
  }

  /** numpy's `legacy_standard_exponential`: `-log(1 - U)`. */
  _exponential() {
    return -log(1.0 - this._bitgen.nextDouble());
  }

  /** numpy's `legacy_pareto`: `exp(E / a) - 1`. */
  pareto(a) {
    return exp(this._exponential() / a) - 1;
  }

  /** numpy's `legacy_power`: `pow(1 - exp(-E), 1 / a)`. */
  power(a) {
    return pow(1 - exp(-this._exponential()), 1.0 / a);
  }

  /** numpy's `legacy_rayleigh`: `mode * sqrt(-2 * log1p(-U))`. */
  rayleigh(mode) {
    return mode * Math.sqrt(-2.0 * log1p(-this._bitgen.nextDouble()));
  }

  /** numpy's `legacy_wald`. */
  wald(mean, scale) {
    const mu2l = mean / (2 * scale);
    let y = this._normal();
    y = mean * y * y;
    const x = mean + mu2l * (y - Math.sqrt(4 * scale * y + y * y));
    return this._uniform() <= mean / (mean + x) ? x : (mean * mean) / x;
  }

  /** numpy's `legacy_beta`: Johnk's algorithm for a, b <= 1 (log-sum-exp on underflow), else gammas. */
  beta(a, b) {
    if (!(a <= 1.0 && b <= 1.0)) return this._gammaRatio(a, b);
    for (;;) {
      const u = this._uniform();
      const v = this._uniform();
      const x = pow(u, 1.0 / a);
      const y = pow(v, 1.0 / b);
      if (x + y <= 1.0) {
        if (x + y > 0) return x / (x + y);
        let logX = log(u) / a;
        let logY = log(v) / b;
        const logM = logX > logY ? logX : logY;
        logX -= logM;
        logY -= logM;
        return exp(logX - log(exp(logX) + exp(logY)));
      }
    }
  }

  /**
   * numpy's `legacy_noncentral_chisquare`: a NaN `nonc` still draws (its NaN guard comes after the
   * Poisson branch's draws; the df > 1 branch gives NaN by itself).
   */
  noncentralChisquare(df, nonc) {
    const out = this._noncentralChisquare(df, nonc);
    return nonc !== nonc ? NaN : out;
  }

  /** numpy's `legacy_vonmises` (no wrapped-normal branch). */
  vonmises(mu, kappa) {
    return super.vonmises(mu, kappa, true);
  }
}
