/* discrete.c: numpy's discrete samplers for Generator (distributions.c: random_poisson, random_binomial,
 * random_geometric, random_logseries, random_zipf, random_multinomial; random_hypergeometric.c;
 * random_mvhg_count.c; random_mvhg_marginals.c; logfactorial.c), bit for bit: the same draws in the
 * same order, the same float operations and libm calls. The pure-Python reference is
 * prng/distributions/discrete.py. */
#include <math.h>
#include <stdlib.h>

#include "bounded.h"
#include "discrete_fill.h"
#include "logfactorial.h"

/* random_loggam: log(gamma(x)) by the Stirling series, shifted up to x >= 7. */
double prng_loggam(double x)
{
    static const double a[10] = {8.333333333333333e-02, -2.777777777777778e-03, 7.936507936507937e-04,
                                 -5.952380952380952e-04, 8.417508417508418e-04, -1.917526917526918e-03,
                                 6.410256410256410e-03, -2.955065359477124e-02, 1.796443723688307e-01,
                                 -1.39243221690590e+00};
    if (x == 1.0 || x == 2.0)
        return 0.0;
    int64_t n = x < 7.0 ? (int64_t)(7 - x) : 0;
    double x0 = x + n;
    double x2 = (1.0 / x0) * (1.0 / x0);
    double gl0 = a[9];
    for (int k = 8; k >= 0; k--) {
        gl0 *= x2;
        gl0 += a[k];
    }
    double gl = gl0 / x0 + 0.5 * 1.8378770664093453e+00 + (x0 - 0.5) * log(x0) - x0;
    if (x < 7.0) {
        for (int64_t k = 1; k <= n; k++) {
            gl -= log(x0 - 1.0);
            x0 -= 1.0;
        }
    }
    return gl;
}

/* logfactorial: the table below 126, else the Stirling series to the 1/k^3 term. */
static double logfactorial(int64_t k)
{
    if (k < 126)
        return logfact[k];
    return (k + 0.5) * log((double)k) - k + (0.9189385332046728 + (1.0 / k) * (1 / 12.0 - 1 / (360.0 * k * k)));
}

/* ---- poisson ---- */

static int64_t poisson_mult(prng_draws_t *d, double lam)
{
    double enlam = exp(-lam), prod = 1.0;
    int64_t x = 0;
    for (;;) {
        prod *= next_double(d);
        if (prod > enlam)
            x += 1;
        else
            return x;
    }
}

/* random_poisson_ptrs: Hoermann's transformed rejection (lam >= 10). */
static int64_t poisson_ptrs(prng_draws_t *d, double lam)
{
    double slam = sqrt(lam), loglam = log(lam);
    double b = 0.931 + 2.53 * slam;
    double a = -0.059 + 0.02483 * b;
    double invalpha = 1.1239 + 1.1328 / (b - 3.4);
    double vr = 0.9277 - 3.6224 / (b - 2);
    for (;;) {
        double u = next_double(d) - 0.5;
        double v = next_double(d);
        double us = 0.5 - fabs(u);
        int64_t k = (int64_t)floor((2 * a / us + b) * u + lam + 0.43);
        if (us >= 0.07 && v <= vr)
            return k;
        if (k < 0 || (us < 0.013 && v > us))
            continue;
        if (log(v) + log(invalpha) - log(a / (us * us) + b) <= -lam + (double)k * loglam - prng_loggam((double)k + 1))
            return k;
    }
}

int64_t prng_poisson(prng_draws_t *d, double lam)
{
    if (lam >= 10)
        return poisson_ptrs(d, lam);
    if (lam == 0)
        return 0;
    return poisson_mult(d, lam);
}

/* random_negative_binomial: a poisson of random_gamma(n, (1 - p) / p). */
static int64_t negative_binomial(prng_draws_t *d, double n, double p)
{
    double scale = (1 - p) / p;
    return prng_poisson(d, scale * prng_standard_gamma(d, n));
}

/* ---- binomial (numpy's binomial_t cache: the setup of the last (n, p)) ---- */

static int cached(const prng_binomial_t *b, int64_t n, double p)
{
    return b->has_binomial && b->nsave == n && b->psave == p;
}

