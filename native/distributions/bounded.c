/* bounded.c: numpy's bounded integers (distributions.c: random_interval, random_bounded_uint64,
 * random_bounded_uint{64,32,16,8}_fill, random_bounded_bool_fill): Lemire's method (Generator) and
 * masked rejection (RandomState, shuffles), with numpy's 32-bit draws for 64-bit types whose range
 * fits 32 bits and its 16/8/1-bit pieces cut from one 32-bit draw, lowest bits first. */
#include "bounded.h"

uint64_t prng_random_interval(prng_bitgen_t *bg, uint64_t max)
{
    prng_draws_t d = draws_open(bg, NULL, 0);
    uint64_t value = interval(&d, max);
    draws_close(&d);
    return value;
}

uint64_t prng_random_bounded_uint64(prng_bitgen_t *bg, uint64_t off, uint64_t rng, uint64_t mask,
                                    int use_masked)
{
    prng_draws_t d = draws_open(bg, NULL, 0);
    uint64_t value = bounded_uint64(&d, off, rng, mask, use_masked);
    draws_close(&d);
    return value;
}

/* Store value i of a fill into `out`, an array of `out_bits`-bit unsigned integers. */
PRNG_INLINE void store(void *out, size_t i, uint64_t value, int out_bits)
{
    if (out_bits == 64)
        ((uint64_t *)out)[i] = value;
    else if (out_bits == 32)
        ((uint32_t *)out)[i] = (uint32_t)value;
    else if (out_bits == 16)
        ((uint16_t *)out)[i] = (uint16_t)value;
    else
        ((uint8_t *)out)[i] = (uint8_t)value;
}

/* n values off + [0, rng] (0 < rng < 2^bits - 1) from `bits`-bit draws (32, 16 or 8) by one method,
 * into `out_bits`-bit integers; with constant bits, use_masked and out_bits each call compiles to its
 * own loop. Each value takes at least one piece, so the 32-bit draws still owed are at least the
 * values still owed over 32 / bits. */
PRNG_INLINE void fill_small(prng_draws_t *d, uint64_t off, uint32_t rng, size_t n, int bits,
                            int use_masked, void *out, int out_bits)
{
    const uint32_t mask = (uint32_t)gen_mask(rng);
    piece_buffer b = {0, 0};
    for (size_t i = 0; i < n; i++) {
        d->owed = (n - i) / (size_t)(32 / bits);
        uint32_t value = use_masked ? masked_small(d, rng, mask, bits, &b) : lemire_small(d, rng, bits, &b);
        store(out, i, off + value, out_bits);
    }
}

/* The same with whole `bits`-bit draws (rng 2^bits - 1) or no draw (rng 0). */
PRNG_INLINE void fill_trivial(prng_draws_t *d, uint64_t off, uint32_t rng, size_t n, int bits, void *out,
                              int out_bits)
{
    piece_buffer b = {0, 0};
    for (size_t i = 0; i < n; i++) {
        d->owed = (n - i) / (size_t)(32 / bits);
        store(out, i, off + (rng ? draw_bits(d, &b, bits) : 0), out_bits);
    }
}

/* A fill from `bits`-bit draws into `out_bits`-bit integers (numpy's random_bounded_uint{32,16,8}_fill
 * and random_bounded_uint64_fill's 32-bit loop for ranges that fit 32 bits), one piece buffer for the
 * whole fill, as numpy's. */
PRNG_INLINE void fill_bits(prng_bitgen_t *bg, uint64_t off, uint32_t rng, size_t n, int use_masked,
                           int bits, void *out, int out_bits)
{
    uint64_t words[PRNG_AHEAD];
    prng_draws_t d = draws_open(bg, words, 32);
    if (rng == 0 || rng == (uint32_t)(((uint64_t)1 << bits) - 1))
        fill_trivial(&d, off, rng, n, bits, out, out_bits);
    else if (use_masked)
        fill_small(&d, off, rng, n, bits, 1, out, out_bits);
    else
        fill_small(&d, off, rng, n, bits, 0, out, out_bits);
    draws_close(&d);
}

/* n values off + [0, rng] (rng above 2^32 - 1) from 64-bit draws, by one method (a constant). */
PRNG_INLINE void fill_large(prng_draws_t *d, uint64_t off, uint64_t rng, size_t n, int use_masked,
                              uint64_t *out)
{
    const uint64_t mask = gen_mask(rng);
    for (size_t i = 0; i < n; i++) {
        d->owed = n - i;
        out[i] = off + bounded_large(d, rng, mask, use_masked);
    }
}

void prng_random_bounded_uint64_fill(prng_bitgen_t *bg, uint64_t off, uint64_t rng, size_t n,
                                     int use_masked, uint64_t *out)
{
    if (rng <= 0xffffffffULL) { /* numpy's 32-bit draws */
        fill_bits(bg, off, (uint32_t)rng, n, use_masked, 32, out, 64);
        return;
    }
    uint64_t words[PRNG_AHEAD];
    prng_draws_t d = draws_open(bg, words, 64);
    if (use_masked)
        fill_large(&d, off, rng, n, 1, out);
    else
        fill_large(&d, off, rng, n, 0, out);
    draws_close(&d);
}

#define FILL_BITS(type, bits)                                                                       \
    void prng_random_bounded_uint##bits##_fill(prng_bitgen_t *bg, type off, type rng, size_t n,     \
                                               int use_masked, type *out)                           \
    {                                                                                               \
        fill_bits(bg, off, rng, n, use_masked, bits, out, bits);                                    \
    }

FILL_BITS(uint32_t, 32)
FILL_BITS(uint16_t, 16)
FILL_BITS(uint8_t, 8)

/* numpy's buffered_bounded_bool: rng 0 gives off, else one bit of a buffered 32-bit draw. */
void prng_random_bounded_bool_fill(prng_bitgen_t *bg, uint8_t off, uint8_t rng, size_t n, uint8_t *out)
{
    uint64_t words[PRNG_AHEAD];
    prng_draws_t d = draws_open(bg, words, 32);
    piece_buffer b = {0, 0};
    for (size_t i = 0; i < n; i++) {
        d.owed = (n - i) / 32;
        out[i] = rng ? (uint8_t)(next_piece(&d, &b, 1) & 1) : off;
    }
    draws_close(&d);
}

/* numpy's _rand_<type>_broadcast loop: out[i] in [off[i], off[i] + rng[i]] (steps 0 or 1), into `out_bits`-bit
 * integers (64, 32, 16, 8; 1 for bool), from random_bounded_uint64 per value (64-bit types) or
 * random_buffered_bounded_<type> with one piece buffer for the whole fill. A value with rng 0 makes
 * no draw, so the view draws no words ahead. */
void prng_random_bounded_broadcast_fill(prng_bitgen_t *bg, size_t n, const uint64_t *off, size_t off_step,
                                        const uint64_t *rng, size_t rng_step, int use_masked, int out_bits, void *out)
{
    prng_draws_t d = draws_open(bg, NULL, 0);
    piece_buffer b = {0, 0};
    for (size_t i = 0; i < n; i++) {
        const uint64_t r = rng[i * rng_step];
        uint64_t value = off[i * off_step];
        if (out_bits == 64)
            value = bounded_uint64(&d, value, r, gen_mask(r), use_masked);
        else if (r != 0 && out_bits == 1)
            value = next_piece(&d, &b, 1) & 1;
        else if (r != 0)
            value += bounded_small(&d, (uint32_t)r, (uint32_t)gen_mask(r), out_bits, use_masked, &b);
        store(out, i, value, out_bits == 1 ? 8 : out_bits);
    }
    draws_close(&d);
}
