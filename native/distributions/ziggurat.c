/* ziggurat.c: numpy's 256-layer ziggurats (random_standard_normal[_f], random_standard_exponential[_f]
 * of distributions.c), bit for bit: the same draws in the same order, the same libm calls. */
#include <math.h>

#include "samplers.h"
#include "ziggurat_tables.h"

/* The float64 normal's tail beyond ziggurat_nor_r; the sign is bit 8 of rabs. */
static double normal_tail(prng_draws_t *d, uint64_t rabs)
{
    for (;;) {
        double xx = -ziggurat_nor_inv_r * log1p(-next_double(d));
        double yy = -log1p(-next_double(d));
        if (yy + yy > xx * xx)
            return ((rabs >> 8) & 0x1) ? -(ziggurat_nor_r + xx) : ziggurat_nor_r + xx;
    }
}

double prng_standard_normal(prng_draws_t *d)
{
    for (;;) {
        uint64_t r = next_uint64(d);
        int idx = r & 0xff;
        r >>= 8;
        uint64_t rabs = (r >> 1) & 0x000fffffffffffffULL;
        double x = rabs * wi_double[idx];
        if (r & 0x1)
            x = -x;
        if (rabs < ki_double[idx])
            return x;
        if (idx == 0)
            return normal_tail(d, rabs);
        if ((fi_double[idx - 1] - fi_double[idx]) * next_double(d) + fi_double[idx] < exp(-0.5 * x * x))
            return x;
    }
}

/* The float32 normal's tail (float arithmetic, log1pf). */
static float normal_tail_f(prng_draws_t *d, uint32_t rabs)
{
    for (;;) {
        float xx = -ziggurat_nor_inv_r_f * log1pf(-next_float(d));
        float yy = -log1pf(-next_float(d));
        if (yy + yy > xx * xx)
            return ((rabs >> 8) & 0x1) ? -(ziggurat_nor_r_f + xx) : ziggurat_nor_r_f + xx;
    }
}

float prng_standard_normal_f(prng_draws_t *d)
{
    for (;;) {
        uint32_t r = next_uint32(d);
        int idx = r & 0xff;
        uint32_t rabs = (r >> 9) & 0x0007fffff;
        float x = rabs * wi_float[idx];
        if ((r >> 8) & 0x1)
            x = -x;
        if (rabs < ki_float[idx])
            return x;
        if (idx == 0)
            return normal_tail_f(d, rabs);
        /* the wedge test compares in double, as numpy's exp(-0.5 * x * x) promotes it */
        if ((fi_float[idx - 1] - fi_float[idx]) * next_float(d) + fi_float[idx] < exp(-0.5 * x * x))
            return x;
    }
}

double prng_standard_exponential(prng_draws_t *d)
{
    for (;;) {
        uint64_t ri = next_uint64(d) >> 3;
        int idx = ri & 0xff;
        ri >>= 8;
        double x = ri * we_double[idx];
        if (ri < ke_double[idx])
            return x;
        if (idx == 0)
            return ziggurat_exp_r - log1p(-next_double(d));
        if ((fe_double[idx - 1] - fe_double[idx]) * next_double(d) + fe_double[idx] < exp(-x))
            return x;
    }
}

float prng_standard_exponential_f(prng_draws_t *d)
{
    for (;;) {
        uint32_t ri = next_uint32(d) >> 1;
        int idx = ri & 0xff;
        ri >>= 8;
        float x = ri * we_float[idx];
        if (ri < ke_float[idx])
            return x;
        if (idx == 0)
            return ziggurat_exp_r_f - log1pf(-next_float(d));
        if ((fe_float[idx - 1] - fe_float[idx]) * next_float(d) + fe_float[idx] < expf(-x))
            return x;
    }
}

/* One value, for callers outside a fill. */
#define SCALAR(type, name, sampler)                                                                 \
    type name(prng_bitgen_t *bg)                                                                    \
    {                                                                                               \
        prng_draws_t d = draws_open(bg, NULL, 0);                                                      \
        type value = sampler(&d);                                                                   \
        draws_close(&d);                                                                            \
        return value;                                                                               \
    }

SCALAR(double, prng_random_standard_normal, prng_standard_normal)
SCALAR(float, prng_random_standard_normal_f, prng_standard_normal_f)
SCALAR(double, prng_random_standard_exponential, prng_standard_exponential)
SCALAR(float, prng_random_standard_exponential_f, prng_standard_exponential_f)

/* n values of a sampler whose every value starts with a `width`-bit draw, and makes no other. */
#define FILL(type, name, sampler, width)                                                            \
    void name(prng_bitgen_t *bg, size_t n, type *out)                                               \
    {                                                                                               \
        uint64_t words[PRNG_AHEAD];                                                                 \
        prng_draws_t d = draws_open(bg, words, width);                                              \
        for (size_t i = 0; i < n; i++) {                                                            \
            d.owed = n - i;                                                                         \
            out[i] = sampler(&d);                                                                   \
        }                                                                                           \
        draws_close(&d);                                                                            \
    }

FILL(double, prng_random_standard_normal_fill, prng_standard_normal, 64)
FILL(float, prng_random_standard_normal_fill_f, prng_standard_normal_f, 32)
FILL(double, prng_random_standard_exponential_fill, prng_standard_exponential, 64)
FILL(float, prng_random_standard_exponential_fill_f, prng_standard_exponential_f, 32)

/* numpy's random_normal and random_exponential, parameters broadcast by step. */
void prng_random_normal_fill(prng_bitgen_t *bg, size_t n, double *out,
                             const double *loc, size_t loc_step, const double *scale, size_t scale_step)
{
    uint64_t words[PRNG_AHEAD];
    prng_draws_t d = draws_open(bg, words, 64);
    for (size_t i = 0; i < n; i++) {
        d.owed = n - i;
        out[i] = loc[i * loc_step] + scale[i * scale_step] * prng_standard_normal(&d);
    }
    draws_close(&d);
}

void prng_random_exponential_fill(prng_bitgen_t *bg, size_t n, double *out, const double *scale,
                                  size_t scale_step)
{
    uint64_t words[PRNG_AHEAD];
    prng_draws_t d = draws_open(bg, words, 64);
    for (size_t i = 0; i < n; i++) {
        d.owed = n - i;
        out[i] = scale[i * scale_step] * prng_standard_exponential(&d);
    }
    draws_close(&d);
}
