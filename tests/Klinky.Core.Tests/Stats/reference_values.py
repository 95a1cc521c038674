"""Independent reference values for StatisticsTests and StatsCalculatorTests.

Run: python3 tests/Klinky.Core.Tests/Stats/reference_values.py
Tools: Python 3.11 standard library (math.erfc, math.lgamma) and mpmath 1.3.0 (mp.betainc, mp.quad at 30 digits),
nothing shared with the C# code: the probabilities come from mpmath's adaptive tanh-sinh quadrature of
f_i(x) * prod_j F_j(x) with mpmath's regularized incomplete beta for F_j, and, for two variants, Evan Miller's
closed-form sum for P(B > A), exact for integer parameters, which is also the reference for a million clicks (mpmath's
betainc does not converge there). The five-variant case with a million-click posterior uses a seeded Monte Carlo of
random.betavariate with 4,000,000 draws (standard error below 0.00025).
"""
import random
import math
import sys

import mpmath as mp

mp.mp.dps = 30
Z95 = 1.959963984540054


def wilson(s, n, z=Z95):
    p = s / n
    d = 1 + z * z / n
    c = (p + z * z / (2 * n)) / d
    h = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / d
    return c - h, c + h


def p_value(sa, na, sb, nb):
    pooled = (sa + sb) / (na + nb)
    se = math.sqrt(pooled * (1 - pooled) * (1 / na + 1 / nb))
    z = (sa / na - sb / nb) / se
    return math.erfc(abs(z) / math.sqrt(2))


def posterior(clicks, conv):
    return mp.mpf(1 + conv), mp.mpf(1 + clicks - conv)


def window(a, b, k=14):
    m = a / (a + b)
    sd = mp.sqrt(a * b / ((a + b) ** 2 * (a + b + 1)))
    return max(mp.mpf(0), m - k * sd), min(mp.mpf(1), m + k * sd)


def p_best(counts):
    """P(variant i has the highest rate) by mpmath quadrature over variant i's window, split in 8 pieces."""
    ps = [posterior(c, v) for c, v in counts]
    out = []
    for i, (a, b) in enumerate(ps):
        lo, hi = window(a, b)
        log_norm = mp.log(mp.beta(a, b))

        def f(x, a=a, b=b, i=i, log_norm=log_norm):
            if x <= 0 or x >= 1:
                return mp.mpf(0)
            v = mp.exp((a - 1) * mp.log(x) + (b - 1) * mp.log(1 - x) - log_norm)
            for j, (aj, bj) in enumerate(ps):
                if j != i:
                    v *= mp.betainc(aj, bj, 0, x, regularized=True)
            return v

        out.append(mp.quad(f, mp.linspace(lo, hi, 9)))
    return [float(x) for x in out]


def p_beat_closed_form(variant, control):
    """Evan Miller, 'Formulas for Bayesian A/B testing': P(p_B > p_A), exact for integer parameters."""
    a_b, b_b = 1 + variant[1], 1 + variant[0] - variant[1]
    a_a, b_a = 1 + control[1], 1 + control[0] - control[1]
    lbeta = lambda x, y: math.lgamma(x) + math.lgamma(y) - math.lgamma(x + y)
    total = 0.0
    for i in range(a_b):
        total += math.exp(lbeta(a_a + i, b_b + b_a) - math.log(b_b + i) - lbeta(1 + i, b_b) - lbeta(a_a, b_a))
    return total


CASES = {
    "contract example": [(610, 38), (624, 49)],
    "zero clicks": [(0, 0), (0, 0)],
    "zero clicks vs data": [(0, 0), (200, 20)],
    "zero conversions": [(500, 0), (500, 10)],
    "all converted": [(40, 40), (40, 30)],
    "five variants": [(1000, 50), (1000, 62), (1000, 48), (1000, 71), (1000, 55)],
    "clear winner": [(2000, 100), (2000, 160)],
}

CLOSED_FORM_ONLY = {
    "huge": [(1_000_000, 50_000), (1_000_000, 50_600)],
    "huge equal": [(1_000_000, 50_000), (1_000_000, 50_000)],
    "huge zero conversions": [(1_000_000, 0), (1_000_000, 3)],
}

MONTE_CARLO = {
    "five variants mixed widths": [(10, 1), (1_000_000, 50_000), (300, 20), (5000, 260), (1000, 45)],
}


def p_best_monte_carlo(counts, draws=4_000_000, seed=20240601):
    rng = random.Random(seed)
    params = [(1 + v, 1 + c - v) for c, v in counts]
    wins = [0] * len(counts)
    for _ in range(draws):
        samples = [rng.betavariate(a, b) for a, b in params]
        wins[samples.index(max(samples))] += 1
    return [w / draws for w in wins]


if __name__ == "__main__":
    for x in [-8, -3, -1.959963984540054, -0.5, 0, 0.3, 1, 2.5, 6]:
        print(f"NormalCdf({x}) = {0.5 * math.erfc(-x / math.sqrt(2))!r}")
    for s, n in [(38, 610), (49, 624), (0, 50), (50, 50), (1, 1), (50_000, 1_000_000)]:
        print(f"Wilson({s},{n}) = {wilson(s, n)!r}")
    for args in [(49, 624, 38, 610), (0, 500, 10, 500), (160, 2000, 100, 2000), (50_600, 1_000_000, 50_000, 1_000_000)]:
        print(f"p_value{args} = {p_value(*args)!r}")
    only = sys.argv[1:]
    for name, counts in CASES.items():
        if only and name not in only:
            continue
        print(f"{name}: {counts}")
        print(f"  p_best = {p_best(counts)!r}")
        for k in range(1, len(counts)):
            if len(counts) == 2:
                print(f"  p_beat[{k}] closed form = {p_beat_closed_form(counts[k], counts[0])!r}")
    for name, counts in CLOSED_FORM_ONLY.items():
        if only and name not in only:
            continue
        print(f"{name}: {counts}")
        print(f"  p_beat[1] closed form = {p_beat_closed_form(counts[1], counts[0])!r}")
    for name, counts in MONTE_CARLO.items():
        if only and name not in only:
            continue
        print(f"{name}: {counts}")
        print(f"  p_best monte carlo = {p_best_monte_carlo(counts)!r}")
