"""``migrasi diff``: the comparison of two plans, its text, Markdown and JSON, and the command."""

from __future__ import annotations

import copy
import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
import typer

from migrasi import api
from migrasi.cli import app as app_module
from migrasi.cli import diff_cmd
from migrasi.cli.app import run
from migrasi.core import plandiff
from migrasi.core.plandiff import PlanDiff
from migrasi.core.plandoc import PlanDoc, PlanShapeError
from migrasi.loading.plans import BadPlan, PlanNotFound, load_plan
from migrasi.render.catalog import CATALOG
from migrasi.render.diff_text import MD_LIMIT, diff_json, diff_markdown, diff_text
from migrasi.render.plan_json import plan_json
from tests.conftest import ROOT, plan_doc

CASE = ROOT / "tests" / "cases" / "contract-waits"
BASE: dict[str, Any] = json.loads((CASE / "expected" / "plan.json").read_text(encoding="utf-8"))


def plan() -> dict[str, Any]:
    """A fresh copy of the contract-waits golden plan."""
    return copy.deepcopy(BASE)


def compare(old: dict[str, Any] | PlanDoc, new: dict[str, Any] | PlanDoc) -> PlanDiff:
    """The diff of two plans given as documents or as the JSON data of ``plan.json``."""
    a = old if isinstance(old, PlanDoc) else plan_doc(old)
    b = new if isinstance(new, PlanDoc) else plan_doc(new)
    return plandiff.compare(a, b)


def read_plan(data: dict[str, Any]) -> None:
    """Read ``data`` as a plan document (PlanShapeError when it is not one)."""
    plan_doc(data)


def system(doc: dict[str, Any], ref: str) -> dict[str, Any]:
    """The system ``ref`` of ``doc``."""
    found: dict[str, Any] = next(s for s in doc["systems"] if s["ref"] == ref)
    return found


def drop(doc: dict[str, Any], ref: str) -> None:
    """Take system ``ref`` out of the plan (its wave no longer lists it)."""
    doc["systems"] = [s for s in doc["systems"] if s["ref"] != ref]
    for w in doc["waves"]:
        w["systems"] = [r for r in w["systems"] if r != ref]


def rename(doc: dict[str, Any], ref: str, new: str) -> None:
    """Give system ``ref`` another ref, in its wave too."""
    system(doc, ref)["ref"] = new
    for w in doc["waves"]:
        w["systems"] = [new if r == ref else r for r in w["systems"]]


def add_money(doc: dict[str, Any], ref: str, key: str, amount: int) -> None:
    """Add ``amount`` to one money figure of a system, its region and the programme."""
    s = system(doc, ref)
    s["money"][key] += amount
    doc["totals"][key] += amount
    doc["totals"]["by_region"][s["region"]][key] += amount


def outputs(old: dict[str, Any], new: dict[str, Any], lang: str) -> tuple[str, str, Any]:
    """The text, Markdown and parsed JSON diff of two documents."""
    d = compare(old, new)
    return diff_text(d, "a", "b", lang), diff_markdown(d, "a", "b", lang), json.loads(diff_json(d))


# --- the comparison ----------------------------------------------------------------------------


@pytest.mark.parametrize(("lang", "words"), [("id", "Tidak ada perubahan."), ("en", "No change.")])
def test_identical_plans_no_change(lang: str, words: str) -> None:
    """Identical plans are no change, said in the chosen language in text and Markdown."""
    d = compare(plan(), plan())
    assert not d.changed
    assert d.systems == () and d.regions == ()
    assert diff_text(d, "a", "b", lang).splitlines()[-1] == words
    assert words in diff_markdown(d, "a", "b", lang)
    assert "<details>" not in diff_markdown(d, "a", "b", lang)
    assert json.loads(diff_json(d))["changed"] is False


