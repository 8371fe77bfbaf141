/* midsquare.c: von Neumann's middle-square method on an even number of decimal digits (2..18):
 * the square, zero-padded to 2*digits digits, keeps its middle `digits` digits.
 */
#include "prng.h"

#ifndef __SIZEOF_INT128__
#error "midsquare.c needs a compiler with unsigned __int128 (gcc or clang)"
#endif

typedef unsigned __int128 u128;

static uint64_t power_of_ten(int k)
{
    uint64_t p = 1;
    while (k-- > 0)
        p *= 10;
    return p;
}

static inline uint64_t middle_square(uint64_t value, uint64_t shift, uint64_t modulus)
{
    return (uint64_t)(((u128)value * value / shift) % modulus);
}

static int bit_length(uint64_t x)
{
    int k = 0;
    for (; x; x >>= 1)
        k++;
    return k;
}

/* a / b correctly rounded to double (as Python's int / int), for 0 <= a < b < 2^63: a quotient of
 * 55..56 bits with a sticky bit for the remainder rounds once, exactly as the real quotient would. */
static double ratio_to_double(uint64_t a, uint64_t b)
{
    if (a == 0)
        return 0.0;
    int k = 55 + bit_length(b) - bit_length(a);
    u128 scaled = (u128)a << k;
    uint64_t q = (uint64_t)(scaled / b), sticky = (scaled % b) != 0;
    double m = (double)(q | sticky);
    while (k-- > 0) /* exact: scaling by 2^-1, far above the subnormals */
        m *= 0.5;
    return m;
}

uint64_t prng_midsquare_next_uint64(prng_midsquare_t *g)
{
    int half = g->digits / 2;
    g->value = middle_square(g->value, power_of_ten(half), power_of_ten(g->digits));
    return g->value;
}

void prng_midsquare_fill_uint64(prng_midsquare_t *g, uint64_t *out, size_t n)
{
    uint64_t value = g->value, shift = power_of_ten(g->digits / 2), modulus = power_of_ten(g->digits);
    for (size_t i = 0; i < n; i++)
        out[i] = value = middle_square(value, shift, modulus);
    g->value = value;
}

/* value / 10**digits, correctly rounded. */
void prng_midsquare_fill_double(prng_midsquare_t *g, double *out, size_t n)
{
    uint64_t modulus = power_of_ten(g->digits);
    for (size_t i = 0; i < n; i++)
        out[i] = ratio_to_double(prng_midsquare_next_uint64(g), modulus);
}

/* MidSquare's draws are its decimal values: next_uint64 and next_uint32 (digits <= 8, checked by the
 * caller) are the next value, next_double the next value / 10^digits. */
static uint64_t midsquare_draw64(void *g) { return prng_midsquare_next_uint64(g); }
static uint32_t midsquare_draw32(void *g) { return (uint32_t)prng_midsquare_next_uint64(g); }

static double midsquare_draw_double(void *g)
{
    double d;
    prng_midsquare_fill_double(g, &d, 1);
    return d;
}

static void midsquare_bulk64(void *g, uint64_t *out, size_t n) { prng_midsquare_fill_uint64(g, out, n); }

static void midsquare_bulk32(void *g, uint32_t *out, size_t n)
{
    for (size_t i = 0; i < n; i++)
        out[i] = (uint32_t)prng_midsquare_next_uint64(g);
}

static void midsquare_bulk_double(void *g, double *out, size_t n) { prng_midsquare_fill_double(g, out, n); }

void prng_midsquare_bitgen(prng_bitgen_t *bg, prng_midsquare_t *g)
{
    *bg = (prng_bitgen_t){g, midsquare_draw64, midsquare_draw32, midsquare_draw_double,
                          midsquare_bulk64, midsquare_bulk32, midsquare_bulk_double, 0, 0, 0};
}
