/* bounded.h (internal): numpy's bounded-integer draws (distributions.c: gen_mask, the buffered
 * 16/8/1-bit pieces, Lemire's method and masked rejection, random_bounded_uint64, random_interval),
 * inline, for the fills of bounded.c and the shuffles of shuffle.c. */
#ifndef PRNG_BOUNDED_H
#define PRNG_BOUNDED_H

#include "draws.h"

#ifndef __SIZEOF_INT128__
#error "bounded.h needs a compiler with unsigned __int128 (gcc or clang)"
#endif

typedef unsigned __int128 u128;

/* numpy's gen_mask: the smallest 2^k - 1 >= max. */
static inline uint64_t gen_mask(uint64_t max)
{
    uint64_t mask = max;
    mask |= mask >> 1;
    mask |= mask >> 2;
    mask |= mask >> 4;
    mask |= mask >> 8;
    mask |= mask >> 16;
    mask |= mask >> 32;
    return mask;
}

/* A 32-bit draw cut into 32 / bits pieces, handed out lowest first (numpy's buffered_uint16,
 * buffered_uint8 and the bool buffer; one buffer lives for one fill). */
typedef struct {
    uint32_t word;
    int left;
} piece_buffer;

static inline uint32_t next_piece(prng_draws_t *d, piece_buffer *b, int bits)
{
    if (b->left == 0) {
        b->word = next_uint32(d);
        b->left = 32 / bits - 1;
    } else {
        b->word >>= bits;
        b->left--;
    }
    return b->word;
}

/* One `bits`-bit draw (32, 16 or 8). */
static inline uint32_t draw_bits(prng_draws_t *d, piece_buffer *b, int bits)
{
    return bits == 32 ? next_uint32(d) : next_piece(d, b, bits) & ((1U << bits) - 1);
}

/* Lemire's method on `bits`-bit draws, for rng below 2^bits - 1. */
static inline uint32_t lemire_small(prng_draws_t *d, uint32_t rng, int bits, piece_buffer *b)
{
    const uint32_t full = (uint32_t)(((uint64_t)1 << bits) - 1), rng_excl = rng + 1;
    uint64_t m = (uint64_t)draw_bits(d, b, bits) * rng_excl;
    uint32_t leftover = (uint32_t)(m & full);
    if (leftover < rng_excl) {
        const uint32_t threshold = (full - rng) % rng_excl;
        while (leftover < threshold) {
            m = (uint64_t)draw_bits(d, b, bits) * rng_excl;
            leftover = (uint32_t)(m & full);
        }
    }
    return (uint32_t)(m >> bits);
}

static inline uint64_t lemire_uint64(prng_draws_t *d, uint64_t rng)
{
    const uint64_t rng_excl = rng + 1;
    u128 m = (u128)next_uint64(d) * rng_excl;
    uint64_t leftover = (uint64_t)m;
    if (leftover < rng_excl) {
        const uint64_t threshold = (UINT64_MAX - rng) % rng_excl;
        while (leftover < threshold) {
            m = (u128)next_uint64(d) * rng_excl;
            leftover = (uint64_t)m;
        }
    }
    return (uint64_t)(m >> 64);
}

/* Masked rejection on `bits`-bit draws (32, 16 or 8). */
static inline uint32_t masked_small(prng_draws_t *d, uint32_t rng, uint32_t mask, int bits, piece_buffer *b)
{
    uint32_t value;
    while ((value = draw_bits(d, b, bits) & mask) > rng)
        ;
    return value;
}

static inline uint64_t masked_uint64(prng_draws_t *d, uint64_t rng, uint64_t mask)
{
    uint64_t value;
    while ((value = next_uint64(d) & mask) > rng)
        ;
    return value;
}

/* One value in [0, rng] (rng > 0) from `bits`-bit draws (32, 16 or 8); rng may be the full width. */
static inline uint32_t bounded_small(prng_draws_t *d, uint32_t rng, uint32_t mask, int bits,
                                     int use_masked, piece_buffer *b)
{
    if (rng == (uint32_t)(((uint64_t)1 << bits) - 1))
        return draw_bits(d, b, bits);
    return use_masked ? masked_small(d, rng, mask, bits, b) : lemire_small(d, rng, bits, b);
}

/* One value in [0, rng] (rng > 0) from 64-bit draws. */
static inline uint64_t bounded_large(prng_draws_t *d, uint64_t rng, uint64_t mask, int use_masked)
{
    if (rng == UINT64_MAX)
        return next_uint64(d);
    return use_masked ? masked_uint64(d, rng, mask) : lemire_uint64(d, rng);
}

PRNG_INLINE uint64_t bounded_uint64(prng_draws_t *d, uint64_t off, uint64_t rng, uint64_t mask, int use_masked)
{
    if (rng == 0)
        return off;
    if (rng <= 0xffffffffULL)
        return off + bounded_small(d, (uint32_t)rng, (uint32_t)mask, 32, use_masked, NULL);
    return off + bounded_large(d, rng, mask, use_masked);
}

/* numpy's random_interval: masked rejection in [0, max]. */
PRNG_INLINE uint64_t interval(prng_draws_t *d, uint64_t max)
{
    return bounded_uint64(d, 0, max, gen_mask(max), 1);
}

#endif /* PRNG_BOUNDED_H */
