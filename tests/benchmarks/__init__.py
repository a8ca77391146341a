"""The benchmark scripts (benchmarks/) run and report what the README quotes."""
