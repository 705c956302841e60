"""The only code that reads input files: discovery, YAML with positions, exact numbers."""
