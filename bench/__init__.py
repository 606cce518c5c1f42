"""Throughput and memory benchmarks of geokg: ``python -m bench`` (see ``bench/README.md``)."""
