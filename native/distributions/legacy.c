/* legacy.c: RandomState's own samplers (numpy/random/src/legacy/legacy-distributions.c). */
#include <math.h>

#include "samplers.h"

/* legacy_gauss: Marsaglia's polar method; returns f * x2 and caches f * x1 for the next call. */
double prng_gauss(prng_draws_t *d, prng_legacy_gauss_t *cache)
{
    if (cache->has_gauss) {
        double value = cache->gauss;
        cache->has_gauss = 0;
        cache->gauss = 0.0;
        return value;
    }
    double x1, x2, r2;
    do {
        x1 = 2.0 * next_double(d) - 1.0;
        x2 = 2.0 * next_double(d) - 1.0;
        r2 = x1 * x1 + x2 * x2;
    } while (r2 >= 1.0 || r2 == 0.0);
    double f = sqrt(-2.0 * log(r2) / r2);
    cache->gauss = f * x1;
    cache->has_gauss = 1;
    return f * x2;
}

double prng_legacy_gauss(prng_bitgen_t *bg, prng_legacy_gauss_t *cache)
{
    prng_draws_t d = draws_open(bg, NULL, 0);
    double value = prng_gauss(&d, cache);
    draws_close(&d);
    return value;
}

void prng_legacy_gauss_fill(prng_bitgen_t *bg, prng_legacy_gauss_t *cache, size_t n, double *out)
{
    uint64_t words[PRNG_AHEAD];
    prng_draws_t d = draws_open(bg, words, 64);
    for (size_t i = 0; i < n; i++) {
        /* the values still owed, but a cached one, need at least one double each */
        d.owed = n - i - (size_t)cache->has_gauss;
        out[i] = prng_gauss(&d, cache);
    }
    draws_close(&d);
}
