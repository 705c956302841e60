"""Benchmark tooling for migrasi: synthetic inventories and timing scripts (not shipped)."""
