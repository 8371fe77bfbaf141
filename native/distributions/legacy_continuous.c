/* legacy_continuous.c: RandomState's continuous samplers (legacy-distributions.c: legacy_standard_gamma,
 * legacy_gamma, legacy_beta, legacy_chisquare, legacy_f, legacy_normal, legacy_lognormal,
 * legacy_standard_t, legacy_standard_cauchy, legacy_wald, legacy_standard_exponential,
 * legacy_exponential, legacy_pareto, legacy_weibull, legacy_power, legacy_rayleigh, legacy_vonmises,
 * and mtrand.pyx's dirichlet loop), bit for bit. Samplers drawing normals go through the polar
 * method's cache (prng_gauss, legacy.c). */
#include <math.h>

#include "gamma.h"

#ifndef M_PI
#define M_PI 3.14159265358979323846
#endif

static double legacy_standard_exponential(prng_draws_t *d) { return -log(1.0 - next_double(d)); }

static double legacy_exponential(prng_draws_t *d, double scale) { return scale * legacy_standard_exponential(d); }

static double legacy_standard_gamma(prng_draws_t *d, prng_legacy_gauss_t *g, double shape)
{
    return gamma_with(d, shape, legacy_standard_exponential, prng_gauss, g);
}

static double legacy_gamma(prng_draws_t *d, prng_legacy_gauss_t *g, double shape, double scale)
{
    return scale * legacy_standard_gamma(d, g, shape);
}

double prng_legacy_gamma(prng_draws_t *d, prng_legacy_gauss_t *g, double shape, double scale)
{
    return legacy_gamma(d, g, shape, scale);
}

static double legacy_beta(prng_draws_t *d, prng_legacy_gauss_t *g, double a, double b)
{
    if ((a <= 1.0) && (b <= 1.0)) {
        for (;;) {
            double U = next_double(d);
            double V = next_double(d);
            double X = pow(U, 1.0 / a);
            double Y = pow(V, 1.0 / b);
            if ((X + Y) <= 1.0) {
                if (X + Y > 0)
                    return X / (X + Y);
                double logX = log(U) / a;
                double logY = log(V) / b;
                double logM = logX > logY ? logX : logY;
                logX -= logM;
                logY -= logM;
                return exp(logX - log(exp(logX) + exp(logY)));
            }
        }
    }
    double Ga = legacy_standard_gamma(d, g, a);
    double Gb = legacy_standard_gamma(d, g, b);
    return Ga / (Ga + Gb);
}

double prng_legacy_chisquare(prng_draws_t *d, prng_legacy_gauss_t *g, double df)
{
    return 2.0 * legacy_standard_gamma(d, g, df / 2.0);
}

static double legacy_f(prng_draws_t *d, prng_legacy_gauss_t *g, double dfnum, double dfden)
{
    double num = prng_legacy_chisquare(d, g, dfnum) * dfden;
    return num / (prng_legacy_chisquare(d, g, dfden) * dfnum);
}

static double legacy_normal(prng_draws_t *d, prng_legacy_gauss_t *g, double loc, double scale)
{
    return loc + scale * prng_gauss(d, g);
}

static double legacy_lognormal(prng_draws_t *d, prng_legacy_gauss_t *g, double mean, double sigma)
{
    return exp(legacy_normal(d, g, mean, sigma));
}

static double legacy_standard_t(prng_draws_t *d, prng_legacy_gauss_t *g, double df)
{
    double num = prng_gauss(d, g);
    double denom = legacy_standard_gamma(d, g, df / 2);
    return sqrt(df / 2) * num / sqrt(denom);
}

static double legacy_standard_cauchy(prng_draws_t *d, prng_legacy_gauss_t *g)
{
    double num = prng_gauss(d, g);
    return num / prng_gauss(d, g);
}

static double legacy_wald(prng_draws_t *d, prng_legacy_gauss_t *g, double mean, double scale)
{
    double mu_2l = mean / (2 * scale);
    double Y = prng_gauss(d, g);
    Y = mean * Y * Y;
    double X = mean + mu_2l * (Y - sqrt(4 * scale * Y + Y * Y));
    double U = next_double(d);
    if (U <= mean / (mean + X))
        return X;
    return mean * mean / X;
}

static double legacy_pareto(prng_draws_t *d, double a) { return exp(legacy_standard_exponential(d) / a) - 1; }

static double legacy_weibull(prng_draws_t *d, double a)
{
    if (a == 0.0)
        return 0.0;
    return pow(legacy_standard_exponential(d), 1. / a);
}

static double legacy_power(prng_draws_t *d, double a)
{
    return pow(1 - exp(-legacy_standard_exponential(d)), 1. / a);
}

static double legacy_rayleigh(prng_draws_t *d, double mode) { return mode * sqrt(-2.0 * log1p(-next_double(d))); }

