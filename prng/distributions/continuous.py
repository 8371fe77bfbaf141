"""numpy's continuous samplers for ``Generator`` (numpy/random/src/distributions/distributions.c), the
pure-Python reference of native/distributions/continuous.c and prng/numba/distributions/continuous.py.

Each scalar sampler draws from ``bitgen`` (``next_uint64``/``next_uint32``/``next_double``) exactly as
the C function named in its docstring: the same draws in the same order, the same double (or, for the
``_f`` samplers, float32) operations in the same order, and the same glibc functions (``_libm``).
float32 operations are rounded to float32 after each step as C does (``f32``).
"""

import math

from . import _libm as m
from .ziggurat import f32, next_float, standard_exponential, standard_exponential_f, standard_normal, standard_normal_f

BETA_TINY_THRESHOLD = 3e-103
M_PI = math.pi
_THIRD_F = f32(1.0 / 3.0)
_C0331_F = f32(0.0331)


def standard_gamma(bitgen, shape, exponential=standard_exponential, normal=standard_normal):
    """``random_standard_gamma``: exponential for shape 1, 0 for shape 0, Johnk-style rejection below 1,
    Marsaglia and Tsang above. ``legacy_standard_gamma`` is the same over RandomState's exponential and
    polar normal (``exponential``, ``normal``: samplers of ``bitgen``)."""
    if shape == 1.0:
        return exponential(bitgen)
    if shape == 0.0:
        return 0.0
    if shape < 1.0:
        while True:
            u = bitgen.next_double()
            v = exponential(bitgen)
            if u <= 1.0 - shape:
                x = m.pow(u, 1.0 / shape)
                if x <= v:
                    return x
            else:
                y = -m.log((1 - u) / shape)
                x = m.pow(1.0 - shape + shape * y, 1.0 / shape)
                if x <= v + y:
                    return x
    b = shape - 1.0 / 3.0
    c = 1.0 / m.sqrt(9 * b)
    while True:
        while True:
            x = normal(bitgen)
            v = 1.0 + c * x
            if not v <= 0.0:
                break
        v = v * v * v
        u = bitgen.next_double()
        if u < 1.0 - 0.0331 * (x * x) * (x * x):
            return b * v
        if m.log(u) < 0.5 * x * x + b * (1.0 - v + m.log(v)):
            return b * v


def standard_gamma_f(bitgen, shape):
    """``random_standard_gamma_f``: the same in float32 (``powf``, ``logf``, ``sqrtf``)."""
    if shape == 1.0:
        return standard_exponential_f(bitgen)
    if shape == 0.0:
        return 0.0
    if shape < 1.0:
        inv_shape = f32(1.0 / shape)
        while True:
            u = next_float(bitgen)
            v = standard_exponential_f(bitgen)
            if u <= f32(1.0 - shape):
                x = m.powf(u, inv_shape)
                if x <= v:
                    return x
            else:
                y = -m.logf(f32(f32(1.0 - u) / shape))
                x = m.powf(f32(f32(1.0 - shape) + f32(shape * y)), inv_shape)
                if x <= f32(v + y):
                    return x
    b = f32(shape - _THIRD_F)
    c = f32(1.0 / m.sqrtf(f32(9.0 * b)))
    while True:
        while True:
            x = standard_normal_f(bitgen)
            v = f32(1.0 + f32(c * x))
            if not v <= 0.0:
                break
        v = f32(f32(v * v) * v)
        u = next_float(bitgen)
        xx = f32(x * x)
        if u < f32(1.0 - f32(f32(_C0331_F * xx) * xx)):
            return f32(b * v)
        if m.logf(u) < f32(f32(f32(0.5 * x) * x) + f32(b * f32(f32(1.0 - v) + m.logf(v)))):
            return f32(b * v)


def gamma(bitgen, shape, scale):
    """``random_gamma``: ``scale * standard_gamma(shape)``."""
    return scale * standard_gamma(bitgen, shape)


