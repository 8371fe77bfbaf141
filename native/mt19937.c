/* mt19937.c: MT19937 as numpy runs it (numpy/random/src/mt19937/mt19937.{h,c}, mt19937-jump.c),
 * with the reference seeding of Matsumoto and Nishimura's mt19937ar.c.
 */
#include "prng.h"
#include "fill.h"

#define N 624
#define M 397
#define MATRIX_A 0x9908b0dfU
#define UPPER_MASK 0x80000000U
#define LOWER_MASK 0x7fffffffU

/* mt19937_jump_poly[624]: numpy's poly_coef (coefficient d of the 2^128-step jump polynomial is
 * bit d % 32 of word d / 32), generated from prng/data/mt19937_jump.json by make_mt19937_jump.py. */
#include "mt19937_jump.h"

/* One word of the recurrence: the upper bit of `word`, the lower 31 of `next`, xor `far`. */
static inline uint32_t twist_word(uint32_t word, uint32_t next, uint32_t far)
{
    uint32_t y = (word & UPPER_MASK) | (next & LOWER_MASK);
    return far ^ (y >> 1) ^ (-(y & 1U) & MATRIX_A);
}

/* numpy's mt19937_gen: regenerate all 624 words. */
static void twist_all(uint32_t *key)
{
    int i;
    for (i = 0; i < N - M; i++)
        key[i] = twist_word(key[i], key[i + 1], key[i + M]);
    for (; i < N - 1; i++)
        key[i] = twist_word(key[i], key[i + 1], key[i + M - N]);
    key[N - 1] = twist_word(key[N - 1], key[0], key[M - 1]);
}

static inline uint32_t temper(uint32_t y)
{
    y ^= y >> 11;
    y ^= (y << 7) & 0x9d2c5680U;
    y ^= (y << 15) & 0xefc60000U;
    return y ^ (y >> 18);
}

/* mt19937ar init_genrand (numpy's mt19937_seed, RandomState(int), std::mt19937). */
void prng_mt19937_init_genrand(prng_mt19937_t *g, uint32_t seed)
{
    g->key[0] = seed;
    for (uint32_t i = 1; i < N; i++)
        g->key[i] = 1812433253U * (g->key[i - 1] ^ (g->key[i - 1] >> 30)) + i;
    g->pos = N;
}

/* mt19937ar init_by_array (numpy's RandomState(list), CPython random.seed). len must be >= 1. */
void prng_mt19937_init_by_array(prng_mt19937_t *g, const uint32_t *words, size_t len)
{
    uint32_t *key = g->key, i = 1;
    size_t j = 0;
    prng_mt19937_init_genrand(g, 19650218U);
    for (size_t k = len > N ? len : N; k > 0; k--) {
        key[i] = (key[i] ^ ((key[i - 1] ^ (key[i - 1] >> 30)) * 1664525U)) + words[j] + (uint32_t)j;
        if (++i >= N) {
            key[0] = key[N - 1];
            i = 1;
        }
        if (++j >= len)
            j = 0;
    }
    for (int k = N - 1; k > 0; k--) {
        key[i] = (key[i] ^ ((key[i - 1] ^ (key[i - 1] >> 30)) * 1566083941U)) - i;
        if (++i >= N) {
            key[0] = key[N - 1];
            i = 1;
        }
    }
    key[0] = 0x80000000U;
    g->pos = N;
}

/* numpy's mt19937_next32. */
uint32_t prng_mt19937_next_uint32(prng_mt19937_t *g)
{
    if (g->pos >= N) {
        twist_all(g->key);
        g->pos = 0;
    }
    return temper(g->key[g->pos++]);
}

void prng_mt19937_fill_uint32(prng_mt19937_t *g, uint32_t *out, size_t n)
{
    int pos = g->pos;
    while (n > 0) {
        if (pos >= N) {
            twist_all(g->key);
            pos = 0;
        }
        size_t k = (size_t)(N - pos) < n ? (size_t)(N - pos) : n;
        const uint32_t *words = g->key + pos;
        for (size_t i = 0; i < k; i++)
            out[i] = temper(words[i]);
        out += k;
        n -= k;
        pos += (int)k;
    }
    g->pos = pos;
}

static void mt19937_fill32(void *g, uint32_t *out, size_t n) { prng_mt19937_fill_uint32(g, out, n); }

void prng_mt19937_fill_raw(prng_mt19937_t *g, uint64_t *out, size_t n)
{
    prng_fill_raw_from32(g, mt19937_fill32, out, n);
}

void prng_mt19937_fill_uint64(prng_mt19937_t *g, uint64_t *out, size_t n)
{
    prng_fill_uint64_from32(g, mt19937_fill32, out, n);
}

void prng_mt19937_fill_double(prng_mt19937_t *g, double *out, size_t n)
{
    prng_fill_double_from32(g, mt19937_fill32, out, n);
}

/* mt19937-jump.c gen_next: the one-word twist at pos, so the state is a ring starting at pos. */
static void step_one(prng_mt19937_t *g)
{
    int i = g->pos, next = i + 1 < N ? i + 1 : 0, far = i + M < N ? i + M : i + M - N;
    g->key[i] = twist_word(g->key[i], g->key[next], g->key[far]);
    g->pos = next;
}

/* mt19937-jump.c add_state: xor the ring of `b` into the ring of `a`, each read from its pos. */
static void add_ring(prng_mt19937_t *restrict a, const prng_mt19937_t *restrict b)
{
    int ia = a->pos, ib = b->pos;
    for (int done = 0; done < N;) { /* at most three runs where neither ring wraps */
        int run = N - (ia > ib ? ia : ib);
        if (run > N - done)
            run = N - done;
        for (int k = 0; k < run; k++)
            a->key[ia + k] ^= b->key[ib + k];
        done += run;
        ia = (ia + run) % N;
        ib = (ib + run) % N;
    }
}

static inline int jump_coef(int d) { return (mt19937_jump_poly[d >> 5] >> (d & 31)) & 1; }

/* numpy's mt19937_jump_state: jump_poly(F) applied to the state by Horner's rule (2^128 steps). */
void prng_mt19937_jump(prng_mt19937_t *g)
{
    prng_mt19937_t acc;
    int d = 32 * N - 1;
    if (g->pos >= N)
        g->pos = 0;
    while (!jump_coef(d))
        d--;
    acc = *g;
    step_one(&acc);
    for (d--; d > 0; d--) {
        if (jump_coef(d))
            add_ring(&acc, g);
        step_one(&acc);
    }
    if (jump_coef(0))
        add_ring(&acc, g);
    *g = acc;
}

PRNG_PAIR_DOUBLE(mt19937, prng_mt19937_t)
PRNG_BITGEN32(mt19937, prng_mt19937_t, mt19937_pair_double, 32)
