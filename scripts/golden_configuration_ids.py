#!/usr/bin/env python3
"""Golden configuration ids for Tests/YardstickCoreTests/ConfigurationIDTests.swift.

A configuration's id is the first 8 bytes (big-endian) of the SHA-256 of its canonical
text, json.dumps(values, sort_keys=True, separators=(",", ":")), written as 16 hex digits.
This script computes them with Python's own json and hashlib, independently of Yardstick.

    python3 scripts/golden_configuration_ids.py
"""

import hashlib
import json

CONFIGURATIONS = [
    {},
    {"n": 3},
    {"lr": 1e-05},
    {"lr": 0.1, "momentum": 0.9},
    {"x": 1e16, "y": -0.0, "z": 1.5e-7},
    {"depth": 8, "width": 1024, "dropout": 0.5},
    {"optimizer": "sgd", "nesterov": True, "momentum": 0.95},
    {"shrinking": False, "kernel": "rbf", "C": 32768.0, "gamma": 3.0517578125e-05},
    {"name": "gr\u00f6\u00dfe", "emoji": "\U0001f680", "quote": "a\"b\\c"},
    {"b": 1, "a": 2, "B": 3, "\u00e9": 4, "aa": 5},
    {"learner": "SVC_linear"},
    {"ratio": 0.25, "count": -7, "big": 123456789012345},
]


def canonical(values):
    return json.dumps(values, sort_keys=True, separators=(",", ":"))


def configuration_id(values):
    return hashlib.sha256(canonical(values).encode("utf-8")).digest()[:8].hex()


if __name__ == "__main__":
    for values in CONFIGURATIONS:
        print(f"{configuration_id(values)}  {canonical(values)}")