static double legacy_vonmises(prng_draws_t *d, double mu, double kappa)
{
    if (isnan(kappa))
        return NAN;
    if (kappa < 1e-8)
        return M_PI * (2 * next_double(d) - 1);
    return prng_vonmises_rejection(d, mu, kappa);
}

/* Fills without normals: each value makes at least one 64-bit draw (but weibull's a 0 and vonmises'
 * nan kappa, drawn ahead only for a scalar parameter that draws). */
#define OPEN(ahead)                                                                                 \
    uint64_t words[PRNG_AHEAD];                                                                     \
    prng_draws_t d = draws_open(bg, (ahead) ? words : NULL, 64)

#define LOOP(call)                                                                                  \
    for (size_t i = 0; i < n; i++) {                                                                \
        d.owed = n - i;                                                                             \
        out[i] = call;                                                                              \
    }                                                                                               \
    draws_close(&d)

void prng_legacy_standard_exponential_fill(prng_bitgen_t *bg, size_t n, double *out)
{
    OPEN(1);
    LOOP(legacy_standard_exponential(&d));
}

#define FILL1(name, sampler, ahead)                                                                 \
    void name(prng_bitgen_t *bg, size_t n, double *out, const double *a, size_t as)                \
    {                                                                                               \
        OPEN(ahead);                                                                                \
        LOOP(sampler(&d, a[i * as]));                                                               \
    }

FILL1(prng_legacy_exponential_fill, legacy_exponential, 1)
FILL1(prng_legacy_pareto_fill, legacy_pareto, 1)
FILL1(prng_legacy_weibull_fill, legacy_weibull, as == 0 && a[0] != 0.0)
FILL1(prng_legacy_power_fill, legacy_power, 1)
FILL1(prng_legacy_rayleigh_fill, legacy_rayleigh, 1)

void prng_legacy_vonmises_fill(prng_bitgen_t *bg, size_t n, double *out, const double *mu, size_t mus,
                               const double *kappa, size_t ks)
{
    OPEN(ks == 0 && !isnan(kappa[0]));
    LOOP(legacy_vonmises(&d, mu[i * mus], kappa[i * ks]));
}

/* Fills with normals: a cached normal makes no draw, so these never draw ahead. */
#define GFILL0(name, sampler)                                                                       \
    void name(prng_bitgen_t *bg, prng_legacy_gauss_t *g, size_t n, double *out)                     \
    {                                                                                               \
        OPEN(0);                                                                                    \
        LOOP(sampler(&d, g));                                                                       \
    }

#define GFILL1(name, sampler)                                                                       \
    void name(prng_bitgen_t *bg, prng_legacy_gauss_t *g, size_t n, double *out, const double *a,    \
              size_t as)                                                                            \
    {                                                                                               \
        OPEN(0);                                                                                    \
        LOOP(sampler(&d, g, a[i * as]));                                                            \
    }

#define GFILL2(name, sampler)                                                                       \
    void name(prng_bitgen_t *bg, prng_legacy_gauss_t *g, size_t n, double *out, const double *a,    \
              size_t as, const double *b, size_t bs)                                                \
    {                                                                                               \
        OPEN(0);                                                                                    \
        LOOP(sampler(&d, g, a[i * as], b[i * bs]));                                                 \
    }

GFILL1(prng_legacy_standard_gamma_fill, legacy_standard_gamma)
GFILL2(prng_legacy_gamma_fill, legacy_gamma)
GFILL2(prng_legacy_beta_fill, legacy_beta)
GFILL1(prng_legacy_chisquare_fill, prng_legacy_chisquare)
GFILL2(prng_legacy_f_fill, legacy_f)
GFILL2(prng_legacy_normal_fill, legacy_normal)
GFILL2(prng_legacy_lognormal_fill, legacy_lognormal)
GFILL1(prng_legacy_standard_t_fill, legacy_standard_t)
GFILL0(prng_legacy_standard_cauchy_fill, legacy_standard_cauchy)
GFILL2(prng_legacy_wald_fill, legacy_wald)

/* RandomState.dirichlet (mtrand.pyx): `rows` rows of k legacy gammas, each row normalised by its sum. */
void prng_legacy_dirichlet_fill(prng_bitgen_t *bg, prng_legacy_gauss_t *g, size_t rows, size_t k,
                                const double *alpha, double *out)
{
    OPEN(0);
    for (size_t i = 0; i < rows * k; i += k) {
        double acc = 0.0;
        for (size_t j = 0; j < k; j++) {
            out[i + j] = legacy_standard_gamma(&d, g, alpha[j]);
            acc = acc + out[i + j];
        }
        double invacc = 1 / acc;
        for (size_t j = 0; j < k; j++)
            out[i + j] = out[i + j] * invacc;
    }
    draws_close(&d);
}