def test_inputs_diagnostics_and_loads_ignored() -> None:
    """Input hashes, diagnostics, wave loads and the bound do not make plans differ."""
    new = plan()
    new["inputs"][0]["sha256"] = "0" * 64
    new["diagnostics"] = [{"file": "x.yaml", "line": 9, "column": 1, "severity": "warning",
                           "code": "W306", "path": "systems[0]", "message": "..."}]  # fmt: skip
    new["waves"][0]["load"]["effort_days"] = "99.0000"
    new["bound"] = {"npv": 1, "gap": "0.5000"}
    assert not compare(plan(), new).changed


def test_added_and_removed() -> None:
    """A system only in the new plan is added, one only in the old plan removed, with its money."""
    new = plan()
    extra = copy.deepcopy(system(new, "kota-uji/website"))
    extra["ref"] = "kota-uji/zz-portal"
    new["systems"].append(extra)
    drop(new, "kota-uji/simbada")
    d = compare(plan(), new)
    assert [(s.ref, s.kinds) for s in d.systems] == [
        ("kota-uji/simbada", ("removed",)),
        ("kota-uji/zz-portal", ("added",)),
    ]
    assert d.systems[0].delta.npv == -14570900
    assert d.systems[1].delta.kept_in_jambi == 34500000
    assert d.counts["added"] == 1 and d.counts["removed"] == 1
    text = diff_text(d, "a", "b", "id")
    assert "1 ditambahkan, 1 dihapus" in text
    assert re.search(r"kota-uji/zz-portal +ditambahkan +— → G1", text)
    assert re.search(r"kota-uji/simbada +dihapus +G1 → —", text)


def test_moved_wave() -> None:
    """A system in another wave is a wave move shown as old → new, and nothing else changed."""
    new = plan()
    spse = system(new, "kota-uji/spse")
    spse["wave"], spse["cutover"] = 5, "2027-05-23"
    d = compare(plan(), new)
    assert [(s.ref, s.kinds) for s in d.systems] == [("kota-uji/spse", ("wave",))]
    assert d.regions == () and d.delta.npv == 0
    assert re.search(r"kota-uji/spse +moved wave +W4 → W5 +scheduled ", diff_text(d, "", "", "en"))
    assert "| kota-uji/spse | pindah gelombang | G4 → G5 | terjadwal |" in diff_markdown(
        d, "", "", "id"
    )


def test_same_wave_new_cutover_shows_dates() -> None:
    """A wave whose cutover date moved is a wave change shown with both dates."""
    new = plan()
    system(new, "kota-uji/spse")["cutover"] = "2027-05-02"
    d = compare(plan(), new)
    assert d.systems[0].kinds == ("wave",)
    assert "W4 (2027-04-25) → W4 (2027-05-02)" in diff_text(d, "", "", "en")


def test_status_change_scheduled_to_unscheduled() -> None:
    """A scheduled system that became unscheduled is a status change, its wave gone."""
    new = plan()
    s = system(new, "kota-uji/simbada")
    s["status"], s["wave"], s["cutover"] = "unscheduled", None, None
    add_money(new, "kota-uji/simbada", "npv", -14570900)
    d = compare(plan(), new)
    assert d.systems[0].kinds == ("status", "money")
    assert d.counts["status"] == 1 and d.counts["wave"] == 0
    line = next(x for x in diff_text(d, "", "", "id").splitlines() if "simbada" in x)
    assert "status berubah, nilai uang berubah" in line
    assert "G1 → —" in line and "terjadwal → tidak terjadwal" in line
    assert "-Rp14.570.900" in line


def test_late_changes() -> None:
    """A system that became late, and one that no longer is, are told apart."""
    old, new = plan(), plan()
    system(new, "kota-uji/spse")["late"] = True
    system(old, "kota-uji/website")["late"] = True
    d = compare(old, new)
    assert [s.kinds for s in d.systems] == [("late",), ("on_time",)]
    assert d.counts["late"] == 2
    text = diff_text(d, "", "", "en")
    assert "now late" in text and "no longer late" in text
    assert "scheduled → scheduled, late" in text


