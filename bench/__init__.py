"""Benchmarks: throughput and memory of eventwire against bare spaCy (see docs/PERFORMANCE.md)."""
