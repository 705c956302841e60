"""Exact mode: the wave assignment solved as a mixed-integer programme (HiGHS through scipy).

An optional extra (``pip install migrasi[exact]``): nothing else imports it.
"""
