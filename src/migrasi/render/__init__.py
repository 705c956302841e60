"""Turns results into text, bytes and tables; writes nothing and prints nothing."""
