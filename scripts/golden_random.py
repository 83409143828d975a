#!/usr/bin/env python3
"""Golden draws for Tests/YardstickCoreTests/RandomTests.swift, from a small independent
reimplementation of SplitMix64 and xoshiro256** (https://prng.di.unimi.it/), of the
53-bit uniform double and of Lemire's unbiased bounded integers (ACM TOMS 2019).

    python3 scripts/golden_random.py
"""

MASK = (1 << 64) - 1


class SplitMix64:
    def __init__(self, seed):
        self.state = seed & MASK

    def next(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return z ^ (z >> 31)


def rotl(x, k):
    return ((x << k) | (x >> (64 - k))) & MASK


class Xoshiro256StarStar:
    def __init__(self, seed):
        sm = SplitMix64(seed)
        self.s = [sm.next() for _ in range(4)]

    def next(self):
        s = self.s
        result = (rotl((s[1] * 5) & MASK, 7) * 9) & MASK
        t = (s[1] << 17) & MASK
        s[2] ^= s[0]
        s[3] ^= s[1]
        s[1] ^= s[2]
        s[0] ^= s[3]
        s[2] ^= t
        s[3] = rotl(s[3], 45)
        return result

    def uniform_double(self):
        return (self.next() >> 11) * 2.0**-53

    def uniform_int(self, bound):
        product = self.next() * bound
        low = product & MASK
        if low < bound:
            threshold = ((1 << 64) - bound) % bound
            while low < threshold:
                product = self.next() * bound
                low = product & MASK
        return product >> 64


if __name__ == "__main__":
    sm = SplitMix64(0)
    print("splitmix64 seed 0:", ", ".join(f"0x{sm.next():016x}" for _ in range(4)))
    x = Xoshiro256StarStar(42)
    print("xoshiro256** seed 42 state:", ", ".join(f"0x{w:016x}" for w in x.s))
    print("xoshiro256** seed 42:", ", ".join(f"0x{x.next():016x}" for _ in range(6)))
    x = Xoshiro256StarStar(42)
    print("uniform_double seed 42:", ", ".join(repr(x.uniform_double()) for _ in range(4)))
    x = Xoshiro256StarStar(7)
    print("uniform_int(below: 10) seed 7:", ", ".join(str(x.uniform_int(10)) for _ in range(12)))
    x = Xoshiro256StarStar(7)
    bound = (1 << 63) + 1  # rejects about half of all draws
    print("uniform_int(below: 2^63+1) seed 7:", ", ".join(str(x.uniform_int(bound)) for _ in range(6)))