def beta(bitgen, a, b):
    """``random_beta``: Johnk's algorithm (with its tiny-parameter and log-space fallbacks) when
    a, b <= 1, else the ratio of two gammas."""
    if a <= 1.0 and b <= 1.0:
        if a < BETA_TINY_THRESHOLD and b < BETA_TINY_THRESHOLD:
            u = bitgen.next_double()
            return float((a + b) * u < a)
        while True:
            u = bitgen.next_double()
            v = bitgen.next_double()
            x = m.pow(u, m.div(1.0, a))  # dirichlet calls this with a or b 0
            y = m.pow(v, m.div(1.0, b))
            xpy = x + y
            if xpy <= 1.0 and u + v > 0.0:
                if x > 0 and y > 0:
                    return x / xpy
                log_x = m.div(m.log(u), a)
                log_y = m.div(m.log(v), b)
                delta = log_x - log_y
                if delta > 0:
                    return m.exp(-m.log1p(m.exp(-delta)))
                return m.exp(delta - m.log1p(m.exp(delta)))
    ga = standard_gamma(bitgen, a)
    gb = standard_gamma(bitgen, b)
    return m.div(ga, ga + gb)


def chisquare(bitgen, df):
    """``random_chisquare``: ``2 * standard_gamma(df / 2)``."""
    return 2.0 * standard_gamma(bitgen, df / 2.0)


def f(bitgen, dfnum, dfden):
    """``random_f``: ``(chisquare(dfnum) * dfden) / (chisquare(dfden) * dfnum)``."""
    num = chisquare(bitgen, dfnum) * dfden
    den = chisquare(bitgen, dfden) * dfnum
    return m.div(num, den)


def standard_cauchy(bitgen):
    """``random_standard_cauchy``: the ratio of two standard normals."""
    num = standard_normal(bitgen)
    return m.div(num, standard_normal(bitgen))


def pareto(bitgen, a):
    """``random_pareto``: ``expm1(standard_exponential / a)``."""
    return m.expm1(standard_exponential(bitgen) / a)


def weibull(bitgen, a):
    """``random_weibull``: 0 for a = 0 (no draw), else ``pow(standard_exponential, 1 / a)``."""
    if a == 0.0:
        return 0.0
    return m.pow(standard_exponential(bitgen), 1.0 / a)


def power(bitgen, a):
    """``random_power``: ``pow(-expm1(-standard_exponential), 1 / a)``."""
    return m.pow(-m.expm1(-standard_exponential(bitgen)), 1.0 / a)


def laplace(bitgen, loc, scale):
    """``random_laplace``: inversion of one uniform, U = 0 redrawn."""
    while True:
        u = bitgen.next_double()
        if u >= 0.5:
            return loc - scale * m.log(2.0 - u - u)
        if u > 0.0:
            return loc + scale * m.log(u + u)


def gumbel(bitgen, loc, scale):
    """``random_gumbel``: ``loc - scale * log(-log(1 - U))``, 1 - U = 1 redrawn."""
    while True:
        u = 1.0 - bitgen.next_double()
        if u < 1.0:
            return loc - scale * m.log(-m.log(u))


def logistic(bitgen, loc, scale):
    """``random_logistic``: ``loc + scale * log(U / (1 - U))``, U = 0 redrawn."""
    while True:
        u = bitgen.next_double()
        if u > 0.0:
            return loc + scale * m.log(u / (1.0 - u))


def lognormal(bitgen, mean, sigma):
    """``random_lognormal``: ``exp(mean + sigma * standard_normal)``."""
    return m.exp(mean + sigma * standard_normal(bitgen))


def rayleigh(bitgen, mode):
    """``random_rayleigh``: ``mode * sqrt(2 * standard_exponential)``."""
    return mode * m.sqrt(2.0 * standard_exponential(bitgen))


def standard_t(bitgen, df):
    """``random_standard_t``: ``sqrt(df / 2) * normal / sqrt(standard_gamma(df / 2))``."""
    num = standard_normal(bitgen)
    denom = standard_gamma(bitgen, df / 2)
    return m.div(m.sqrt(df / 2) * num, m.sqrt(denom))


def wald(bitgen, mean, scale):
    """``random_wald``: Michael, Schucany and Haas's transformation of one normal and one uniform."""
    y = standard_normal(bitgen)
    y = mean * y * y
    d = 1 + m.sqrt(1 + m.div(4 * scale, y))
    x = mean * (1 - 2 / d)
    u = bitgen.next_double()
    if u <= m.div(mean, mean + x):
        return x
    return m.div(mean * mean, x)


