#!/usr/bin/env python3
"""Samples raw rows of LCDB 0.1.0 into a fixture for Yardstick's query test.

Usage: python3 scripts/sample_lcdb_fixture.py lcdb-0.1.0.tar.gz > Tests/YardstickCLITests/Fixtures/lcdb-sample.csv

Reads database-accuracy.csv and database-logloss.csv from the PyPI sdist (pip download
--no-deps lcdb==0.1.0), checks that line N of both describes the same run, and writes 100
seeded-random lines with the raw text of both files' scores, untouched. Standard library only.
"""
import csv
import io
import random
import sys
import tarfile


def main() -> None:
    archive = sys.argv[1]
    with tarfile.open(archive, "r:gz") as tar:
        acc = tar.extractfile("lcdb-0.1.0/lcdb/database-accuracy.csv").read().decode()
        ll = tar.extractfile("lcdb-0.1.0/lcdb/database-logloss.csv").read().decode()
    acc_rows = list(csv.reader(io.StringIO(acc)))
    ll_rows = list(csv.reader(io.StringIO(ll)))
    assert acc_rows[0] == ll_rows[0], "headers differ"
    assert len(acc_rows) == len(ll_rows), "row counts differ"
    rng = random.Random(20221)
    picks = sorted(rng.sample(range(1, len(acc_rows)), 100))
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(["line", "openmlid", "learner", "size_train", "outer_seed", "inner_seed", "traintime",
                  "accuracy_train", "accuracy_valid", "accuracy_test",
                  "logloss_train", "logloss_valid", "logloss_test"])
    for i in picks:
        a, l = acc_rows[i], ll_rows[i]
        assert a[:7] == l[:7], f"line {i + 1}: accuracy and logloss rows describe different runs"
        out.writerow([i + 1, a[0], a[1], a[2], a[4], a[5], a[6], a[7], a[8], a[9], l[7], l[8], l[9]])


if __name__ == "__main__":
    main()
