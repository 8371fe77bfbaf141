/* draws.h (internal): what every sampler draws with. A sampler call opens a prng_draws_t over a
 * prng_bitgen_t: a local view holding numpy's buffered uint32 half and a cursor over draws made ahead,
 * so the compiler keeps them in registers (they never alias the output), and closes it at the end,
 * writing the buffered half back. The draws are numpy's next_uint64, next_uint32, next_double and
 * next_float (distributions.c).
 *
 * Drawing ahead: a fill whose values all start with a draw of one width (32: next_uint32; 64:
 * next_uint64 or next_double) and make no draw of the other width opens its view with that width and
 * keeps `owed`, a lower bound on the draws still to come, up to date (the values still owed, for most).
 * When a draw finds no draw made ahead, the generator's bulk fill makes up to `owed` at once. None is
 * left unused, so the generator ends exactly where numpy's does. Generators whose doubles are not
 * made of their 64-bit draws (ARC4, MidSquare: word_bits 0) never draw ahead. */
#ifndef PRNG_DRAWS_H
#define PRNG_DRAWS_H

#include "distributions.h"

#if defined(__GNUC__)
#define PRNG_INLINE static inline __attribute__((always_inline)) /* the loops' views stay in registers */
#else
#define PRNG_INLINE static inline
#endif

#define PRNG_AHEAD 256    /* 64-bit draws (or twice as many 32-bit ones) made ahead at most */
#define PRNG_AHEAD_MIN 16 /* below this many, drawing ahead does not pay */

typedef struct {
    prng_bitgen_t *bg;
    uint32_t (*natural32)(void *state); /* bg's natural 32-bit draw, or NULL: halves of 64-bit ones */
    int word_bits, has_uint32;
    uint32_t uinteger;
    uint64_t *ahead; /* a buffer of PRNG_AHEAD words for draws made ahead, or NULL */
    int width;       /* 32 or 64: the width of the draws made ahead */
    size_t owed;     /* at least this many draws of that width are still to come */
    const uint64_t *next64, *end64; /* the 64-bit draws made ahead and not used yet */
    const uint32_t *next32, *end32; /* the 32-bit ones */
} prng_draws_t;

/* A view of bg for one call; `ahead` (PRNG_AHEAD words) and `width` (32 or 64) let a fill draw ahead. */
static inline prng_draws_t draws_open(prng_bitgen_t *bg, uint64_t *ahead, int width)
{
    prng_draws_t d = {bg, bg->next_uint32, bg->word_bits, bg->has_uint32, bg->uinteger,
                      bg->word_bits ? ahead : NULL, width, 0, NULL, NULL, NULL, NULL};
    return d;
}

/* Write numpy's buffered half back (every draw made ahead has been used by then). */
static inline void draws_close(prng_draws_t *d)
{
    d->bg->has_uint32 = d->has_uint32;
    d->bg->uinteger = d->uinteger;
}

/* The generator's own 32-bit draw: natural, or the halves of 64-bit draws, low first (numpy's buffer). */
static inline uint32_t draw32(prng_draws_t *d)
{
    if (d->natural32)
        return d->natural32(d->bg->state);
    if (d->has_uint32) {
        d->has_uint32 = 0;
        return d->uinteger;
    }
    uint64_t word = d->bg->next_uint64(d->bg->state);
    d->has_uint32 = 1;
    d->uinteger = (uint32_t)(word >> 32);
    return (uint32_t)word;
}

/* n 32-bit draws in bulk: the buffered half first, then the generator's own fill; a 64-bit generator
 * keeps the high half of its last draw buffered, as n single draws would. */
static inline void draws_fill32(prng_draws_t *d, uint32_t *out, size_t n)
{
    size_t i = 0;
    if (d->natural32) {
        d->bg->fill_uint32(d->bg->state, out, n);
        return;
    }
    if (n > 0 && d->has_uint32) {
        out[i++] = d->uinteger;
        d->has_uint32 = 0;
    }
    size_t pairs = (n - i) / 2;
    d->bg->fill_uint32(d->bg->state, out + i, 2 * pairs);
    if (pairs > 0)
        d->uinteger = out[i + 2 * pairs - 1]; /* numpy keeps the last high half, used or not */
    if (i + 2 * pairs < n)
        out[n - 1] = draw32(d);
}

/* Make up to `owed` 32-bit draws ahead. A 64-bit generator's words are its draws' halves, low first,
 * as a little-endian machine stores them (the buffered half, if any, is taken first, alone). */
static inline int ahead32(prng_draws_t *d)
{
    if (d->width != 32 || !d->ahead || d->owed < PRNG_AHEAD_MIN)
        return 0;
    size_t k = d->owed < 2 * PRNG_AHEAD ? d->owed : 2 * PRNG_AHEAD;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    if (!d->natural32) {
        if (d->has_uint32)
            return 0;
        k /= 2;
        d->bg->fill_uint64(d->bg->state, d->ahead, k);
        d->uinteger = (uint32_t)(d->ahead[k - 1] >> 32); /* numpy keeps the last high half */
        k *= 2;
    } else
#endif
        draws_fill32(d, (uint32_t *)d->ahead, k);
    d->next32 = (const uint32_t *)d->ahead;
    d->end32 = d->next32 + k;
    return 1;
}

static inline int ahead64(prng_draws_t *d)
{
    if (d->width != 64 || !d->ahead || d->owed < PRNG_AHEAD_MIN)
        return 0;
    size_t k = d->owed < PRNG_AHEAD ? d->owed : PRNG_AHEAD;
    d->bg->fill_uint64(d->bg->state, d->ahead, k);
    d->next64 = d->ahead;
    d->end64 = d->ahead + k;
    return 1;
}

/* numpy's next_uint32: a draw made ahead, or the generator's. */
static inline uint32_t next_uint32(prng_draws_t *d)
{
    if (d->next32 < d->end32 || ahead32(d))
        return *d->next32++;
    return draw32(d);
}

static inline uint64_t next_uint64(prng_draws_t *d)
{
    if (d->next64 < d->end64 || ahead64(d))
        return *d->next64++;
    return d->bg->next_uint64(d->bg->state);
}

/* numpy's next_double; a 64-bit draw made ahead becomes the generator's double: its top 53 bits, or
 * for 32-bit generators 27 + 26 bits of its two words (mt19937_next_double). */
static inline double next_double(prng_draws_t *d)
{
    if (d->next64 < d->end64 || ahead64(d)) {
        uint64_t w = *d->next64++;
        if (d->word_bits == 64)
            return (double)(w >> 11) * (1.0 / 9007199254740992.0);
        return ((double)(w >> 37) * 67108864.0 + (double)((uint32_t)w >> 6)) / 9007199254740992.0;
    }
    return d->bg->next_double(d->bg->state);
}

/* numpy's next_float: the top 24 bits of a 32-bit draw. */
static inline float next_float(prng_draws_t *d) { return (next_uint32(d) >> 8) * (1.0f / 16777216.0f); }

#endif /* PRNG_DRAWS_H */
