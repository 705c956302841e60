"""Determinism: the same inputs give byte-identical plans whatever the order on disk or the hash
seed (input hashes and diagnostic positions aside)."""

from __future__ import annotations

import json
import os
import random
import re
import shutil
import subprocess
import sys
from pathlib import Path

from migrasi import api
from tests.conftest import INVENTORIES, ROOT


def shuffle_systems(text: str, rng: random.Random) -> str:
    """Shuffle the blocks of an inventory's ``systems`` list (each starts at ``  - id:``)."""
    head, sep, body = text.partition("systems:\n")
    blocks = re.split(r"(?m)^(?=  - id: )", body)
    first, rest = blocks[0], blocks[1:]
    rng.shuffle(rest)
    return head + sep + first + "".join(b if b.endswith("\n") else b + "\n" for b in rest)


def comparable(files: dict[str, bytes]) -> dict[str, object]:
    """The plan folder without what may change with file order: input hashes and positions."""
    doc = json.loads(files["plan.json"])
    doc["inputs"] = len(doc["inputs"])
    doc["diagnostics"] = sorted((d["code"], d["message"]) for d in doc["diagnostics"])
    markdown = files["plan.md"].decode()
    markdown = re.sub(r"\| [^|]*\.yaml:\d+:\d+ \|", "| - |", markdown)
    body, _, warnings = markdown.partition("## Peringatan")
    return {
        "plan.json": doc,
        "plan.md": body,
        "warnings": sorted(warnings.splitlines()),
        "graph.mmd": files["graph.mmd"],
    }


def plan_in(folder: Path) -> dict[str, bytes]:
    """The plan folder's files for the inventories in ``folder/inventories``."""
    here = Path.cwd()
    os.chdir(folder)
    try:
        return api.plan_files(api.plan([Path("inventories")]), "id")
    finally:
        os.chdir(here)


def test_shuffled_systems_and_renamed_files_give_the_same_plan(tmp_path: Path) -> None:
    """Reordering systems inside every file and the files on disk changes nothing that matters."""
    first = tmp_path / "a"
    shutil.copytree(INVENTORIES, first / "inventories")
    second = tmp_path / "b"
    (second / "inventories").mkdir(parents=True)
    rng = random.Random(7)
    for i, path in enumerate(sorted(INVENTORIES.glob("*.yaml"), reverse=True)):
        text = path.read_text(encoding="utf-8")
        name = f"{i:02d}-{path.name}" if "datacenter" not in path.name else path.name
        (second / "inventories" / name).write_text(shuffle_systems(text, rng), encoding="utf-8")
    a, b = plan_in(first), plan_in(second)
    assert comparable(a) == comparable(b)
    assert json.loads(a["plan.json"])["systems"] == json.loads(b["plan.json"])["systems"]


def test_hash_seed_does_not_change_the_plan(tmp_path: Path) -> None:
    """Two runs under different PYTHONHASHSEED values write byte-identical plan folders."""
    outs = []
    for seed in ("1", "12345"):
        out = tmp_path / f"plan-{seed}"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run(
            [sys.executable, "-m", "migrasi", "plan", "inventories", "--out", str(out)],
            cwd=ROOT, env=env, check=True, capture_output=True,
        )  # fmt: skip
        outs.append({p.name: p.read_bytes() for p in sorted(out.iterdir())})
    assert outs[0] == outs[1]
