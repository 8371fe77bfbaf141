/* gamma.h (internal): numpy's standard gamma (random_standard_gamma, distributions.c), written once over
 * the exponential and normal samplers it draws from: Generator's ziggurats (continuous.c), or
 * RandomState's -log(1 - U) and polar normals (legacy_standard_gamma, legacy_continuous.c). Inlined
 * where it is used, so the sampler pointers become direct calls. */
#ifndef PRNG_GAMMA_H
#define PRNG_GAMMA_H

#include <math.h>

#include "samplers.h"

typedef double (*prng_exponential_fn)(prng_draws_t *d);
typedef double (*prng_normal_fn)(prng_draws_t *d, prng_legacy_gauss_t *cache);

/* Exponential for shape 1, 0 for shape 0, Johnk-style rejection below 1, Marsaglia and Tsang above. */
PRNG_INLINE double gamma_with(prng_draws_t *d, double shape, prng_exponential_fn exponential,
                              prng_normal_fn normal, prng_legacy_gauss_t *cache)
{
    if (shape == 1.0)
        return exponential(d);
    if (shape == 0.0)
        return 0.0;
    if (shape < 1.0) {
        for (;;) {
            double U = next_double(d);
            double V = exponential(d);
            if (U <= 1.0 - shape) {
                double X = pow(U, 1. / shape);
                if (X <= V)
                    return X;
            } else {
                double Y = -log((1 - U) / shape);
                double X = pow(1.0 - shape + shape * Y, 1. / shape);
                if (X <= (V + Y))
                    return X;
            }
        }
    }
    double b = shape - 1. / 3.;
    double c = 1. / sqrt(9 * b);
    for (;;) {
        double X, V;
        do {
            X = normal(d, cache);
            V = 1.0 + c * X;
        } while (V <= 0.0);
        V = V * V * V;
        double U = next_double(d);
        if (U < 1.0 - 0.0331 * (X * X) * (X * X))
            return (b * V);
        if (log(U) < 0.5 * X * X + b * (1. - V + log(V)))
            return (b * V);
    }
}

#endif /* PRNG_GAMMA_H */
