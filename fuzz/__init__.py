"""Coverage-guided fuzzing of migrasi's loader and of validate + plan (``make fuzz``)."""
