"""migrasi: plans the move of regional IT systems onto Jambi Province's Data Center."""

__version__ = "0.1.0"