static void btpe_setup(prng_binomial_t *b, int64_t n, double p)
{
    b->nsave = n;
    b->psave = p;
    b->has_binomial = 1;
    double r = b->r = p < 1.0 - p ? p : 1.0 - p;
    double q = b->q = 1.0 - r;
    double fm = b->fm = n * r + r;
    b->m = (int64_t)floor(fm);
    double p1 = b->p1 = floor(2.195 * sqrt(n * r * q) - 4.6 * q) + 0.5;
    double xm = b->xm = b->m + 0.5;
    double xl = b->xl = xm - p1;
    double xr = b->xr = xm + p1;
    double c = b->c = 0.134 + 20.5 / (15.3 + b->m);
    double a = (fm - xl) / (fm - xl * r);
    double laml = b->laml = a * (1.0 + a / 2.0);
    a = (xr - fm) / (xr * q);
    double lamr = b->lamr = a * (1.0 + a / 2.0);
    b->p2 = p1 * (1.0 + 2.0 * c);
    b->p3 = b->p2 + c / laml;
    b->p4 = b->p3 + c / lamr;
}

static double stirling_term(double z)
{
    double z2 = z * z;
    return (13680. - (462. - (132. - (99. - 140. / z2) / z2) / z2) / z2) / z / 166320.;
}

/* Steps 50-52 of BTPE: accept y given v. */
static int btpe_accept(const prng_binomial_t *b, int64_t n, int64_t y, double v)
{
    const double r = b->r, q = b->q, xm = b->xm;
    const int64_t m = b->m;
    double nrq = n * r * q;
    int64_t k = llabs(y - m);
    if (!(k > 20 && k < nrq / 2.0 - 1)) {
        double s = r / q, a = s * (n + 1), f = 1.0;
        if (m < y) {
            for (int64_t i = m + 1; i <= y; i++)
                f *= (a / i - s);
        } else if (m > y) {
            for (int64_t i = y + 1; i <= m; i++)
                f /= (a / i - s);
        }
        return !(v > f);
    }
    double rho = (k / nrq) * ((k * (k / 3.0 + 0.625) + 0.16666666666666666) / nrq + 0.5);
    double t = -k * k / (2 * nrq);
    double A = log(v);
    if (A < t - rho)
        return 1;
    if (A > t + rho)
        return 0;
    double x1 = (double)y + 1, f1 = (double)m + 1, z = (double)n + 1 - (double)m, w = (double)n - (double)y + 1;
    return !(A > (xm * log(f1 / x1) + (n - m + 0.5) * log(z / w) + (y - m) * log(w * r / (x1 * q)) +
                  stirling_term(f1) + stirling_term(z) + stirling_term(x1) + stirling_term(w)));
}

/* random_binomial_btpe (Kachitvichyanukul and Schmeiser), p <= 0.5. */
int64_t prng_binomial_btpe(prng_draws_t *d, int64_t n, double p, prng_binomial_t *b)
{
    if (!cached(b, n, p))
        btpe_setup(b, n, p);
    int64_t y;
    for (;;) {
        double u = next_double(d) * b->p4;
        double v = next_double(d);
        if (u <= b->p1) {
            y = (int64_t)floor(b->xm - b->p1 * v + u);
            break;
        }
        if (u <= b->p2) {
            double x = b->xl + (u - b->p1) / b->c;
            v = v * b->c + 1.0 - fabs(b->m - x + 0.5) / b->p1;
            if (v > 1.0)
                continue;
            y = (int64_t)floor(x);
        } else if (u <= b->p3) {
            y = (int64_t)floor(b->xl + log(v) / b->laml);
            if (y < 0 || v == 0.0)
                continue;
            v = v * (u - b->p2) * b->laml;
        } else {
            y = (int64_t)floor(b->xr - log(v) / b->lamr);
            if (y > n || v == 0.0)
                continue;
            v = v * (u - b->p3) * b->lamr;
        }
        if (btpe_accept(b, n, y, v))
            break;
    }
    return p > 0.5 ? n - y : y;
}