def test_money_change_per_system_region_and_total() -> None:
    """A money change shows in the system, its region and the totals, signed, as Rupiah."""
    new = plan()
    add_money(new, "kota-uji/website", "net_savings", 1234567)
    d = compare(plan(), new)
    assert [(s.ref, s.kinds) for s in d.systems] == [("kota-uji/website", ("money",))]
    assert d.counts["money_only"] == 1
    assert [r.region for r in d.regions] == ["kota-uji"]
    assert d.regions[0].delta.net_savings == 1234567
    assert d.delta.net_savings == 1234567 and d.delta.npv == 0
    id_text, en_md, _ = outputs(plan(), new, "id")[0], outputs(plan(), new, "en")[1], None
    assert re.search(
        r"Penghematan bersih +Rp99\.010\.000 +Rp100\.244\.567 +\+Rp1\.234\.567", id_text
    )
    assert "| Net savings | IDR 99,010,000 | IDR 100,244,567 | +IDR 1,234,567 |" in en_md
    assert "| Kota Uji | IDR 0 | +IDR 1,234,567 | IDR 0 |" in en_md


def test_region_named_from_either_plan() -> None:
    """A region shows by its name from the new plan, else the old one, else by its id."""
    old, new = plan(), plan()
    for doc in (old, new):
        doc["totals"]["by_region"]["kab-a"] = {"baseline": 0, "net_savings": 1, "npv": 1,
                                               "kept_in_jambi": 1}  # fmt: skip
        doc["totals"]["by_region"]["kab-b"] = dict(doc["totals"]["by_region"]["kab-a"])
    old["regions"]["kab-a"] = {"name": "Kabupaten A", "code": "15.01", "kind": "kabupaten"}
    new["totals"]["by_region"]["kab-a"]["npv"] = 2
    del new["totals"]["by_region"]["kab-b"]
    new["regions"]["kota-uji"]["name"] = "Kota Uji Baru"
    add_money(new, "kota-uji/spse", "npv", 1)
    assert [(r.region, r.name) for r in compare(old, new).regions] == [
        ("kab-a", "Kabupaten A"), ("kab-b", "kab-b"), ("kota-uji", "Kota Uji Baru")
    ]  # fmt: skip
    del new["regions"]
    assert compare(old, new).regions[2].name == "Kota Uji"


def test_systems_sorted_by_ref() -> None:
    """Changed systems come sorted by ref whatever the order in the documents."""
    new = plan()
    for s in new["systems"]:
        s["late"] = True
    new["systems"].reverse()
    assert [s.ref for s in compare(plan(), new).systems] == sorted(
        s["ref"] for s in BASE["systems"]
    )


def test_read_plan_rejects_bad_shapes() -> None:
    """A wrong field is named by its path; a repeated ref and a boolean for money are refused."""
    doc = plan()
    doc["systems"][1]["money"]["npv"] = "12"
    with pytest.raises(PlanShapeError, match=r"systems\[1\]\.money\.npv: expected a whole number"):
        read_plan(doc)
    doc = plan()
    doc["totals"]["npv"] = True
    with pytest.raises(PlanShapeError, match=r"totals\.npv"):
        read_plan(doc)
    doc = plan()
    doc["systems"].append(copy.deepcopy(doc["systems"][0]))
    with pytest.raises(PlanShapeError, match=r"systems\[3\]\.ref"):
        read_plan(doc)
    doc = plan()
    doc["regions"]["kota-uji"]["name"] = 15
    with pytest.raises(PlanShapeError, match=r"regions\.kota-uji\.name: expected text"):
        read_plan(doc)
    doc = plan()
    del doc["systems"][0]["status"]
    with pytest.raises(PlanShapeError, match=r"systems\[0\]\.status: expected a value"):
        read_plan(doc)


# --- the outputs -------------------------------------------------------------------------------


