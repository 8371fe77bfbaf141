/* shuffle.c: numpy's Generator shuffles and choice selection (_generator.pyx: _shuffle_raw,
 * _shuffle_int, and choice's Floyd loop; RandomState.shuffle is the same _shuffle_raw). */
#include <string.h>

#include "bounded.h"

/* The 32-bit draws still owed by the swaps of i = top down to first: one at least for each i >= 1
 * (random_interval and random_bounded_uint64 alike); none counted above 2^32 - 1, whose draws are
 * 64-bit ones. */
static inline size_t swaps_owed(size_t top, size_t first)
{
    size_t low = first > 1 ? first : 1;
    return top <= 0xffffffffULL && top >= low ? top - low + 1 : 0;
}

/* Swap item i with item random_interval(i) for i = n-1 down to first. */
void prng_shuffle_raw(prng_bitgen_t *bg, size_t n, size_t first, size_t itemsize, ptrdiff_t stride,
                      char *data, char *buf)
{
    uint64_t words[PRNG_AHEAD];
    prng_draws_t d = draws_open(bg, words, 32);
    for (size_t i = n; i-- > first;) {
        d.owed = swaps_owed(i, first);
        size_t j = (size_t)interval(&d, i);
        if (itemsize == sizeof(int64_t)) { /* the common case, with the copies inlined */
            int64_t t;
            memcpy(&t, data + j * stride, sizeof t);
            memcpy(data + j * stride, data + i * stride, sizeof t);
            memcpy(data + i * stride, &t, sizeof t);
        } else {
            memcpy(buf, data + j * stride, itemsize);
            memcpy(data + j * stride, data + i * stride, itemsize);
            memcpy(data + i * stride, buf, itemsize);
        }
    }
    draws_close(&d);
}

/* The same with Lemire draws (random_bounded_uint64(0, i)) on int64 items. */
void prng_shuffle_int(prng_bitgen_t *bg, size_t n, size_t first, int64_t *data)
{
    uint64_t words[PRNG_AHEAD];
    prng_draws_t d = draws_open(bg, words, 32);
    for (size_t i = n; i-- > first;) {
        d.owed = swaps_owed(i, first);
        size_t j = (size_t)bounded_uint64(&d, 0, i, 0, 0);
        int64_t t = data[j];
        data[j] = data[i];
        data[i] = t;
    }
    draws_close(&d);
}

/* Floyd's algorithm as Generator.choice(replace=False) runs it: for j = pop_size - count .. pop_size-1
 * draw v in [0, j]; keep v unless already chosen, else keep j. The set is open addressing over
 * mask + 1 slots, empty slots all ones. */
void prng_choice_floyd(prng_bitgen_t *bg, uint64_t pop_size, size_t count, int64_t *out,
                       uint64_t *hash_set, uint64_t mask)
{
    const uint64_t empty = UINT64_MAX;
    uint64_t words[PRNG_AHEAD];
    prng_draws_t d = draws_open(bg, words, 32);
    for (uint64_t s = 0; s <= mask; s++)
        hash_set[s] = empty;
    for (uint64_t j = pop_size - count; j < pop_size; j++) {
        d.owed = swaps_owed((size_t)(pop_size - 1), (size_t)j);
        uint64_t val = bounded_uint64(&d, 0, j, 0, 0), loc = val & mask;
        while (hash_set[loc] != empty && hash_set[loc] != val)
            loc = (loc + 1) & mask;
        if (hash_set[loc] != empty) { /* val was chosen before: take j, which cannot have been */
            val = j;
            for (loc = j & mask; hash_set[loc] != empty; loc = (loc + 1) & mask)
                ;
        }
        hash_set[loc] = val;
        out[j - (pop_size - count)] = (int64_t)val;
    }
    draws_close(&d);
}