/* random_binomial_inversion (n p <= 30); legacy: RandomState's copy, with q^n = exp(n log q). */
int64_t prng_binomial_inversion(prng_draws_t *d, int64_t n, double p, prng_binomial_t *b, int legacy)
{
    if (!cached(b, n, p)) {
        b->nsave = n;
        b->psave = p;
        b->has_binomial = 1;
        double q = b->q = 1.0 - p;
        b->r = legacy ? exp(n * log(q)) : exp(n * log1p(-p));
        double np = b->c = n * p;
        double limit = np + 10.0 * sqrt(np * q + 1);
        b->m = (int64_t)(n < limit ? (double)n : limit);
    }
    const double q = b->q, qn = b->r;
    const int64_t bound = b->m;
    int64_t x = 0;
    double px = qn, u = next_double(d);
    while (u > px) {
        x++;
        if (x > bound) {
            x = 0;
            px = qn;
            u = next_double(d);
        } else {
            u -= px;
            px = ((n - x + 1) * p * px) / (x * q);
        }
    }
    return x;
}

int64_t prng_binomial(prng_draws_t *d, double p, int64_t n, prng_binomial_t *b)
{
    if (n == 0 || p == 0.0)
        return 0;
    if (p <= 0.5) {
        if (p * n <= 30.0)
            return prng_binomial_inversion(d, n, p, b, 0);
        return prng_binomial_btpe(d, n, p, b);
    }
    double q = 1.0 - p;
    if (q * n <= 30.0)
        return n - prng_binomial_inversion(d, n, q, b, 0);
    return n - prng_binomial_btpe(d, n, q, b);
}

/* ---- geometric, logseries, zipf ---- */

int64_t prng_geometric_search(prng_draws_t *d, double p)
{
    int64_t x = 1;
    double sum = p, prod = p, q = 1.0 - p, u = next_double(d);
    while (u > sum) {
        prod *= q;
        sum += prod;
        x++;
    }
    return x;
}

/* random_geometric_inversion, given log1p(-p) (one call per fill when p is one value for all). */
static int64_t geometric_inversion(prng_draws_t *d, double log1p_minus_p)
{
    double z = ceil(-prng_standard_exponential(d) / log1p_minus_p);
    if (z >= 9.223372036854776e+18)
        return INT64_MAX;
    return (int64_t)z;
}

static int64_t geometric(prng_draws_t *d, double p)
{
    if (p >= 0.333333333333333333333333)
        return prng_geometric_search(d, p);
    return geometric_inversion(d, log1p(-p));
}

static int64_t logseries(prng_draws_t *d, double p)
{
    double r = log1p(-p);
    for (;;) {
        double v = next_double(d);
        if (v >= p)
            return 1;
        double u = next_double(d);
        double q = -expm1(r * u);
        if (v <= q * q) {
            int64_t result = (int64_t)floor(1 + log(v) / log(q));
            if (result < 1 || v == 0.0)
                continue;
            return result;
        }
        return v >= q ? 1 : 2;
    }
}

static int64_t zipf(prng_draws_t *d, double a)
{
    if (a >= 1025)
        return 1;
    double am1 = a - 1.0;
    double b = pow(2.0, am1);
    double umin = pow((double)INT64_MAX, -am1);
    for (;;) {
        double u01 = next_double(d);
        double u = u01 * umin + (1 - u01);
        double v = next_double(d);
        double x = floor(pow(u, -1.0 / am1));
        if (x > (double)INT64_MAX || x < 1.0)
            continue;
        double t = pow(1.0 + 1.0 / x, am1);
        if (v * x * (t - 1.0) / (b - 1.0) <= t / b)
            return (int64_t)x;
    }
}

/* ---- hypergeometric ---- */

/* hypergeometric_sample: draw items one by one (random_interval). */
static int64_t hypergeometric_sample(prng_draws_t *d, int64_t good, int64_t bad, int64_t sample)
{
    int64_t total = good + bad;
    int64_t computed_sample = sample > total / 2 ? total - sample : sample;
    int64_t remaining_total = total, remaining_good = good;
    while (computed_sample > 0 && remaining_good > 0 && remaining_total > remaining_good) {
        --remaining_total;
        if ((int64_t)interval(d, (uint64_t)remaining_total) < remaining_good)
            --remaining_good;
        --computed_sample;
    }
    if (remaining_total == remaining_good)
        remaining_good -= computed_sample;
    return sample > total / 2 ? remaining_good : good - remaining_good;
}