def vonmises(bitgen, mu, kappa):
    """``random_vonmises``: nan for nan kappa, a uniform angle below kappa 1e-8, a wrapped normal above
    1e6, else Best and Fisher's rejection; the result is wrapped into [-pi, pi]."""
    if math.isnan(kappa):
        return math.nan
    if kappa < 1e-8:
        return M_PI * (2 * bitgen.next_double() - 1)
    if kappa > 1e6:
        result = mu + m.sqrt(1.0 / kappa) * standard_normal(bitgen)
        if result < -M_PI:
            result += 2 * M_PI
        if result > M_PI:
            result -= 2 * M_PI
        return result
    return vonmises_rejection(bitgen, mu, kappa)


def vonmises_rejection(bitgen, mu, kappa):
    """The rejection part of ``random_vonmises`` and ``legacy_vonmises`` (kappa >= 1e-8)."""
    if kappa < 1e-5:
        s = 1.0 / kappa + kappa
    else:
        r = 1 + m.sqrt(1 + 4 * kappa * kappa)
        rho = (r - m.sqrt(2 * r)) / (2 * kappa)
        s = (1 + rho * rho) / (2 * rho)
    while True:
        u = bitgen.next_double()
        z = m.cos(M_PI * u)
        w = m.div(1 + s * z, s + z)
        y = kappa * (s - w)
        v = bitgen.next_double()
        if y * (2 - y) - v >= 0 or m.log(m.div(y, v)) + 1 - y >= 0:
            break
    u = bitgen.next_double()
    result = m.acos(w)
    if u < 0.5:
        result = -result
    result += mu
    neg = result < 0
    mod = m.fmod(abs(result) + M_PI, 2 * M_PI) - M_PI
    return mod * -1 if neg else mod


def triangular(bitgen, left, mode, right):
    """``random_triangular``: inversion of one uniform."""
    base = right - left
    leftbase = mode - left
    ratio = leftbase / base
    leftprod = leftbase * base
    rightprod = (right - mode) * base
    u = bitgen.next_double()
    if u <= ratio:
        return left + m.sqrt(u * leftprod)
    return right - m.sqrt((1.0 - u) * rightprod)


def standard_exponential_inv(bitgen):
    """``random_standard_exponential_inv_fill``'s value: ``-log1p(-next_double)``."""
    return -m.log1p(-bitgen.next_double())


def standard_exponential_inv_f(bitgen):
    """``random_standard_exponential_inv_fill_f``'s value: ``-log1p(-next_float)`` in double, then float32."""
    return f32(-m.log1p(-next_float(bitgen)))


def dirichlet(bitgen, out, alpha):
    """``Generator.dirichlet``'s loop (``_generator.pyx``) over the rows of ``out`` (a 2-d float64 array
    of zeros, one row per draw, ``len(alpha)`` columns): stick-breaking with betas when every alpha is
    below 0.1, else normalised gammas."""
    k = len(alpha)
    if k > 0 and not any(math.isnan(a) for a in alpha) and max(alpha) < 0.1:  # numpy's alpha.max() < 0.1
        csum, acc_sums = 0.0, [0.0] * k
        for j in range(k - 1, -1, -1):
            csum += alpha[j]
            acc_sums[j] = csum
        if not csum > 0:
            return
        for row in out:
            acc = 1.0
            for j in range(k - 1):
                v = beta(bitgen, alpha[j], acc_sums[j + 1])
                row[j] = acc * v
                acc *= 1.0 - v
                if acc_sums[j + 1] == 0:
                    break
            row[k - 1] = acc
        return
    normalised_gammas(bitgen, out, alpha, standard_gamma)


def normalised_gammas(bitgen, out, alpha, gamma_sampler):
    """Each row of ``out``: one gamma per alpha, times 1 / their sum (numpy's Dirichlet standard case)."""
    for row in out:
        acc = 0.0
        for j, a in enumerate(alpha):
            row[j] = gamma_sampler(bitgen, a)
            acc = acc + row[j]
        invacc = m.div(1.0, acc)
        for j in range(len(alpha)):
            row[j] = row[j] * invacc
