/* fill.h (internal): numpy's conversions between natural words and uint64/uint32/double, applied in
 * bulk. Each generator implements its natural fill; these derive the others from it, a cache-sized
 * chunk at a time, so the generator's own loop keeps its state in registers.
 * PRNG_BITGEN64 / PRNG_BITGEN32 (at the end) bind a generator's functions into prng_bitgen_t.
 */
#ifndef PRNG_FILL_H
#define PRNG_FILL_H

#include <stddef.h>
#include <stdint.h>

#define PRNG_FILL_CHUNK 512

typedef void (*prng_fill32_fn)(void *g, uint32_t *out, size_t n);
typedef void (*prng_fill64_fn)(void *g, uint64_t *out, size_t n);

/* numpy's uint64_to_double (_common.pxd): the top 53 bits times 2^-53. */
static inline double prng_uint64_to_double(uint64_t x)
{
    return (double)(x >> 11) * (1.0 / 9007199254740992.0);
}

/* numpy's mt19937_next_double: (a >> 5, b >> 6) from two 32-bit draws, 53 bits in all. */
static inline double prng_uint32_pair_to_double(uint32_t a, uint32_t b)
{
    return ((double)(a >> 5) * 67108864.0 + (double)(b >> 6)) / 9007199254740992.0;
}

/* random_raw of a 32-bit generator: each word zero-extended. */
static inline void prng_fill_raw_from32(void *g, prng_fill32_fn fill32, uint64_t *out, size_t n)
{
    uint32_t words[PRNG_FILL_CHUNK];
    while (n > 0) {
        size_t k = n < PRNG_FILL_CHUNK ? n : PRNG_FILL_CHUNK;
        fill32(g, words, k);
        for (size_t i = 0; i < k; i++)
            out[i] = words[i];
        out += k;
        n -= k;
    }
}

/* next_uint64 of a 32-bit generator (numpy's mt19937_next64): first draw is the high half. */
static inline void prng_fill_uint64_from32(void *g, prng_fill32_fn fill32, uint64_t *out, size_t n)
{
    uint32_t words[PRNG_FILL_CHUNK];
    while (n > 0) {
        size_t k = n < PRNG_FILL_CHUNK / 2 ? n : PRNG_FILL_CHUNK / 2;
        fill32(g, words, 2 * k);
        for (size_t i = 0; i < k; i++)
            out[i] = (uint64_t)words[2 * i] << 32 | words[2 * i + 1];
        out += k;
        n -= k;
    }
}

static inline void prng_fill_double_from32(void *g, prng_fill32_fn fill32, double *out, size_t n)
{
    uint32_t words[PRNG_FILL_CHUNK];
    while (n > 0) {
        size_t k = n < PRNG_FILL_CHUNK / 2 ? n : PRNG_FILL_CHUNK / 2;
        fill32(g, words, 2 * k);
        for (size_t i = 0; i < k; i++)
            out[i] = prng_uint32_pair_to_double(words[2 * i], words[2 * i + 1]);
        out += k;
        n -= k;
    }
}

/* 32-bit words of a 64-bit generator: low half first, as numpy's buffered next_uint32. */
static inline void prng_fill_uint32_from64(void *g, prng_fill64_fn fill64, uint32_t *out, size_t n)
{
    uint64_t draws[PRNG_FILL_CHUNK];
    while (n > 0) {
        size_t k = n < 2 * PRNG_FILL_CHUNK ? n : 2 * PRNG_FILL_CHUNK;
        fill64(g, draws, (k + 1) / 2);
        for (size_t i = 0; i < k; i++)
            out[i] = (uint32_t)(draws[i / 2] >> (32 * (i & 1)));
        out += k;
        n -= k;
    }
}

static inline void prng_fill_double_from64(void *g, prng_fill64_fn fill64, double *out, size_t n)
{
    uint64_t draws[PRNG_FILL_CHUNK];
    while (n > 0) {
        size_t k = n < PRNG_FILL_CHUNK ? n : PRNG_FILL_CHUNK;
        fill64(g, draws, k);
        for (size_t i = 0; i < k; i++)
            out[i] = prng_uint64_to_double(draws[i]);
        out += k;
        n -= k;
    }
}

/* prng_<algo>_bitgen for a 64-bit generator with prng_<algo>_next_uint64 and the three fills:
 * the void-pointer draws of prng_bitgen_t; a 32-bit draw is half of next_uint64 (next_uint32 NULL). */
#define PRNG_BITGEN64(algo, type)                                                                   \
    static uint64_t algo##_draw64(void *g) { return prng_##algo##_next_uint64((type *)g); }        \
    static double algo##_draw_double(void *g)                                                       \
    {                                                                                               \
        return prng_uint64_to_double(prng_##algo##_next_uint64((type *)g));                       \
    }                                                                                               \
    static void algo##_bulk64(void *g, uint64_t *o, size_t n) { prng_##algo##_fill_uint64((type *)g, o, n); } \
    static void algo##_bulk32(void *g, uint32_t *o, size_t n) { prng_##algo##_fill_uint32((type *)g, o, n); } \
    static void algo##_bulk_double(void *g, double *o, size_t n) { prng_##algo##_fill_double((type *)g, o, n); } \
    void prng_##algo##_bitgen(prng_bitgen_t *bg, type *g)                                           \
    {                                                                                               \
        *bg = (prng_bitgen_t){g, algo##_draw64, NULL, algo##_draw_double,                          \
                              algo##_bulk64, algo##_bulk32, algo##_bulk_double, 64, 0, 0};              \
    }

/* numpy's mt19937_next_double for a 32-bit generator: two draws, the first one high. */
#define PRNG_PAIR_DOUBLE(algo, type)                                                                \
    static double algo##_pair_double(void *g)                                                       \
    {                                                                                               \
        uint32_t a = prng_##algo##_next_uint32((type *)g);                                         \
        return prng_uint32_pair_to_double(a, prng_##algo##_next_uint32((type *)g));                \
    }

/* prng_<algo>_bitgen for a 32-bit generator with prng_<algo>_next_uint32 and the three fills;
 * next_uint64 from two draws, the first one high (numpy's mt19937_next64); `draw_double` is the
 * generator's next_double as a void-pointer function; `word_bits` 32, or 0 where that double is not
 * numpy's two-word one. */
#define PRNG_BITGEN32(algo, type, draw_double, word_bits)                                           \
    static uint32_t algo##_draw32(void *g) { return prng_##algo##_next_uint32((type *)g); }        \
    static uint64_t algo##_draw64(void *g)                                                          \
    {                                                                                               \
        uint64_t high = prng_##algo##_next_uint32((type *)g);                                      \
        return high << 32 | prng_##algo##_next_uint32((type *)g);                                  \
    }                                                                                               \
    static void algo##_bulk64(void *g, uint64_t *o, size_t n) { prng_##algo##_fill_uint64((type *)g, o, n); } \
    static void algo##_bulk32(void *g, uint32_t *o, size_t n) { prng_##algo##_fill_uint32((type *)g, o, n); } \
    static void algo##_bulk_double(void *g, double *o, size_t n) { prng_##algo##_fill_double((type *)g, o, n); } \
    void prng_##algo##_bitgen(prng_bitgen_t *bg, type *g)                                           \
    {                                                                                               \
        *bg = (prng_bitgen_t){g, algo##_draw64, algo##_draw32, draw_double,                        \
                              algo##_bulk64, algo##_bulk32, algo##_bulk_double, word_bits, 0, 0};        \
    }

#endif /* PRNG_FILL_H */
