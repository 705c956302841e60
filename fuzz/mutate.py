"""A structure-aware mutator for YAML inventories, beside libFuzzer's byte mutations.

Byte flips rarely turn a valid inventory into an interesting one: this mutator works on lines
and ``key: value`` pairs instead. It swaps values, puts hostile values in (tags, aliases, control
escapes, formulas, Markdown and Mermaid syntax, huge numbers, impossible dates), duplicates and
deletes blocks, re-indents lines and renames keys to other known keys.
"""

from __future__ import annotations

import random
from collections.abc import Callable

NASTY: tuple[bytes, ...] = (
    b'""', b"null", b"~", b"[]", b"{}", b"-1", b"0", b"-0", b"1e400", b"-1e-400", b".nan",
    b".inf", b"0x10", b"0o7", b"1_000", b"9" * 40, b"0." + b"1" * 40, b'"4"', b"yes", b"no",
    b"2027-02-30", b"2027-13-01", b"9999-12-31", b"0001-01-01", b"2027-1-4",
    b'"\\e[31mred\\e[0m"', b'"\\e]8;;http://x\\a link \\e]8;;\\a"', b'"\\u202eevil"',
    b'"\\x85\\u2028\\x9b"', b'"\\0"', b'"\\r\\ttab"', b'"=HYPERLINK(\\"http://x\\",\\"y\\")"',
    b'"+1"', b'"-1"', b'"@SUM(A1)"', b'"[/]"', b"'[bold]x[/bold]'", b'"[link=http://x]y[/link]"',
    b'"| a | b |"', b'"`code` <script>x</script>"', b'"A --> B %% c"', b'"x\\"]; click n0"',
    b'"[x](javascript:alert(1))"', b'"../../etc/passwd"', b'"\\\\"', b'"\\\\|"',
    b"&a x", b"*a", b"&a [1, 2]", b"[*a, *a, *a]", b"!!python/object:os.system x",
    b"!!python/name:os.system", b"!custom x", b"!!binary aGk=", b"!!str 4", b"!!int 4",
    b"!!float 4.5", b"!!timestamp 2027-01-04", b"!!set {a}", b"!!omap [a: 1]",
    b"|\n  multi\n  line", b">-\n  folded\n  text", b'"' + b"x" * 300 + b'"',
    b"retain", b"retire", b"rehost", b"rahasia", b"overseas", b"strategis", b"tinggi",
    b"{vcpu: 100000, ram_gb: 1, storage_gb: 1}", b"{vcpu: 1, ram_gb: 0.0001, storage_gb: 0}",
    b"[sso, simpeg]", b"[prov-uji/sso]", b"[sso, sso]", b"[x/y/z]", b"[1, 13]",
    b"{W302: ok, W999: no}", b"{USD: 0}", b"{USD: 16500, EUR: 17000}",
    b"? [complex, key]\n  : value", b"<<: *a", b"{a: 1, a: 2}",
)  # fmt: skip

KEYS: tuple[bytes, ...] = (
    b"schema", b"region", b"systems", b"id", b"code", b"name", b"kind", b"bps_code", b"owner",
    b"service", b"criticality", b"classification", b"personal_data", b"hosting", b"provider",
    b"type", b"location", b"cost", b"amount", b"per", b"currency", b"contract_end",
    b"termination_fee", b"resources", b"vcpu", b"ram_gb", b"storage_gb", b"migration", b"strategy",
    b"effort_days", b"data_gb", b"wave", b"not_before", b"not_after", b"freeze_months",
    b"depends_on", b"move_with", b"accepted_warnings", b"notes", b"capacity", b"expansions",
    b"from", b"running_cost", b"per_vcpu", b"per_ram_gb", b"per_storage_gb", b"per_system",
    b"schedule", b"start", b"wave_weeks", b"waves", b"team_days", b"link_mbps", b"transfer_hours",
    b"max_critical", b"compliance_deadline", b"pilot", b"max_systems", b"blackouts", b"to",
    b"reason", b"finance", b"horizon_months", b"discount_rate", b"labour_cost_per_day", b"fx",
    b"rehost", b"replatform", b"refactor", b"repurchase", b"retire",
)  # fmt: skip

