/* legacy_discrete.c: RandomState's discrete samplers (legacy-distributions.c: legacy_random_binomial,
 * legacy_random_hypergeometric, legacy_random_zipf, legacy_random_geometric, legacy_logseries), bit for
 * bit. RandomState's poisson and multinomial are Generator's (discrete.c). The pure-Python reference is
 * prng/distributions/legacy_discrete.py. */
#include <math.h>

#include "discrete_fill.h"

/* legacy_random_binomial: exp(n log q) inversion or BTPE; n = 0 and p = 0 draw too. */
static int64_t legacy_binomial(prng_draws_t *d, double p, int64_t n, prng_binomial_t *b)
{
    if (p <= 0.5) {
        if (p * n <= 30.0)
            return prng_binomial_inversion(d, n, p, b, 1);
        return prng_binomial_btpe(d, n, p, b);
    }
    double q = 1.0 - p;
    if (q * n <= 30.0)
        return n - prng_binomial_inversion(d, n, q, b, 1);
    return n - prng_binomial_btpe(d, n, q, b);
}

/* legacy_negative_binomial: Generator's poisson of a legacy gamma(n, (1 - p) / p). */
static int64_t legacy_negative_binomial(prng_draws_t *d, prng_legacy_gauss_t *g, double n, double p)
{
    return prng_poisson(d, prng_legacy_gamma(d, g, n, (1 - p) / p));
}

/* random_hypergeometric_hyp (sample <= 10). */
static int64_t hypergeometric_hyp(prng_draws_t *d, int64_t good, int64_t bad, int64_t sample)
{
    int64_t d1 = bad + good - sample;
    double d2 = (double)(bad < good ? bad : good);
    double y = d2;
    int64_t k = sample;
    while (y > 0.0) {
        double u = next_double(d);
        y -= (int64_t)floor(u + y / (d1 + k));
        k--;
        if (k == 0)
            break;
    }
    int64_t z = (int64_t)(d2 - y);
    return good > bad ? sample - z : z;
}

#define D1 1.7155277699214135
#define D2 0.8989161620588988

static double loggam4(int64_t z, int64_t mingoodbad, int64_t m, int64_t maxgoodbad)
{
    return prng_loggam(z + 1) + prng_loggam(mingoodbad - z + 1) + prng_loggam(m - z + 1) +
           prng_loggam(maxgoodbad - m + z + 1);
}

/* random_hypergeometric_hrua, the legacy one (random_loggam; sample > 10). */
static int64_t hypergeometric_hrua(prng_draws_t *d, int64_t good, int64_t bad, int64_t sample)
{
    int64_t mingoodbad = good < bad ? good : bad, maxgoodbad = good > bad ? good : bad;
    int64_t popsize = good + bad;
    int64_t m = sample < popsize - sample ? sample : popsize - sample;
    double d4 = ((double)mingoodbad) / popsize;
    double d5 = 1.0 - d4;
    double d6 = m * d4 + 0.5;
    double d7 = sqrt((double)(popsize - m) * sample * d4 * d5 / (popsize - 1) + 0.5);
    double d8 = D1 * d7 + D2;
    int64_t d9 = (int64_t)floor((double)(m + 1) * (mingoodbad + 1) / (popsize + 2));
    double d10 = loggam4(d9, mingoodbad, m, maxgoodbad);
    double support = (m < mingoodbad ? m : mingoodbad) + 1.0, cut = floor(d6 + 16 * d7);
    double d11 = support < cut ? support : cut;
    int64_t z;
    for (;;) {
        double x = next_double(d);
        double y = next_double(d);
        double w = d6 + d8 * (y - 0.5) / x;
        if (w < 0.0 || w >= d11)
            continue;
        z = (int64_t)floor(w);
        double t = d10 - loggam4(z, mingoodbad, m, maxgoodbad);
        if (x * (4.0 - x) - 3.0 <= t)
            break;
        if (x * (x - t) >= 1)
            continue;
        if (2.0 * log(x) <= t)
            break;
    }
    if (good > bad)
        z = m - z;
    if (m < sample)
        z = good - z;
    return z;
}

static int64_t legacy_hypergeometric(prng_draws_t *d, int64_t good, int64_t bad, int64_t sample)
{
    if (sample > 10)
        return hypergeometric_hrua(d, good, bad, sample);
    if (sample > 0)
        return hypergeometric_hyp(d, good, bad, sample);
    return 0;
}

static int64_t legacy_zipf(prng_draws_t *d, double a)
{
    double am1 = a - 1.0;
    double b = pow(2.0, am1);
    for (;;) {
        double u = 1.0 - next_double(d);
        double v = next_double(d);
        double x = floor(pow(u, -1.0 / am1));
        if (x > (double)INT64_MAX || x < 1.0)
            continue;
        double t = pow(1.0 + 1.0 / x, am1);
        if (v * x * (t - 1.0) / (b - 1.0) <= t / b)
            return (int64_t)x;
    }
}

static int64_t legacy_geometric(prng_draws_t *d, double p)
{
    if (p >= 0.333333333333333333333333)
        return prng_geometric_search(d, p);
    return (int64_t)ceil(log1p(-next_double(d)) / log(1 - p));
}

static int64_t legacy_logseries(prng_draws_t *d, double p)
{
    double r = log(1.0 - p);
    for (;;) {
        double v = next_double(d);
        if (v >= p)
            return 1;
        double u = next_double(d);
        double q = 1.0 - exp(r * u);
        if (v <= q * q) {
            int64_t result = (int64_t)floor(1 + log(v) / log(q));
            if (result < 1 || v == 0.0)
                continue;
            return result;
        }
        return v >= q ? 1 : 2;
    }
}

/* ---- fills: every value but the hypergeometric's makes a 64-bit draw ---- */

BINOMIAL_FILL(prng_legacy_random_binomial_fill, legacy_binomial, 1)
HYPERGEOMETRIC_FILL(prng_legacy_random_hypergeometric_fill, legacy_hypergeometric)
DISCRETE_FILL1(prng_legacy_random_zipf_fill, legacy_zipf, 1)
DISCRETE_FILL1(prng_legacy_random_geometric_fill, legacy_geometric, 1)
DISCRETE_FILL1(prng_legacy_logseries_fill, legacy_logseries, 1)

void prng_legacy_negative_binomial_fill(prng_bitgen_t *bg, prng_legacy_gauss_t *g, size_t n, int64_t *out,
                                        const double *nn, size_t n_step, const double *p, size_t p_step)
{
    DISCRETE_LOOP(1, legacy_negative_binomial(&d, g, nn[i * n_step], p[i * p_step]))
}