def test_markdown_summary_first_then_details() -> None:
    """The comment opens with the title and counts, then folds the tables into <details>."""
    new = plan()
    add_money(new, "kota-uji/spse", "npv", 500)
    md = diff_markdown(compare(plan(), new), "plans/main", "plans/current", "en")
    assert md.startswith("## Changes to the migration plan\n")
    summary, details = md.index("**Systems changed: 1"), md.index("<details>")
    assert summary < md.index("| NPV | IDR 90,967,456 | IDR 90,967,956 | +IDR 500 |") < details
    assert "<summary>Details — systems: 1, regions: 1</summary>\n\n" in md
    assert md.rstrip().endswith("</details>")
    assert md.endswith("\n") and "left out" not in md


def test_markdown_cut_under_limit_with_note() -> None:
    """A huge diff stays under 65,000 characters and says how many rows were left out."""
    template = system(plan(), "kota-uji/website")
    new = plan()
    for i in range(3000):
        extra = copy.deepcopy(template)
        extra["ref"], extra["region"] = f"kab-{i % 40:02d}/system-{i:05d}", f"kab-{i % 40:02d}"
        new["systems"].append(extra)
    for r in range(40):
        new["totals"]["by_region"][f"kab-{r:02d}"] = {"baseline": 0, "net_savings": 5,
                                                      "npv": 7, "kept_in_jambi": 9}  # fmt: skip
    d = compare(plan(), new)
    patterns = {
        "en": r"show ([\d,]+) of ([\d,]+) table rows; ([\d,]+) were left out",
        "id": r"menampilkan ([\d.]+) dari ([\d.]+) baris tabel; ([\d.]+) baris",
    }
    for lang, pattern in patterns.items():
        md = diff_markdown(d, "a", "b", lang)
        assert len(md) <= MD_LIMIT
        match = re.search(pattern, md)
        assert match is not None
        shown, total, left = (int(re.sub(r"[.,]", "", g)) for g in match.groups())
        assert total == 3040 and shown + left == total and left > 0
        rows = [x for x in md.splitlines() if x.startswith("| kab-")]
        assert len(rows) == shown
        assert md.index("left out" if lang == "en" else "dihilangkan") < md.index("<details>")
        assert md.rstrip().endswith("</details>")
        assert sum(x.startswith("| kab-") and "/" not in x for x in rows) == 40


def test_markdown_cut_fills_the_budget() -> None:
    """Under any limit the cut keeps whole rows in order, as many as fit, and says how many."""
    new = plan()
    for s in new["systems"]:
        s["late"] = True
    add_money(new, "kota-uji/spse", "npv", 1)
    d = compare(plan(), new)
    whole = diff_markdown(d, "a", "b", "en")
    assert "left out" not in whole
    rows = [x for x in whole.splitlines() if x.startswith(("| kota-uji", "| Kota Uji"))]
    assert len(rows) == 4
    bare = len(diff_markdown(d, "a", "b", "en", limit=0))
    for limit in range(bare + 5, len(whole)):
        cut = diff_markdown(d, "a", "b", "en", limit=limit)
        kept = [x for x in cut.splitlines() if x.startswith(("| kota-uji", "| Kota Uji"))]
        assert len(cut) <= limit
        assert f"show {len(kept)} of 4 table rows; {4 - len(kept)} were left out" in cut
        assert f"under {limit:,} characters" in cut
        assert kept == ([*rows[: len(kept) - 1], rows[3]] if kept else [])
        if len(kept) < 4:
            one_more = rows[len(kept) - 1] if kept else rows[3]
            assert len(cut) + len(one_more) + 1 > limit


def test_untrusted_text_escaped() -> None:
    """Refs with control characters or Markdown syntax are escaped in text and Markdown."""
    new = plan()
    rename(new, "kota-uji/website", "kota-uji/web\x1b[31m|<b>")
    text, md, doc = outputs(plan(), new, "en")
    assert "\x1b" not in text and "web\\x1b[31m|<b>" in text
    assert "\x1b" not in md and "web\\\\x1b\\[31m\\|\\<b\\>" in md
    assert doc["systems"][0]["ref"] == "kota-uji/web\x1b[31m|<b>"


