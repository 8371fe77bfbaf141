/* continuous.c: numpy's continuous samplers for Generator (distributions.c: random_standard_gamma[_f],
 * random_beta, random_chisquare, random_f, random_standard_cauchy, random_pareto, random_weibull,
 * random_power, random_laplace, random_gumbel, random_logistic, random_lognormal, random_rayleigh,
 * random_standard_t, random_wald, random_vonmises, random_triangular, the inverse-method exponentials,
 * and _generator.pyx's dirichlet loop), bit for bit: the same draws in the same order, the same
 * operations and the same libm calls (compiled with -ffp-contract=off, as numpy's are without FMA). */
#include <math.h>

#include "gamma.h"

#define BETA_TINY_THRESHOLD 3e-103
#ifndef M_PI
#define M_PI 3.14159265358979323846
#endif

/* Generator's normal as gamma_with's normal (no cache). */
static double ziggurat_normal(prng_draws_t *d, prng_legacy_gauss_t *cache)
{
    (void)cache;
    return prng_standard_normal(d);
}

double prng_standard_gamma(prng_draws_t *d, double shape)
{
    return gamma_with(d, shape, prng_standard_exponential, ziggurat_normal, NULL);
}

float prng_standard_gamma_f(prng_draws_t *d, float shape)
{
    if (shape == 1.0f)
        return prng_standard_exponential_f(d);
    if (shape == 0.0)
        return 0.0;
    if (shape < 1.0f) {
        for (;;) {
            float U = next_float(d);
            float V = prng_standard_exponential_f(d);
            if (U <= 1.0f - shape) {
                float X = powf(U, 1.0f / shape);
                if (X <= V)
                    return X;
            } else {
                float Y = -logf((1.0f - U) / shape);
                float X = powf(1.0f - shape + shape * Y, 1.0f / shape);
                if (X <= (V + Y))
                    return X;
            }
        }
    }
    float b = shape - 1.0f / 3.0f;
    float c = 1.0f / sqrtf(9.0f * b);
    for (;;) {
        float X, V;
        do {
            X = prng_standard_normal_f(d);
            V = 1.0f + c * X;
        } while (V <= 0.0f);
        V = V * V * V;
        float U = next_float(d);
        if (U < 1.0f - 0.0331f * (X * X) * (X * X))
            return (b * V);
        if (logf(U) < 0.5f * X * X + b * (1.0f - V + logf(V)))
            return (b * V);
    }
}

static double gamma_(prng_draws_t *d, double shape, double scale)
{
    return scale * prng_standard_gamma(d, shape);
}

/* random_beta: Johnk's algorithm for a, b <= 1 (one uniform below BETA_TINY_THRESHOLD, logs when a
 * power underflows), else the ratio of two gammas. */
double prng_beta(prng_draws_t *d, double a, double b)
{
    if ((a <= 1.0) && (b <= 1.0)) {
        if (a < BETA_TINY_THRESHOLD && b < BETA_TINY_THRESHOLD) {
            double U = next_double(d);
            return (a + b) * U < a;
        }
        for (;;) {
            double U = next_double(d);
            double V = next_double(d);
            double X = pow(U, 1.0 / a);
            double Y = pow(V, 1.0 / b);
            double XpY = X + Y;
            if ((XpY <= 1.0) && (U + V > 0.0)) {
                if ((X > 0) && (Y > 0))
                    return X / XpY;
                double logX = log(U) / a;
                double logY = log(V) / b;
                double delta = logX - logY;
                if (delta > 0)
                    return exp(-log1p(exp(-delta)));
                return exp(delta - log1p(exp(delta)));
            }
        }
    }
    double Ga = prng_standard_gamma(d, a);
    double Gb = prng_standard_gamma(d, b);
    return Ga / (Ga + Gb);
}

double prng_chisquare(prng_draws_t *d, double df) { return 2.0 * prng_standard_gamma(d, df / 2.0); }

static double f_(prng_draws_t *d, double dfnum, double dfden)
{
    double subexpr1 = prng_chisquare(d, dfnum) * dfden;
    double subexpr2 = prng_chisquare(d, dfden) * dfnum;
    return subexpr1 / subexpr2;
}

static double standard_cauchy(prng_draws_t *d)
{
    double subexpr1 = prng_standard_normal(d);
    double subexpr2 = prng_standard_normal(d);
    return subexpr1 / subexpr2;
}

static double pareto(prng_draws_t *d, double a) { return expm1(prng_standard_exponential(d) / a); }

static double weibull(prng_draws_t *d, double a)
{
    if (a == 0.0)
        return 0.0;
    return pow(prng_standard_exponential(d), 1. / a);
}

static double power_(prng_draws_t *d, double a) { return pow(-expm1(-prng_standard_exponential(d)), 1. / a); }

static double laplace(prng_draws_t *d, double loc, double scale)
{
    for (;;) {
        double U = next_double(d);
        if (U >= 0.5)
            return loc - scale * log(2.0 - U - U);
        if (U > 0.0)
            return loc + scale * log(U + U);
    }
}

