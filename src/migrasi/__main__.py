"""Run migrasi as ``python -m migrasi``."""

from migrasi.cli import main

main()
