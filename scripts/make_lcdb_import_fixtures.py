#!/usr/bin/env python3
"""Builds small LCDB-shaped archives for Yardstick's import tests from the real sdist.

Usage: python3 scripts/make_lcdb_import_fixtures.py lcdb-0.1.0.tar.gz Tests/YardstickCLITests/Fixtures

Writes, each with the sdist's member names and real rows (no value is invented):
  lcdb-mini.tar.gz      the first rows of datasets 3 and 6 for three learners, with datasets.csv
  lcdb-nan.tar.gz       the same with one log-loss value replaced by 'nan' (must be rejected)
  lcdb-mismatch.tar.gz  the same with two log-loss lines swapped (files disagree: rejected)
  lcdb-truncated.tar.gz lcdb-mini.tar.gz cut in half (damaged archive: rejected)
Standard library only; deterministic (fixed mtimes, gzip mtime 0).
"""
import gzip
import io
import sys
import tarfile

PREFIX = "lcdb-0.1.0/lcdb/"
KEEP_DATASETS = {"3", "6"}
KEEP_LEARNERS = {"SVC_linear", "sklearn.tree.DecisionTreeClassifier", "sklearn.naive_bayes.BernoulliNB"}


def filtered(text: str, limit_seeds=2):
    lines = text.splitlines()
    out = [lines[0]]
    for line in lines[1:]:
        f = line.split(",")
        if f[0] in KEEP_DATASETS and f[1] in KEEP_LEARNERS and int(f[4]) < limit_seeds and int(f[5]) < limit_seeds:
            out.append(line)
    return out


def archive(members: dict) -> bytes:
    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w", format=tarfile.USTAR_FORMAT) as tar:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            info.mtime = 1650000000
            info.uname = info.gname = "lcdb"
            tar.addfile(info, io.BytesIO(data))
    out = io.BytesIO()
    with gzip.GzipFile(fileobj=out, mode="wb", mtime=0) as gz:
        gz.write(raw.getvalue())
    return out.getvalue()


def main() -> None:
    src, dest = sys.argv[1], sys.argv[2]
    with tarfile.open(src, "r:gz") as tar:
        acc = tar.extractfile(PREFIX + "database-accuracy.csv").read().decode()
        ll = tar.extractfile(PREFIX + "database-logloss.csv").read().decode()
        ds = tar.extractfile(PREFIX + "datasets.csv").read().decode()
    acc_lines, ll_lines = filtered(acc), filtered(ll)
    assert [l.split(",")[:7] for l in acc_lines] == [l.split(",")[:7] for l in ll_lines]
    ds_lines = ds.splitlines()
    ds_lines = [ds_lines[0]] + [l for l in ds_lines[1:] if l.split(",")[0] in KEEP_DATASETS]

    def members(acc_l, ll_l):
        return {PREFIX + "database-accuracy.csv": ("\n".join(acc_l) + "\n").encode(),
                PREFIX + "database-logloss.csv": ("\n".join(ll_l) + "\n").encode(),
                PREFIX + "datasets.csv": ("\n".join(ds_lines) + "\n").encode()}

    mini = archive(members(acc_lines, ll_lines))
    with open(f"{dest}/lcdb-mini.tar.gz", "wb") as f:
        f.write(mini)
    nan = list(ll_lines)
    f5 = nan[5].split(",")
    f5[8] = "nan"
    nan[5] = ",".join(f5)
    with open(f"{dest}/lcdb-nan.tar.gz", "wb") as f:
        f.write(archive(members(acc_lines, nan)))
    swapped = list(ll_lines)
    swapped[3], swapped[4] = swapped[4], swapped[3]
    with open(f"{dest}/lcdb-mismatch.tar.gz", "wb") as f:
        f.write(archive(members(acc_lines, swapped)))
    with open(f"{dest}/lcdb-truncated.tar.gz", "wb") as f:
        f.write(mini[: len(mini) // 2])
    print(f"{len(acc_lines) - 1} rows per file")


if __name__ == "__main__":
    main()