static double gumbel(prng_draws_t *d, double loc, double scale)
{
    for (;;) {
        double U = 1.0 - next_double(d);
        if (U < 1.0)
            return loc - scale * log(-log(U));
    }
}

static double logistic(prng_draws_t *d, double loc, double scale)
{
    for (;;) {
        double U = next_double(d);
        if (U > 0.0)
            return loc + scale * log(U / (1.0 - U));
    }
}

static double lognormal(prng_draws_t *d, double mean, double sigma)
{
    return exp(mean + sigma * prng_standard_normal(d));
}

static double rayleigh(prng_draws_t *d, double mode) { return mode * sqrt(2.0 * prng_standard_exponential(d)); }

static double standard_t(prng_draws_t *d, double df)
{
    double num = prng_standard_normal(d);
    double denom = prng_standard_gamma(d, df / 2);
    return sqrt(df / 2) * num / sqrt(denom);
}

static double wald(prng_draws_t *d, double mean, double scale)
{
    double Y = prng_standard_normal(d);
    Y = mean * Y * Y;
    double dd = 1 + sqrt(1 + 4 * scale / Y);
    double X = mean * (1 - 2 / dd);
    double U = next_double(d);
    if (U <= mean / (mean + X))
        return X;
    return mean * mean / X;
}

/* The rejection part of random_vonmises and legacy_vonmises (kappa >= 1e-8; s from the Taylor
 * expansion below 1e-5), the result wrapped into [-pi, pi]. */
double prng_vonmises_rejection(prng_draws_t *d, double mu, double kappa)
{
    double s, W;
    if (kappa < 1e-5) {
        s = (1. / kappa + kappa);
    } else {
        double r = 1 + sqrt(1 + 4 * kappa * kappa);
        double rho = (r - sqrt(2 * r)) / (2 * kappa);
        s = (1 + rho * rho) / (2 * rho);
    }
    for (;;) {
        double U = next_double(d);
        double Z = cos(M_PI * U);
        W = (1 + s * Z) / (s + Z);
        double Y = kappa * (s - W);
        double V = next_double(d);
        if ((Y * (2 - Y) - V >= 0) || (log(Y / V) + 1 - Y >= 0))
            break;
    }
    double U = next_double(d);
    double result = acos(W);
    if (U < 0.5)
        result = -result;
    result += mu;
    int neg = (result < 0);
    double mod = fabs(result);
    mod = (fmod(mod + M_PI, 2 * M_PI) - M_PI);
    if (neg)
        mod *= -1;
    return mod;
}

static double vonmises(prng_draws_t *d, double mu, double kappa)
{
    if (isnan(kappa))
        return NAN;
    if (kappa < 1e-8)
        return M_PI * (2 * next_double(d) - 1);
    if (kappa > 1e6) { /* numpy's wrapped normal */
        double result = mu + sqrt(1. / kappa) * prng_standard_normal(d);
        if (result < -M_PI)
            result += 2 * M_PI;
        if (result > M_PI)
            result -= 2 * M_PI;
        return result;
    }
    return prng_vonmises_rejection(d, mu, kappa);
}

static double triangular(prng_draws_t *d, double left, double mode, double right)
{
    double base = right - left;
    double leftbase = mode - left;
    double ratio = leftbase / base;
    double leftprod = leftbase * base;
    double rightprod = (right - mode) * base;
    double U = next_double(d);
    if (U <= ratio)
        return left + sqrt(U * leftprod);
    return right - sqrt((1.0 - U) * rightprod);
}

static double standard_exponential_inv(prng_draws_t *d) { return -log1p(-next_double(d)); }

static float standard_exponential_inv_f(prng_draws_t *d) { return -log1p(-next_float(d)); }

/* Fills. Each value makes at least one 64-bit draw (next_uint64 or next_double) and no 32-bit one, so
 * the view draws ahead, except where a parameter value makes no draw at all (gamma's shape 0, a chisquare
 * df whose half is 0, weibull's a 0, vonmises' nan kappa): those fills draw ahead only for a scalar
 * parameter that draws. */
#define OPEN(ahead)                                                                                 \
    uint64_t words[PRNG_AHEAD];                                                                     \
    prng_draws_t d = draws_open(bg, (ahead) ? words : NULL, 64)

#define FILL0(name, sampler)                                                                        \
    void name(prng_bitgen_t *bg, size_t n, double *out)                                             \
    {                                                                                               \
        OPEN(1);                                                                                    \
        for (size_t i = 0; i < n; i++) {                                                            \
            d.owed = n - i;                                                                         \
            out[i] = sampler(&d);                                                                   \
        }                                                                                           \
        draws_close(&d);                                                                            \
    }

#define FILL1(name, sampler, ahead)                                                                 \
    void name(prng_bitgen_t *bg, size_t n, double *out, const double *a, size_t as)                \
    {                                                                                               \
        OPEN(ahead);                                                                                \
        for (size_t i = 0; i < n; i++) {                                                            \
            d.owed = n - i;                                                                         \
            out[i] = sampler(&d, a[i * as]);                                                        \
        }                                                                                           \
        draws_close(&d);                                                                            \
    }

