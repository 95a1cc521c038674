"""Independent reference values for AlwaysValidTestTests and the always-valid cases of StatsCalculatorTests.

Run: python3 tests/Klinky.Core.Tests/Stats/always_valid_reference.py (standard library only).
The boundary is Theorem 2.2 of Waudby-Smith, Arbour, Sinha, Kennedy and Ramdas, "Time-uniform central limit theory
and asymptotic confidence sequences" (arXiv:2103.06476), with rho^2 from their closed-form approximation for the time
at which the sequence is tightest, applied as GrowthBook documents it to a difference of two means: N = visitors in the
comparison, per-visitor variance = N * Var(difference).
"""
import math

ALPHA = 0.05
TUNING = 10_000
Z80 = 0.8416212335729143


def multiplier(n, alpha, tuning=TUNING):
    l = -2 * math.log(alpha)
    rho2 = (l + math.log(l + 1)) / tuning
    s = n * rho2
    return math.sqrt(2 * (s + 1) / s * math.log(math.sqrt(s + 1) / alpha))


def interval(conv_v, clicks_v, conv_c, clicks_c, comparisons=1):
    alpha = ALPHA / comparisons
    pv, pc = conv_v / clicks_v, conv_c / clicks_c
    half = math.sqrt(pv * (1 - pv) / clicks_v + pc * (1 - pc) / clicks_c) * multiplier(clicks_v + clicks_c, alpha)
    return pv - pc - half, pv - pc + half


def visitors_per_variant(base, effect, comparisons=1):
    alpha = ALPHA / comparisons
    target = base * (1 + effect)
    diff = target - base
    unit = base * (1 - base) + target * (1 - target)
    n = 1
    while diff / math.sqrt(unit / n) < multiplier(2 * n, alpha) + Z80:
        n += 1
    return n


if __name__ == "__main__":
    for n, alpha in [(200, 0.05), (10_000, 0.05), (20_000, 0.05), (20_000, 0.0125)]:
        print(f"multiplier({n}, {alpha}) = {multiplier(n, alpha)!r}")
    for args in [(49, 624, 38, 610, 1), (88, 1000, 50, 1000, 1), (89, 1000, 50, 1000, 1), (100, 2000, 160, 2000, 1), (300, 5000, 250, 5000, 4)]:
        print(f"interval{args} = {interval(*args)!r}")
    for args in [(0.05, 0.2, 1), (0.05, 0.2, 4), (0.01, 0.2, 1), (0.2, 0.3, 1)]:
        print(f"visitors_per_variant{args} = {visitors_per_variant(*args)!r}")
