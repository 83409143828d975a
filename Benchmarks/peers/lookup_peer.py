#!/usr/bin/env python3
"""Peer for Yardstick's tabular-lookup benchmark: answers the same LCDB lookups the way
Python suites do, from a pandas DataFrame with a sorted MultiIndex (HPOBench/JAHS-style
tables) and from a plain dict of tuples (Syne Tune-style in-memory blackboxes).

Usage: lookup_peer.py LCDB_SDIST KEYS_FILE
KEYS_FILE has one key per line: openmlid,learner,size_train,outer_seed,inner_seed.
Prints one JSON object with per-lookup latencies (ns): median and p99 for each peer, and a
checksum of the values it returned so the harness can check all three answered the same.
"""
import csv
import io
import json
import sys
import tarfile
import time

import pandas as pd

COLUMNS = ["openmlid", "learner", "size_train", "outer_seed", "inner_seed"]


def load(archive: str) -> pd.DataFrame:
    with tarfile.open(archive, "r:gz") as tar:
        acc = pd.read_csv(io.BytesIO(tar.extractfile("lcdb-0.1.0/lcdb/database-accuracy.csv").read()))
        ll = pd.read_csv(io.BytesIO(tar.extractfile("lcdb-0.1.0/lcdb/database-logloss.csv").read()))
    df = pd.DataFrame({
        "openmlid": acc["openmlid"], "learner": acc["learner"], "size_train": acc["size_train"],
        "outer_seed": acc["outer_seed"], "inner_seed": acc["inner_seed"],
        "valid_error": 1.0 - acc["score_valid"], "test_error": 1.0 - acc["score_test"],
        "valid_logloss": ll["score_valid"], "test_logloss": ll["score_test"], "cost": acc["traintime"],
    })
    return df.set_index(COLUMNS).sort_index()


def percentile(sorted_values, q):
    return sorted_values[min(len(sorted_values) - 1, int(q * len(sorted_values)))]


def measure(lookup, keys, repeats):
    for key in keys[:1000]:  # warm up
        lookup(key)
    times = []
    checksum = 0.0
    clock = time.perf_counter_ns
    for _ in range(repeats):
        for key in keys:
            t0 = clock()
            value = lookup(key)
            t1 = clock()
            times.append(t1 - t0)
            checksum += value
    times.sort()
    return {"median_ns": percentile(times, 0.5), "p99_ns": percentile(times, 0.99),
            "lookups": len(times), "checksum": checksum}


def main() -> None:
    archive, keys_file = sys.argv[1], sys.argv[2]
    with open(keys_file) as f:
        keys = [(int(r[0]), r[1], int(r[2]), int(r[3]), int(r[4])) for r in csv.reader(f)]
    t0 = time.perf_counter()
    df = load(archive)
    load_s = time.perf_counter() - t0
    table = {key: row for key, row in zip(df.index, df["valid_error"].to_numpy())}
    series = df["valid_error"]
    index = series.index
    result = {
        "pandas_load_s": load_s,
        # The DataFrame indexed lookup of HPOBench/JAHS-style tables.
        "pandas": measure(lambda k: df.loc[k, "valid_error"], keys[:5000], 1),
        "pandas_at": measure(lambda k: df.at[k, "valid_error"], keys[:5000], 1),
        # The fastest pandas path we know: position from the index, then positional access.
        "pandas_get_loc": measure(lambda k: series.iat[index.get_loc(k)], keys[:20000], 1),
        "dict": measure(lambda k: table[k], keys, 5),
        "pandas_version": pd.__version__,
        "python_version": sys.version.split()[0],
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
