/* noncentral.c: numpy's noncentral chi-square and F samplers, which draw a poisson (discrete.c):
 * random_noncentral_chisquare and random_noncentral_f (distributions.c) for Generator,
 * legacy_noncentral_chisquare and legacy_noncentral_f (legacy-distributions.c) for RandomState. A nan
 * or zero nonc makes no draw or a chisquare that may make none, so these fills never draw ahead. */
#include <math.h>

#include "samplers.h"

static double noncentral_chisquare(prng_draws_t *d, double df, double nonc)
{
    if (isnan(nonc))
        return NAN;
    if (nonc == 0)
        return prng_chisquare(d, df);
    if (1 < df) {
        const double Chi2 = prng_chisquare(d, df - 1);
        const double n = prng_standard_normal(d) + sqrt(nonc);
        return Chi2 + n * n;
    }
    const int64_t i = prng_poisson(d, nonc / 2.0);
    return prng_chisquare(d, df + 2 * i);
}

static double noncentral_f(prng_draws_t *d, double dfnum, double dfden, double nonc)
{
    double t = noncentral_chisquare(d, dfnum, nonc) * dfden;
    return t / (prng_chisquare(d, dfden) * dfnum);
}

/* legacy_noncentral_chisquare: normals from the polar cache, and the nan check after the draws. */
static double legacy_noncentral_chisquare(prng_draws_t *d, prng_legacy_gauss_t *g, double df, double nonc)
{
    if (nonc == 0)
        return prng_legacy_chisquare(d, g, df);
    if (1 < df) {
        const double Chi2 = prng_legacy_chisquare(d, g, df - 1);
        const double n = prng_gauss(d, g) + sqrt(nonc);
        return Chi2 + n * n;
    }
    const int64_t i = prng_poisson(d, nonc / 2.0);
    double out = prng_legacy_chisquare(d, g, df + 2 * i);
    return isnan(nonc) ? NAN : out;
}

static double legacy_noncentral_f(prng_draws_t *d, prng_legacy_gauss_t *g, double dfnum, double dfden,
                                  double nonc)
{
    double t = legacy_noncentral_chisquare(d, g, dfnum, nonc) * dfden;
    return t / (prng_legacy_chisquare(d, g, dfden) * dfnum);
}

void prng_random_noncentral_chisquare_fill(prng_bitgen_t *bg, size_t n, double *out, const double *df,
                                           size_t dfs, const double *nonc, size_t ns)
{
    prng_draws_t d = draws_open(bg, NULL, 0);
    for (size_t i = 0; i < n; i++)
        out[i] = noncentral_chisquare(&d, df[i * dfs], nonc[i * ns]);
    draws_close(&d);
}

void prng_random_noncentral_f_fill(prng_bitgen_t *bg, size_t n, double *out, const double *dfnum, size_t dfns,
                                   const double *dfden, size_t dfds, const double *nonc, size_t ns)
{
    prng_draws_t d = draws_open(bg, NULL, 0);
    for (size_t i = 0; i < n; i++)
        out[i] = noncentral_f(&d, dfnum[i * dfns], dfden[i * dfds], nonc[i * ns]);
    draws_close(&d);
}

void prng_legacy_noncentral_chisquare_fill(prng_bitgen_t *bg, prng_legacy_gauss_t *g, size_t n, double *out,
                                           const double *df, size_t dfs, const double *nonc, size_t ns)
{
    prng_draws_t d = draws_open(bg, NULL, 0);
    for (size_t i = 0; i < n; i++)
        out[i] = legacy_noncentral_chisquare(&d, g, df[i * dfs], nonc[i * ns]);
    draws_close(&d);
}

void prng_legacy_noncentral_f_fill(prng_bitgen_t *bg, prng_legacy_gauss_t *g, size_t n, double *out,
                                   const double *dfnum, size_t dfns, const double *dfden, size_t dfds,
                                   const double *nonc, size_t ns)
{
    prng_draws_t d = draws_open(bg, NULL, 0);
    for (size_t i = 0; i < n; i++)
        out[i] = legacy_noncentral_f(&d, g, dfnum[i * dfns], dfden[i * dfds], nonc[i * ns]);
    draws_close(&d);
}