#define D1 1.7155277699214135
#define D2 0.8989161620588988

static double logfactorial4(int64_t k, int64_t mingoodbad, int64_t computed_sample, int64_t maxgoodbad)
{
    return logfactorial(k) + logfactorial(mingoodbad - k) + logfactorial(computed_sample - k) +
           logfactorial(maxgoodbad - computed_sample + k);
}

/* hypergeometric_hrua: Stadlober's ratio-of-uniforms. */
static int64_t hypergeometric_hrua(prng_draws_t *d, int64_t good, int64_t bad, int64_t sample)
{
    int64_t popsize = good + bad;
    int64_t computed_sample = sample < popsize - sample ? sample : popsize - sample;
    int64_t mingoodbad = good < bad ? good : bad, maxgoodbad = good > bad ? good : bad;
    double p = ((double)mingoodbad) / popsize;
    double q = ((double)maxgoodbad) / popsize;
    double mu = computed_sample * p;
    double a = mu + 0.5;
    double var = ((double)(popsize - computed_sample) * computed_sample * p * q / (popsize - 1));
    double c = sqrt(var + 0.5);
    double h = D1 * c + D2;
    int64_t m = (int64_t)floor((double)(computed_sample + 1) * (mingoodbad + 1) / (popsize + 2));
    double g = logfactorial4(m, mingoodbad, computed_sample, maxgoodbad);
    int64_t support = (computed_sample < mingoodbad ? computed_sample : mingoodbad) + 1;
    double cut = floor(a + 16 * c);
    double b = support < cut ? (double)support : cut;
    int64_t k;
    for (;;) {
        double u = next_double(d);
        double v = next_double(d);
        double x = a + h * (v - 0.5) / u;
        if (x < 0.0 || x >= b)
            continue;
        k = (int64_t)floor(x);
        double t = g - logfactorial4(k, mingoodbad, computed_sample, maxgoodbad);
        if (u * (4.0 - u) - 3.0 <= t)
            break;
        if (u * (u - t) >= 1)
            continue;
        if (2.0 * log(u) <= t)
            break;
    }
    if (good > bad)
        k = computed_sample - k;
    if (computed_sample < sample)
        k = good - k;
    return k;
}

static int64_t hypergeometric(prng_draws_t *d, int64_t good, int64_t bad, int64_t sample)
{
    if (sample >= 10 && sample <= good + bad - 10)
        return hypergeometric_hrua(d, good, bad, sample);
    return hypergeometric_sample(d, good, bad, sample);
}

/* ---- fills ---- */

DISCRETE_FILL1(prng_random_poisson_fill, prng_poisson, all_in(a, a_step, n, 0, INFINITY))
DISCRETE_FILL1(prng_random_logseries_fill, logseries, 1)
DISCRETE_FILL1(prng_random_zipf_fill, zipf, all_in(a, a_step, n, -INFINITY, 1025))
BINOMIAL_FILL(prng_random_binomial_fill, prng_binomial, all_in(p, p_step, n, 0, INFINITY) && all_positive(nn, n_step, n))
HYPERGEOMETRIC_FILL(prng_random_hypergeometric_fill, hypergeometric)

void prng_random_negative_binomial_fill(prng_bitgen_t *bg, size_t n, int64_t *out, const double *nn, size_t n_step,
                                        const double *p, size_t p_step)
{
    DISCRETE_LOOP(1, negative_binomial(&d, nn[i * n_step], p[i * p_step]))
}