#define FILL2(name, sampler, ahead)                                                                 \
    void name(prng_bitgen_t *bg, size_t n, double *out, const double *a, size_t as, const double *b, \
              size_t bs)                                                                            \
    {                                                                                               \
        OPEN(ahead);                                                                                \
        for (size_t i = 0; i < n; i++) {                                                            \
            d.owed = n - i;                                                                         \
            out[i] = sampler(&d, a[i * as], b[i * bs]);                                             \
        }                                                                                           \
        draws_close(&d);                                                                            \
    }

#define FILL3(name, sampler, ahead)                                                                 \
    void name(prng_bitgen_t *bg, size_t n, double *out, const double *a, size_t as, const double *b, \
              size_t bs, const double *c, size_t cs)                                                \
    {                                                                                               \
        OPEN(ahead);                                                                                \
        for (size_t i = 0; i < n; i++) {                                                            \
            d.owed = n - i;                                                                         \
            out[i] = sampler(&d, a[i * as], b[i * bs], c[i * cs]);                                  \
        }                                                                                           \
        draws_close(&d);                                                                            \
    }

FILL1(prng_random_standard_gamma_fill, prng_standard_gamma, as == 0 && a[0] != 0.0)
FILL2(prng_random_gamma_fill, gamma_, as == 0 && a[0] != 0.0)
FILL2(prng_random_beta_fill, prng_beta, 1)
FILL1(prng_random_chisquare_fill, prng_chisquare, as == 0 && a[0] / 2.0 != 0.0)
FILL2(prng_random_f_fill, f_, (as == 0 && a[0] / 2.0 != 0.0) || (bs == 0 && b[0] / 2.0 != 0.0))
FILL0(prng_random_standard_cauchy_fill, standard_cauchy)
FILL1(prng_random_pareto_fill, pareto, 1)
FILL1(prng_random_weibull_fill, weibull, as == 0 && a[0] != 0.0)
FILL1(prng_random_power_fill, power_, 1)
FILL2(prng_random_laplace_fill, laplace, 1)
FILL2(prng_random_gumbel_fill, gumbel, 1)
FILL2(prng_random_logistic_fill, logistic, 1)
FILL2(prng_random_lognormal_fill, lognormal, 1)
FILL1(prng_random_rayleigh_fill, rayleigh, 1)
FILL1(prng_random_standard_t_fill, standard_t, 1)
FILL2(prng_random_wald_fill, wald, 1)
FILL2(prng_random_vonmises_fill, vonmises, bs == 0 && !isnan(b[0]))
FILL3(prng_random_triangular_fill, triangular, 1)
FILL0(prng_random_standard_exponential_inv_fill, standard_exponential_inv)

void prng_random_standard_gamma_fill_f(prng_bitgen_t *bg, size_t n, float *out, const float *a, size_t as)
{
    /* 32-bit draws only; shape 0 draws nothing */
    uint64_t words[PRNG_AHEAD];
    prng_draws_t d = draws_open(bg, (as == 0 && a[0] != 0.0f) ? words : NULL, 32);
    for (size_t i = 0; i < n; i++) {
        d.owed = n - i;
        out[i] = prng_standard_gamma_f(&d, a[i * as]);
    }
    draws_close(&d);
}

void prng_random_standard_exponential_inv_fill_f(prng_bitgen_t *bg, size_t n, float *out)
{
    uint64_t words[PRNG_AHEAD];
    prng_draws_t d = draws_open(bg, words, 32);
    for (size_t i = 0; i < n; i++) {
        d.owed = n - i;
        out[i] = standard_exponential_inv_f(&d);
    }
    draws_close(&d);
}

/* Generator.dirichlet (_generator.pyx): `rows` rows of k values in out (zeros on entry). With `stick`
 * (numpy: every alpha below 0.1), stick-breaking with betas, csum (k doubles of scratch) holding the
 * sums of alpha[j..k); else gammas normalised by their sum. */
void prng_random_dirichlet_fill(prng_bitgen_t *bg, size_t rows, size_t k, const double *alpha, int stick,
                                double *csum, double *out)
{
    prng_draws_t d = draws_open(bg, NULL, 0);
    if (stick) {
        double sum = 0.0;
        for (size_t j = k; j-- > 0;) {
            sum += alpha[j];
            csum[j] = sum;
        }
        for (size_t i = 0; sum > 0 && i < rows * k; i += k) {
            double acc = 1.;
            for (size_t j = 0; j + 1 < k; j++) {
                double v = prng_beta(&d, alpha[j], csum[j + 1]);
                out[i + j] = acc * v;
                acc *= (1. - v);
                if (csum[j + 1] == 0)
                    break;
            }
            out[i + k - 1] = acc;
        }
    } else {
        for (size_t i = 0; i < rows * k; i += k) {
            double acc = 0.;
            for (size_t j = 0; j < k; j++) {
                out[i + j] = prng_standard_gamma(&d, alpha[j]);
                acc = acc + out[i + j];
            }
            double invacc = 1. / acc;
            for (size_t j = 0; j < k; j++)
                out[i + j] = out[i + j] * invacc;
        }
    }
    draws_close(&d);
}