def test_json_shape() -> None:
    """JSON carries plain integers in a fixed key order, with both sides of every change."""
    new = plan()
    spse = system(new, "kota-uji/spse")
    spse["wave"], spse["cutover"] = 5, "2027-05-23"
    add_money(new, "kota-uji/spse", "kept_in_jambi", -100)
    out = diff_json(compare(plan(), new))
    assert out.endswith("}\n") and out.startswith('{\n  "schema": "migrasi/diff/v1",')
    doc = json.loads(out)
    assert list(doc) == ["schema", "changed", "counts", "totals", "regions", "systems"]
    assert doc["changed"] is True
    assert doc["counts"] == {"systems": 1, "added": 0, "removed": 0, "wave": 1, "status": 0,
                             "late": 0, "money_only": 0}  # fmt: skip
    assert doc["totals"]["delta"] == {"npv": 0, "net_savings": 0, "kept_in_jambi": -100}
    assert doc["regions"] == [{
        "region": "kota-uji",
        "name": "Kota Uji",
        "old": {"npv": 90967456, "net_savings": 99010000, "kept_in_jambi": 154500000},
        "new": {"npv": 90967456, "net_savings": 99010000, "kept_in_jambi": 154499900},
        "delta": {"npv": 0, "net_savings": 0, "kept_in_jambi": -100},
    }]  # fmt: skip
    (entry,) = doc["systems"]
    assert list(entry) == ["ref", "region", "changes", "moved_because", "old", "new", "delta"]
    assert entry["changes"] == ["wave", "money"]
    assert entry["old"]["wave"] == 4 and entry["new"]["wave"] == 5
    assert entry["new"]["money"]["kept_in_jambi"] == 119999900
    assert list(entry["old"]) == ["status", "wave", "cutover", "late", "money"]


def test_catalogue_both_languages() -> None:
    """Every diff key is in both languages, with the same placeholders, and translated."""
    keys = [k for k in CATALOG if k.startswith("diff.")]
    assert keys
    for key in keys:
        words = CATALOG[key]
        names = [set(re.findall(r"\{(\w+)\}", w)) for w in (words.en, words.id)]
        assert names[0] == names[1], key
        assert words.en != words.id or key == "diff.col.change", key


# --- the command -------------------------------------------------------------------------------


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Any:
    """Run ``migrasi ARGS`` through the real handler, on an app that has the diff command."""
    fresh = typer.Typer(add_completion=False, pretty_exceptions_enable=False, rich_markup_mode=None)

    @fresh.callback()
    def _root() -> None:
        """Root."""

    diff_cmd.register(fresh)
    monkeypatch.setattr(app_module, "app", fresh)

    def invoke(*args: str) -> tuple[int, str, str]:
        code = run(list(args))
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return invoke


