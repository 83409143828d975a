#!/usr/bin/env python3
"""Reference fixtures for Yardstick's ConfigSpace compatibility, made by the real package.

    pip install configspace==1.2.2
    python3 scripts/make_configspace_fixtures.py            # writes the fixtures
    python3 scripts/make_configspace_fixtures.py --check D  # reads Yardstick's JSON back

Writes to Tests/YardstickCoreTests/Fixtures/configspace/:
  <space>.json        the space as ConfigSpace writes it: space.to_json(f, indent=2)
  <space>.cases.json  configurations with ConfigSpace's verdict: "valid" is whether
                      Configuration(space, values=...) accepts them; valid ones carry
                      ConfigSpace's vector (get_array(), by name, null for inactive)
  manifest.json       the package versions that produced them

--check DIR reads every <space>.json in DIR (written by Yardstick's
SearchSpace.configSpaceJSON()) with ConfigurationSpace.from_json, and checks that it
equals the fixture space and that ConfigSpace writes it back byte for byte.
"""

import argparse
import io
import json
import math
import random
import sys
from pathlib import Path

import numpy as np
import ConfigSpace
from ConfigSpace import (
    AndConjunction,
    CategoricalHyperparameter,
    Configuration,
    ConfigurationSpace,
    Constant,
    EqualsCondition,
    ForbiddenAndConjunction,
    ForbiddenEqualsClause,
    ForbiddenInClause,
    ForbiddenOrConjunction,
    GreaterThanCondition,
    InCondition,
    LessThanCondition,
    NotEqualsCondition,
    OrConjunction,
    OrdinalHyperparameter,
    UniformFloatHyperparameter as Float,
    UniformIntegerHyperparameter as Int,
)
from importlib.metadata import version

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "Tests" / "YardstickCoreTests" / "Fixtures" / "configspace"
SEED = 20241123


def svm():
    cs = ConfigurationSpace(name="svm")
    kernel = CategoricalHyperparameter("kernel", ["linear", "rbf", "poly", "sigmoid"], default_value="rbf")
    C = Float("C", 0.03125, 32768.0, log=True, default_value=1.0)
    gamma = Float("gamma", 0.0001, 8.0, log=True, default_value=0.1)
    degree = Int("degree", 2, 5, default_value=3)
    coef0 = Float("coef0", -1.0, 1.0, default_value=0.0)
    shrinking = CategoricalHyperparameter("shrinking", [True, False], default_value=True)
    tol = Float("tol", 1e-05, 0.1, log=True, default_value=0.001)
    cs.add([kernel, C, gamma, degree, coef0, shrinking, tol])
    cs.add([
        InCondition(gamma, kernel, ["rbf", "poly", "sigmoid"]),
        EqualsCondition(degree, kernel, "poly"),
        InCondition(coef0, kernel, ["poly", "sigmoid"]),
    ])
    cs.add(ForbiddenAndConjunction(ForbiddenEqualsClause(kernel, "linear"), ForbiddenEqualsClause(shrinking, False)))
    return cs


def lcbench_mlp():
    # The seven hyperparameters of LCBench (Zimmer et al., Auto-PyTorch Tabular, 2021),
    # with ConfigSpace's own defaults (the middle of each range).
    cs = ConfigurationSpace(name="lcbench_mlp")
    cs.add([
        Int("batch_size", 16, 512, log=True),
        Float("learning_rate", 0.0001, 0.1, log=True),
        Float("momentum", 0.1, 0.99),
        Float("weight_decay", 1e-05, 0.1),
        Int("num_layers", 1, 5),
        Int("max_units", 64, 1024, log=True),
        Float("max_dropout", 0.0, 1.0),
    ])
    return cs


def quadratic7():
    # The 7-parameter space of the optimizer-overhead measurements.
    cs = ConfigurationSpace(name="quadratic7")
    cs.add([
        Float("x1", -5.0, 5.0),
        Float("x2", -5.0, 5.0),
        Float("x3", 0.0, 1.0),
        Float("lr", 1e-05, 0.1, log=True),
        Float("wd", 1e-06, 0.01, log=True),
        Int("n", 1, 64),
        CategoricalHyperparameter("c", ["a", "b", "c", "d"]),
    ])
    return cs


