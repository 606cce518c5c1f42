"""``python -m bench``: run the benchmarks and write ``bench/results.md``."""

from bench.run import main

if __name__ == "__main__":
    raise SystemExit(main())
