#!/usr/bin/env bash
# Runs Yardstick's performance harness beside its Python peers, in one invocation.
# Usage: Benchmarks/run.sh [lookup]   (default: lookup)
# Sets up Benchmarks/.venv (pandas) and Benchmarks/.cache (the LCDB 0.1.0 sdist) on first use.
set -euo pipefail
cd "$(dirname "$0")/.."
task="${1:-lookup}"
venv=Benchmarks/.venv
cache=Benchmarks/.cache
if [ ! -x "$venv/bin/python" ]; then
  echo "setting up $venv (pandas) ..." >&2
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet pandas
fi
mkdir -p "$cache"
sdist="$cache/lcdb-0.1.0.tar.gz"
if [ ! -f "$sdist" ]; then
  echo "downloading the LCDB 0.1.0 sdist into $cache ..." >&2
  "$venv/bin/pip" download --quiet --no-deps --no-binary :all: -d "$cache" lcdb==0.1.0
fi
swift build -c release --product yardstick-bench >&2
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(free -g | awk '/Mem:/{print $2}') GiB; $(swift --version 2>&1 | head -1)"
.build/release/yardstick-bench "$task" --table Data/lcdb.sqlite --lcdb-sdist "$sdist" --python "$venv/bin/python"