/* geometric: with one p below 1/3 for all, log1p(-p) once. */
void prng_random_geometric_fill(prng_bitgen_t *bg, size_t n, int64_t *out, const double *p, size_t p_step)
{
    if (p_step == 0 && p[0] < 0.333333333333333333333333) {
        const double log1p_minus_p = log1p(-p[0]);
        DISCRETE_LOOP(1, geometric_inversion(&d, log1p_minus_p))
    } else {
        DISCRETE_LOOP(1, geometric(&d, p[i * p_step]))
    }
}
/* random_multinomial into rows of d (zeroed): binomials of what is left. */
void prng_random_multinomial_fill(prng_bitgen_t *bg, size_t rows, size_t d_, int64_t *out, const int64_t *nn,
                                  size_t n_step, const double *pvals, const int64_t *offsets, size_t offset_step,
                                  prng_binomial_t *cache)
{
    prng_draws_t d = draws_open(bg, NULL, 0);
    for (size_t i = 0; i < rows; i++) {
        int64_t *mnix = out + i * d_;
        const double *pix = pvals + offsets[i * offset_step];
        double remaining_p = 1.0;
        int64_t dn = nn[i * n_step];
        for (size_t j = 0; j + 1 < d_; j++) {
            mnix[j] = prng_binomial(&d, pix[j] / remaining_p, dn, cache);
            dn -= mnix[j];
            if (dn <= 0)
                break;
            remaining_p -= pix[j];
        }
        if (dn > 0)
            mnix[d_ - 1] = dn;
    }
    draws_close(&d);
}

static int64_t colors_total(size_t num_colors, const int64_t *colors)
{
    int64_t total = 0;
    for (size_t k = 0; k < num_colors; k++)
        total += colors[k];
    return total;
}

static void complement(int64_t *row, size_t num_colors, const int64_t *colors)
{
    for (size_t k = 0; k < num_colors; k++)
        row[k] = colors[k] - row[k];
}

/* random_multivariate_hypergeometric_count into num_variates zeroed rows; choices: sum(colors) words. */
void prng_random_multivariate_hypergeometric_count_fill(prng_bitgen_t *bg, size_t num_variates, int64_t *out,
                                                        size_t num_colors, const int64_t *colors, int64_t nsample,
                                                        int64_t *choices)
{
    int64_t total = colors_total(num_colors, colors);
    if (total == 0 || nsample == 0 || num_variates == 0)
        return;
    for (size_t i = 0, k = 0; i < num_colors; ++i)
        for (int64_t j = 0; j < colors[i]; ++j)
            choices[k++] = (int64_t)i;
    int more_than_half = nsample > total / 2;
    if (more_than_half)
        nsample = total - nsample;
    prng_draws_t d = draws_open(bg, NULL, 0);
    for (size_t i = 0; i < num_variates * num_colors; i += num_colors) {
        for (size_t j = 0; j < (size_t)nsample; ++j) {
            size_t k = j + (size_t)interval(&d, (uint64_t)total - j - 1);
            int64_t tmp = choices[k];
            choices[k] = choices[j];
            choices[j] = tmp;
        }
        for (size_t j = 0; j < (size_t)nsample; ++j)
            out[i + choices[j]] += 1;
        if (more_than_half)
            complement(out + i, num_colors, colors);
    }
    draws_close(&d);
}

/* random_multivariate_hypergeometric_marginals: a hypergeometric per color. */
void prng_random_multivariate_hypergeometric_marginals_fill(prng_bitgen_t *bg, size_t num_variates, int64_t *out,
                                                            size_t num_colors, const int64_t *colors,
                                                            int64_t nsample)
{
    int64_t total = colors_total(num_colors, colors);
    if (total == 0 || nsample == 0 || num_variates == 0)
        return;
    int more_than_half = nsample > total / 2;
    if (more_than_half)
        nsample = total - nsample;
    prng_draws_t d = draws_open(bg, NULL, 0);
    for (size_t i = 0; i < num_variates * num_colors; i += num_colors) {
        int64_t num_to_sample = nsample, remaining = total;
        for (size_t j = 0; num_to_sample > 0 && j + 1 < num_colors; ++j) {
            remaining -= colors[j];
            int64_t r = hypergeometric(&d, colors[j], remaining, num_to_sample);
            out[i + j] = r;
            num_to_sample -= r;
        }
        if (num_to_sample > 0)
            out[i + num_colors - 1] = num_to_sample;
        if (more_than_half)
            complement(out + i, num_colors, colors);
    }
    draws_close(&d);
}