LINES: tuple[bytes, ...] = (
    b"    depends_on: [website, jdih, sso]",
    b"    move_with: [simpeg]",
    b"    migration: {strategy: rehost, wave: 1}",
    b"    migration: {strategy: rehost, not_before: 2027-06-01, not_after: 2027-03-01}",
    b"    migration: {strategy: retain}",
    b"    cost: {amount: 300, per: month, currency: EUR}",
    b"    cost: {amount: 1, per: year, contract_end: 2030-01-01, termination_fee: 99999999}",
    b"    accepted_warnings: {W302: because}",
    b'    notes: "\\e[2J\\e[H"',
    b"  - &s {id: x, name: x}",
    b"  - *s",
    b"  max_critical: 0",
    b"  compliance_deadline: 2027-02-01",
    b"  blackouts: [{from: 2027-01-01, to: 2027-12-31, reason: all year}]",
    b"  pilot: {max_systems: 0, criticality: [rendah]}",
    b"  expansions: [{from: 2027-03-01, vcpu: 1000, ram_gb: 1000, storage_gb: 100000}]",
    b"---",
    b"...",
    b"%YAML 1.1",
    b"# comment",
)


def _value_lines(lines: list[bytes]) -> list[int]:
    return [i for i, line in enumerate(lines) if b": " in line]


def _structural(data: bytes, rng: random.Random) -> bytes:
    lines = data.split(b"\n")
    valued = _value_lines(lines)
    op = rng.randrange(8)
    if op == 0 and valued:
        i = rng.choice(valued)
        key, _, _ = lines[i].partition(b": ")
        lines[i] = key + b": " + rng.choice(NASTY)
    elif op == 1 and len(valued) > 1:
        i, j = rng.sample(valued, 2)
        ki, _, vi = lines[i].partition(b": ")
        kj, _, vj = lines[j].partition(b": ")
        lines[i], lines[j] = ki + b": " + vj, kj + b": " + vi
    elif op == 2 and lines:
        i = rng.randrange(len(lines))
        block = lines[i : i + rng.randint(1, 12)]
        at = rng.randrange(len(lines) + 1)
        lines[at:at] = block
    elif op == 3 and lines:
        i = rng.randrange(len(lines))
        del lines[i : i + rng.randint(1, 4)]
    elif op == 4 and lines:
        i = rng.randrange(len(lines))
        lines[i] = lines[i][2:] if rng.random() < 0.5 else b"  " + lines[i]
    elif op == 5:
        lines.insert(rng.randrange(len(lines) + 1), rng.choice(LINES))
    elif op == 6 and valued:
        i = rng.choice(valued)
        key, _, value = lines[i].partition(b": ")
        indent = key[: len(key) - len(key.lstrip(b" -"))]
        lines[i] = indent + rng.choice(KEYS) + b": " + value
    else:
        starts = [i for i, line in enumerate(lines) if line.lstrip().startswith(b"- id:")]
        if starts:
            i = rng.choice(starts)
            end = next((j for j in starts if j > i), len(lines))
            block = [line.replace(b"id: ", b"id: x" + str(rng.randrange(99)).encode() + b"-", 1)
                     for line in lines[i:end]]  # fmt: skip
            lines[end:end] = block
    return b"\n".join(lines)


def mutate(data: bytes, max_size: int, seed: int, fallback: Callable[[bytes, int], bytes]) -> bytes:
    """One mutation of ``data``: libFuzzer's (``fallback``) half the time, else a structural one."""
    rng = random.Random(seed)
    if rng.random() < 0.5:
        return fallback(data, max_size)
    out = data
    for _ in range(rng.randint(1, 3)):
        out = _structural(out, rng)
    return out[:max_size]