def conditional_nn():
    cs = ConfigurationSpace(name="conditional_nn")
    optimizer = CategoricalHyperparameter("optimizer", ["sgd", "adam", "rmsprop"], weights=[0.5, 0.3, 0.2])
    lr = Float("lr", 1e-05, 1.0, log=True, default_value=0.01)
    momentum = Float("momentum", 0.0, 0.99, default_value=0.9)
    nesterov = CategoricalHyperparameter("nesterov", [True, False])
    beta1 = Float("beta1", 0.8, 0.999, default_value=0.9)
    rho = Float("rho", 0.8, 0.99)
    eps = Float("eps", 1e-10, 1e-06, log=True)
    depth = OrdinalHyperparameter("depth", [1, 2, 4, 8], default_value=2)
    width = Int("width", 16, 1024, log=True, default_value=128)
    dropout = Float("dropout", 0.0, 0.5, default_value=0.1)
    residual = CategoricalHyperparameter("residual", ["none", "add", "concat"])
    warmup = Int("warmup_steps", 0, 1000, default_value=100)
    cs.add([optimizer, lr, momentum, nesterov, beta1, rho, eps, depth, width, dropout, residual, warmup])
    cs.add([
        EqualsCondition(momentum, optimizer, "sgd"),
        AndConjunction(EqualsCondition(nesterov, optimizer, "sgd"), GreaterThanCondition(nesterov, momentum, 0.5)),
        InCondition(beta1, optimizer, ["adam"]),
        NotEqualsCondition(rho, optimizer, "sgd"),
        OrConjunction(EqualsCondition(eps, optimizer, "adam"), EqualsCondition(eps, optimizer, "rmsprop")),
        GreaterThanCondition(dropout, depth, 2),
        LessThanCondition(residual, depth, 8),
        GreaterThanCondition(warmup, lr, 0.001),
    ])
    cs.add([
        ForbiddenAndConjunction(ForbiddenEqualsClause(optimizer, "rmsprop"), ForbiddenInClause(depth, [8])),
        ForbiddenAndConjunction(ForbiddenEqualsClause(nesterov, True), ForbiddenInClause(residual, ["concat"])),
    ])
    return cs


def mixed_types():
    cs = ConfigurationSpace(name="mixed_types")
    batch = CategoricalHyperparameter("batch", [16, 32, 64, 128], weights=[1.0, 2.0, 2.0, 1.0])
    ratio = CategoricalHyperparameter("ratio", [0.1, 0.25, 0.5, 1.0], default_value=0.5)
    flag = CategoricalHyperparameter("flag", [False, True])
    mode = CategoricalHyperparameter("mode", ["auto", 1, 2.5])
    level = OrdinalHyperparameter("level", ["low", "medium", "high"], default_value="medium")
    scale = Float("scale", 0.5, 2.0, default_value=1.0)
    count = Int("count", 1, 10, default_value=3)
    cs.add([
        batch, ratio, flag, mode, level, scale, count,
        Constant("seed", 42), Constant("version", 1.5), Constant("tag", "v1"), Constant("enabled", True),
    ])
    cs.add([GreaterThanCondition(scale, level, "low"), EqualsCondition(count, flag, True)])
    cs.add([
        ForbiddenAndConjunction(ForbiddenEqualsClause(batch, 16), ForbiddenInClause(ratio, [0.1, 0.25])),
        ForbiddenOrConjunction(ForbiddenEqualsClause(mode, 2.5), ForbiddenEqualsClause(level, "high")),
        ForbiddenInClause(count, [7, 9]),
    ])
    return cs


def deep_conditions():
    cs = ConfigurationSpace(name="deep_conditions")
    z_root = CategoricalHyperparameter("z_root", ["on", "off"])
    c_root = Int("c_root", 0, 100, default_value=50)
    a_mid = CategoricalHyperparameter("a_mid", ["x", "y", "na\u00efve"])
    m_leaf = Float("m_leaf", 0.0, 1.0)
    b_leaf = Int("b_leaf", 1, 8, log=True)
    groesse = Float("gr\u00f6\u00dfe", 1.0, 100.0, log=True)
    cs.add([z_root, c_root, a_mid, m_leaf, b_leaf, groesse])
    cs.add([
        EqualsCondition(a_mid, z_root, "on"),
        InCondition(m_leaf, a_mid, ["x", "na\u00efve"]),
        AndConjunction(EqualsCondition(b_leaf, a_mid, "y"), GreaterThanCondition(b_leaf, c_root, 10)),
        LessThanCondition(groesse, c_root, 50),
    ])
    cs.add([
        ForbiddenAndConjunction(ForbiddenEqualsClause(a_mid, "y"), ForbiddenEqualsClause(b_leaf, 8)),
        ForbiddenInClause(c_root, [0, 1]),
    ])
    return cs


SPACES = {f.__name__: f for f in [svm, lcbench_mlp, quadratic7, conditional_nn, mixed_types, deep_conditions]}


def to_json_text(cs):
    buffer = io.StringIO()
    cs.to_json(buffer, indent=2)
    return buffer.getvalue()


def native(value):
    """A numpy scalar as the Python value json writes."""
    if isinstance(value, np.generic):
        return value.item()
    return value


def verdict(cs, values):
    try:
        config = Configuration(cs, values=values)
    except Exception as error:  # ConfigSpace raises several exception types
        return False, None, type(error).__name__
    array = config.get_array()
    vector = {name: (None if math.isnan(array[i]) else float(array[i])) for name, i in cs.index_of.items()}
    return True, vector, None


