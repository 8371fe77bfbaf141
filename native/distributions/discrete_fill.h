/* discrete_fill.h (internal): the int64 fills of discrete.c and legacy_discrete.c, one value per
 * sampler call with broadcast parameters (value i is p[i * p_step]). A fill draws ahead (draws.h) when
 * `all_draw`, an expression of the parameters, says that every value makes a 64-bit draw. */
#ifndef PRNG_DISCRETE_FILL_H
#define PRNG_DISCRETE_FILL_H

#include <math.h>

#include "samplers.h"

/* Whether every value of a broadcast parameter lies in (lo, hi). */
static inline int all_in(const double *values, size_t step, size_t n, double lo, double hi)
{
    for (size_t i = 0; i < (step ? n : 1); i++)
        if (!(values[i] > lo && values[i] < hi))
            return 0;
    return 1;
}

static inline int all_positive(const int64_t *values, size_t step, size_t n)
{
    for (size_t i = 0; i < (step ? n : 1); i++)
        if (values[i] <= 0)
            return 0;
    return 1;
}

#define DISCRETE_LOOP(all_draw, call)                                                                \
    uint64_t words[PRNG_AHEAD];                                                                      \
    prng_draws_t d = draws_open(bg, (all_draw) ? words : NULL, 64);                                  \
    for (size_t i = 0; i < n; i++) {                                                                 \
        d.owed = n - i;                                                                              \
        out[i] = call;                                                                               \
    }                                                                                                \
    draws_close(&d);

/* name(bg, n, out, a, a_step): sampler(&d, a) per value. */
#define DISCRETE_FILL1(name, sampler, all_draw)                                                      \
    void name(prng_bitgen_t *bg, size_t n, int64_t *out, const double *a, size_t a_step)            \
    {                                                                                                \
        DISCRETE_LOOP(all_draw, sampler(&d, a[i * a_step]))                                          \
    }

/* name(bg, n, out, p, p_step, nn, n_step, cache): a binomial sampler with numpy's binomial_t. */
#define BINOMIAL_FILL(name, sampler, all_draw)                                                       \
    void name(prng_bitgen_t *bg, size_t n, int64_t *out, const double *p, size_t p_step,             \
              const int64_t *nn, size_t n_step, prng_binomial_t *cache)                              \
    {                                                                                                \
        DISCRETE_LOOP(all_draw, sampler(&d, p[i * p_step], nn[i * n_step], cache))                   \
    }

/* name(bg, n, out, good, .., bad, .., sample, ..): hypergeometric samplers, which draw 32-bit words
 * (random_interval) as well as doubles, so never ahead. */
#define HYPERGEOMETRIC_FILL(name, sampler)                                                           \
    void name(prng_bitgen_t *bg, size_t n, int64_t *out, const int64_t *good, size_t good_step,      \
              const int64_t *bad, size_t bad_step, const int64_t *sample, size_t sample_step)        \
    {                                                                                                \
        DISCRETE_LOOP(0, sampler(&d, good[i * good_step], bad[i * bad_step], sample[i * sample_step])) \
    }

#endif /* PRNG_DISCRETE_FILL_H */
