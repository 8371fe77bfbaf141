/* uniform.c: 32-bit draws and uniforms in bulk (numpy's random_standard_uniform_fill[_f],
 * random_uniform). */
#include "samplers.h"

#define CHUNK 1024

/* n next_uint32 draws (numpy's buffered half honoured), in bulk. */
void prng_fill_uint32(prng_bitgen_t *bg, uint32_t *out, size_t n)
{
    prng_draws_t d = draws_open(bg, NULL, 0);
    draws_fill32(&d, out, n);
    draws_close(&d);
}

void prng_random_standard_uniform_fill(prng_bitgen_t *bg, size_t n, double *out)
{
    bg->fill_double(bg->state, out, n);
}

void prng_random_standard_uniform_fill_f(prng_bitgen_t *bg, size_t n, float *out)
{
    uint32_t words[CHUNK];
    while (n > 0) {
        size_t k = n < CHUNK ? n : CHUNK;
        prng_fill_uint32(bg, words, k);
        for (size_t i = 0; i < k; i++)
            out[i] = (words[i] >> 8) * (1.0f / 16777216.0f);
        out += k;
        n -= k;
    }
}

void prng_random_uniform_fill(prng_bitgen_t *bg, size_t n, double *out,
                              const double *low, size_t low_step, const double *range, size_t range_step)
{
    uint64_t words[PRNG_AHEAD];
    prng_draws_t d = draws_open(bg, words, 64);
    for (size_t i = 0; i < n; i++) {
        d.owed = n - i;
        out[i] = low[i * low_step] + range[i * range_step] * next_double(&d);
    }
    draws_close(&d);
}