def mutations(cs, config, rng):
    """Invalid (and some valid) variations of a valid configuration, each with a note."""
    values = {k: native(v) for k, v in dict(config).items()}
    hps = {hp.name: hp for hp in cs.values()}
    active = sorted(values)
    inactive = sorted(set(hps) - set(values))
    numeric = [n for n in active if isinstance(hps[n], (Float, Int))]
    floats = [n for n in active if isinstance(hps[n], Float)]
    ints = [n for n in active if isinstance(hps[n], Int)]
    cats = [n for n in active if isinstance(hps[n], CategoricalHyperparameter)]
    out = []

    def variant(note, **changes):
        v = dict(values)
        for k, x in changes.items():
            if x is _DROP:
                v.pop(k, None)
            else:
                v[k] = x
        out.append((note, v))

    if numeric:
        n = rng.choice(numeric)
        hp = hps[n]
        if isinstance(hp, Float):
            span = hp.upper - hp.lower
            variant("above upper bound", **{n: hp.upper + span / 2})
            variant("below lower bound", **{n: hp.lower - span / 2})
            variant("at upper bound", **{n: hp.upper})
        else:
            variant("above upper bound", **{n: hp.upper + 1})
            variant("below lower bound", **{n: hp.lower - 1})
            variant("at lower bound", **{n: hp.lower})
    if floats:
        n = rng.choice(floats)
        variant("string for a float", **{n: "abc"})
        hp = hps[n]
        k = int(round(values[n]))
        if hp.lower <= k <= hp.upper:
            variant("integer for a float", **{n: k})
    if ints:
        n = rng.choice(ints)
        variant("integral float for an integer", **{n: float(values[n])})
        variant("non-integral float for an integer", **{n: values[n] + 0.5})
    if cats:
        n = rng.choice(cats)
        variant("not a choice", **{n: "__not_a_choice__"})
    if active:
        variant("missing active parameter", **{rng.choice(active): _DROP})
    if inactive:
        n = rng.choice(inactive)
        variant("inactive parameter with a value", **{n: native(hps[n].default_value)})
    variant("unknown parameter", not_a_parameter=1)
    for clause in cs.forbidden_clauses:
        variant("forced values of a forbidden clause", **forced(clause))
    return out


_DROP = object()


def forced(clause):
    """Assignments that make `clause` match."""
    if isinstance(clause, ForbiddenEqualsClause):
        return {clause.hyperparameter.name: native(clause.value)}
    if isinstance(clause, ForbiddenInClause):
        return {clause.hyperparameter.name: native(clause.values[0])}
    if isinstance(clause, ForbiddenAndConjunction):
        out = {}
        for c in clause.components:
            out.update(forced(c))
        return out
    if isinstance(clause, ForbiddenOrConjunction):
        return forced(clause.components[0])
    raise TypeError(clause)


def make_cases(name, cs):
    rng = random.Random(f"{SEED}-{name}")
    cs.seed(SEED)
    cases = []

    def add(note, values):
        valid, vector, error = verdict(cs, values)
        case = {"note": note, "configuration": values, "valid": valid}
        if valid:
            case["vector"] = vector
        else:
            case["configspace_error"] = error
        cases.append(case)

    default = cs.get_default_configuration()
    add("default", {k: native(v) for k, v in dict(default).items()})
    for config in cs.sample_configuration(6):
        add("sampled", {k: native(v) for k, v in dict(config).items()})
        for note, values in mutations(cs, config, rng):
            add(note, values)
    return cases


def write_fixtures():
    OUT.mkdir(parents=True, exist_ok=True)
    versions = {"configspace": version("configspace"), "numpy": np.__version__, "python": sys.version.split()[0]}
    for name, build in SPACES.items():
        cs = build()
        (OUT / f"{name}.json").write_text(to_json_text(cs))
        cases = make_cases(name, cs)
        document = {
            "generator": "scripts/make_configspace_fixtures.py",
            "configspace_version": versions["configspace"],
            "space": name,
            "cases": cases,
        }
        (OUT / f"{name}.cases.json").write_text(json.dumps(document, indent=1) + "\n")
        valid = sum(c["valid"] for c in cases)
        print(f"{name}: {len(cs)} parameters, {len(cases)} cases ({valid} valid)")
    manifest = {"generator": "scripts/make_configspace_fixtures.py", **versions, "spaces": sorted(SPACES)}
    (OUT / "manifest.json").write_text(json.dumps(manifest, indent=1) + "\n")


def check(directory):
    failures = 0
    for name, build in SPACES.items():
        path = Path(directory) / f"{name}.json"
        if not path.exists():
            print(f"{name}: missing {path}")
            failures += 1
            continue
        text = path.read_text()
        space = ConfigurationSpace.from_json(io.StringIO(text))
        same_space = space == build()
        same_bytes = to_json_text(space) == text
        print(f"{name}: read by ConfigSpace {version('configspace')}: equal space {same_space}, written back byte for byte {same_bytes}")
        failures += (not same_space) + (not same_bytes)
    for path in sorted(Path(directory).glob("extra_*.json")):
        text = path.read_text()
        space = ConfigurationSpace.from_json(io.StringIO(text))
        space.sample_configuration(5)
        same_bytes = to_json_text(space) == text
        print(f"{path.name}: read by ConfigSpace, {len(space)} parameters, sampled 5 configurations, written back byte for byte {same_bytes}")
        failures += not same_bytes
    return failures


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", metavar="DIR", help="read Yardstick's JSON in DIR back with ConfigSpace")
    args = parser.parse_args()
    if args.check:
        sys.exit(1 if check(args.check) else 0)
    write_fixtures()
