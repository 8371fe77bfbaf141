/* seedsequence.c: the output hash of numpy's SeedSequence.generate_state (bit_generator.pyx), the
 * slow part of seeding MT19937 (624 words) from Python.
 */
#include "prng.h"

#define INIT_B 0x8b51f9ddU
#define MULT_B 0x58f38dedU
#define XSHIFT 16

void prng_seedsequence_generate_state(const uint32_t *pool, size_t pool_size, uint32_t *out, size_t n)
{
    uint32_t hash_const = INIT_B;
    for (size_t i = 0; i < n; i++) {
        uint32_t value = pool[i % pool_size] ^ hash_const;
        hash_const *= MULT_B;
        value *= hash_const;
        out[i] = value ^ (value >> XSHIFT);
    }
}