def write(folder: Path, doc: dict[str, Any] | PlanDoc) -> Path:
    """Write ``doc`` as ``folder/plan.json`` and return the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    text = plan_json(doc) if isinstance(doc, PlanDoc) else json.dumps(doc, indent=2)
    (folder / "plan.json").write_text(text, encoding="utf-8")
    return folder


def test_cli_exit_codes(cli: Any, tmp_path: Path) -> None:
    """Exit 0 unless --exit-code is given and the plans differ, then 1; folders and files alike."""
    old = write(tmp_path / "old", plan())
    new_doc = plan()
    add_money(new_doc, "kota-uji/spse", "npv", 1)
    new = write(tmp_path / "new", new_doc)
    same = cli("diff", str(old), str(old / "plan.json"), "--exit-code")
    assert same[0] == 0 and "Tidak ada perubahan." in same[1] and same[2] == ""
    assert cli("diff", str(old), str(new))[0] == 0
    code, out, err = cli("diff", str(old), str(new / "plan.json"), "--exit-code", "--lang", "en")
    assert code == 1 and "Systems changed: 1" in out and err == ""
    code, out, _ = cli("diff", str(old), str(new), "--format", "json", "--exit-code")
    assert code == 1 and json.loads(out)["totals"]["delta"]["npv"] == 1
    code, out, _ = cli("diff", str(old), str(new), "--format", "md")
    assert code == 0 and "<details>" in out


def test_cli_usage_errors_exit_2(cli: Any, tmp_path: Path) -> None:
    """A missing path, a folder without plan.json, non-JSON, a wrong schema or field exit 2."""
    good = write(tmp_path / "good", plan())
    (tmp_path / "empty").mkdir()
    (tmp_path / "junk.json").write_text("{not json", encoding="utf-8")
    (tmp_path / "latin.json").write_bytes(b'{"schema": "\xff"}')
    (tmp_path / "other.json").write_text('{"schema": "migrasi/inventory/v1"}', encoding="utf-8")
    (tmp_path / "list.json").write_text("[1, 2]", encoding="utf-8")
    broken = plan()
    broken["systems"][0]["wave"] = "one"
    write(tmp_path / "broken", broken)
    cases = {
        "nope": "plan not found",
        "empty": "no plan.json in the folder",
        "junk.json": "not valid JSON",
        "latin.json": "not UTF-8 text",
        "other.json": 'schema is "migrasi/inventory/v1", expected "migrasi/plan/v1"',
        "list.json": "not an object",
        "broken": r"systems[0].wave: expected a whole number",
    }
    for name, words in cases.items():
        code, out, err = cli("diff", str(good), str(tmp_path / name), "--exit-code")
        assert code == 2, name
        assert out == "" and words in err and "Traceback" not in err, name
    assert cli("diff", str(good), str(good), "--format", "html")[0] == 2


def test_loading_errors_are_usage_errors(tmp_path: Path) -> None:
    """The loader's errors are usage errors (exit 2) carrying the path."""
    with pytest.raises(PlanNotFound) as missing:
        load_plan(tmp_path / "none")
    assert missing.value.exit_code == 2 and missing.value.path.endswith("/none")
    (tmp_path / "plan.json").write_text("null", encoding="utf-8")
    with pytest.raises(BadPlan) as bad:
        load_plan(tmp_path)
    assert bad.value.exit_code == 2 and bad.value.path.endswith("/plan.json")


def test_one_line_inventory_change(tmp_path: Path, cli: Any) -> None:
    """Raising the website's cost changes that system's money only, by exactly the new saving."""
    shutil.copytree(CASE / "inventories", tmp_path / "inventories")
    inventories = tmp_path / "inventories"
    before = api.plan_document([inventories])
    path = inventories / "kota-uji.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.count("amount: 1500000") == 1
    path.write_text(text.replace("amount: 1500000", "amount: 2500000"), encoding="utf-8")
    after = api.plan_document([inventories])
    d = compare(before, after)
    (change,) = d.systems
    assert change.ref == "kota-uji/website" and change.kinds == ("money",)
    assert d.counts["wave"] == 0 and d.counts["status"] == 0
    # 1,000,000 more saved in each of the 23 months after the January 2027 cutover.
    assert change.delta.net_savings == 23_000_000 and change.delta.kept_in_jambi == 23_000_000
    assert 0 < change.delta.npv < 23_000_000
    assert d.delta == change.delta == d.regions[0].delta
    old, new = write(tmp_path / "old", before), write(tmp_path / "new", after)
    code, out, _ = cli("diff", str(old), str(new), "--lang", "en", "--exit-code")
    assert code == 1
    rows = out.split("Systems that changed\n")[1].split("\n\n")[0].splitlines()
    assert len(rows) == 2 and re.match(r"kota-uji/website +money changed +W1 +scheduled ", rows[1])
    assert "+IDR 23,000,000" in rows[1]
