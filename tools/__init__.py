"""Scripts that maintain the repository (make docs)."""
