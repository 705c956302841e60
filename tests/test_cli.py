"""The command line, thin: exit codes, stdout against stderr, and every output format."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from tests.conftest import ROOT


def test_clean_inputs_exit_0(cli: Any, good_dir: Path) -> None:
    """Valid inputs exit 0 with nothing on stdout and a summary on stderr."""
    result = cli("validate", str(good_dir))
    assert result.code == 0
    assert result.out == ""
    assert "2 berkas diperiksa" in result.err


def test_errors_exit_1_on_stdout(cli: Any, good_dir: Path) -> None:
    """Findings go to stdout as compiler-style lines with a caret; errors exit 1."""
    path = good_dir / "kota-uji.yaml"
    path.write_text(path.read_text().replace("criticality: tinggi", "criticality: tingi"))
    result = cli("validate", str(good_dir), "--lang", "en")
    assert result.code == 1
    first = result.out.splitlines()[0]
    assert first == (
        f"{good_dir.as_posix()}/kota-uji.yaml:7:18: error E102 systems[0].criticality: "
        "'tingi' is not one of rendah, tinggi, strategis (did you mean 'tinggi'?)"
    )
    assert result.out.splitlines()[2].endswith("^")
    assert "1 error, 0 warnings" in result.err


def test_missing_path_exits_2(cli: Any) -> None:
    """A PATH that does not exist is wrong usage."""
    result = cli("validate", "/no/such/folder")
    assert result.code == 2
    assert "path tidak ditemukan: /no/such/folder" in result.err
    assert result.out == ""


@pytest.mark.parametrize("command", ["plan", "savings", "explain"])
def test_nothing_to_plan_exits_2(cli: Any, tmp_path: Path, command: str) -> None:
    """A folder with no inventory validates clean (there is nothing wrong in it) but there is
    nothing to plan: the planning commands say so rather than stopping silently."""
    only = tmp_path / "skenario"
    only.mkdir()
    (only / "optimis.yaml").write_text(
        "schema: migrasi/scenario/v1\nname: optimis\nscale:\n  running_cost: 0.9\n"
    )
    assert cli("validate", str(only)).code == 0
    out = [] if command == "explain" else ["--out", str(tmp_path / "p")]
    extra = ["prov-jambi/simpeg"] if command == "explain" else []
    result = cli(command, *extra, str(only), "--lang", "en", *out)
    assert result.code == 2, result.err
    assert f"nothing to plan: no inventory under {only}" in result.err
    assert not (tmp_path / "p").exists()


def test_unknown_option_exits_2(cli: Any, good_dir: Path) -> None:
    """An unknown option is wrong usage."""
    assert cli("validate", str(good_dir), "--nope").code == 2


def test_strict_fails_on_warnings(cli: Any, good_dir: Path) -> None:
    """``--strict`` turns warnings into a failing exit code."""
    path = good_dir / "kota-uji.yaml"
    path.write_text(path.read_text().replace("amount: 4500000", "amount: 1000"))
    assert cli("validate", str(good_dir)).code == 0
    assert cli("validate", str(good_dir), "--strict").code == 1


def test_accepted_warning_hidden_and_shown(cli: Any, good_dir: Path) -> None:
    """An accepted warning is not reported nor counted by --strict, but --show-accepted lists it."""
    path = good_dir / "kota-uji.yaml"
    text = path.read_text().replace("amount: 4500000", "amount: 1000")
    path.write_text(text + '    accepted_warnings: {W302: "must be in a government data center"}\n')
    assert cli("validate", str(good_dir), "--strict").code == 0
    shown = cli("validate", str(good_dir), "--show-accepted", "--format", "json")
    items = json.loads(shown.out)
    assert [(i["code"], i["severity"]) for i in items] == [("W302", "accepted")]


def test_json_format(cli: Any, good_dir: Path) -> None:
    """JSON output is a list of objects with the fields of validation.md."""
    (good_dir / "kota-uji.yaml").write_text("schema: nope\n")
    result = cli("validate", str(good_dir), "--format", "json")
    items = json.loads(result.out)
    assert list(items[0]) == ["file", "line", "column", "severity", "code", "path", "message"]
    assert items[0]["code"] == "E006"


def test_language_changes_messages_not_codes(cli: Any, good_dir: Path) -> None:
    """--lang changes the words; codes and paths stay."""
    (good_dir / "kota-uji.yaml").write_text("schema: nope\n")
    en = json.loads(cli("validate", str(good_dir), "--format", "json", "--lang", "en").out)
    id_ = json.loads(cli("validate", str(good_dir), "--format", "json").out)
    assert [i["code"] for i in en] == [i["code"] for i in id_]
    assert en[0]["message"] != id_[0]["message"]


def test_github_format_and_step_summary(
    cli: Any, good_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Under GitHub Actions the output is workflow commands and a Markdown summary is appended."""
    (good_dir / "kota-uji.yaml").write_text("schema: migrasi/inventory/v1\nregion: 1\n")
    summary = tmp_path / "summary.md"
    summary.write_text("before\n")
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    result = cli("validate", str(good_dir))
    assert result.code == 1
    assert result.out.startswith("::error file=")
    assert ",line=2,col=9,title=E102::" in result.out
    text = summary.read_text()
    assert text.startswith("before\n### migrasi validate")
    assert "| E102 |" in text


def test_sarif_matches_the_schema(cli: Any, good_dir: Path) -> None:
    """SARIF output validates against the OASIS SARIF 2.1.0 schema kept in tests/vendor."""
    path = good_dir / "kota-uji.yaml"
    path.write_text(path.read_text().replace("vcpu: 4", 'vcpu: "4"') + "    bogus: 1\n")
    result = cli("validate", str(good_dir), "--format", "sarif")
    log = json.loads(result.out)
    schema = json.loads((ROOT / "tests" / "vendor" / "sarif-schema-2.1.0.json").read_text())
    jsonschema.Draft4Validator(schema).validate(log)
    results = log["runs"][0]["results"]
    assert sorted(r["ruleId"] for r in results) == ["E102", "E103"]
    assert all(r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in results)


def test_sarif_uri_is_percent_encoded(cli: Any, good_dir: Path) -> None:
    """A file named with a space, ``#``, ``%`` and non-ASCII letters gets an RFC 3986 URI."""
    import re
    from urllib.parse import unquote

    name = "kota uji #1 100% Sungai Penuh éñ.yaml"
    (good_dir / "kota-uji.yaml").rename(good_dir / name)
    (good_dir / name).write_text("schema: nope\n")
    log = json.loads(cli("validate", str(good_dir), "--format", "sarif").out)
    (result,) = log["runs"][0]["results"]
    uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert re.fullmatch(r"(?:[A-Za-z0-9\-._~/]|%[0-9A-F]{2})+", uri), uri
    assert uri.endswith("/kota%20uji%20%231%20100%25%20Sungai%20Penuh%20%C3%A9%C3%B1.yaml")
    assert unquote(uri) == (good_dir / name).as_posix()


def test_no_color_when_not_a_terminal(cli: Any, good_dir: Path) -> None:
    """Text output carries no ANSI escapes when stdout is not a terminal."""
    (good_dir / "kota-uji.yaml").write_text("schema: nope\n")
    assert "\x1b[" not in cli("validate", str(good_dir)).out


def test_help_and_version(cli: Any) -> None:
    """--help shows an example and --version the version."""
    assert "Example:" in cli("validate", "--help").out
    assert cli("--version").out.startswith("migrasi ")


def test_console_script_runs_as_module(good_dir: Path) -> None:
    """``python -m migrasi`` works and keeps stdout and stderr apart."""
    done = subprocess.run(
        [sys.executable, "-m", "migrasi", "validate", str(good_dir), "--format", "json"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert done.returncode == 0
    assert json.loads(done.stdout) == []
    assert "2 berkas" in done.stderr


def test_debug_shows_the_traceback_of_an_internal_error(
    cli: Any, good_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A bug exits 3 with one line; with --debug (before the command) the traceback too."""
    from migrasi import api

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(api, "validate", broken)
    plain = cli("validate", str(good_dir))
    assert plain.code == 3 and "Traceback" not in plain.err and "RuntimeError: boom" in plain.err
    shown = cli("--debug", "validate", str(good_dir))
    assert shown.code == 3 and "Traceback" in shown.err
    again = cli("validate", str(good_dir))
    assert again.code == 3 and "Traceback" not in again.err


def test_explain_reads_a_plan_made_already(cli: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """``explain --plan`` tells the committed plan's waves and money (outputs.md): the same words
    as planning the shipped inventories afresh, since plans/current is their plan."""
    monkeypatch.chdir(ROOT)
    fresh = cli("explain", "kota-jambi/simpeg", "--lang", "en")
    read = cli("explain", "kota-jambi/simpeg", "--plan", "plans/current", "--lang", "en")
    assert read.code == fresh.code == 0, read.err
    assert read.out == fresh.out and "Wave " in read.out


@pytest.mark.parametrize(
    "extra", [["--as-of", "2027-05-01"], ["--scenario", "scenarios/optimis.yaml"]]
)
def test_explain_plan_refuses_what_plans_afresh(
    cli: Any, monkeypatch: pytest.MonkeyPatch, extra: list[str]
) -> None:
    """--as-of and --scenario plan afresh, so with --plan they are wrong usage (exit 2)."""
    monkeypatch.chdir(ROOT)
    result = cli("explain", "kota-jambi/simpeg", "--plan", "plans/current", *extra)
    assert result.code == 2 and "--plan" in result.err


def test_explain_plan_needs_the_system_in_the_inventories(
    cli: Any, monkeypatch: pytest.MonkeyPatch, good_dir: Path
) -> None:
    """A system of the plan that the inventories given do not hold is exit 2 naming both."""
    monkeypatch.chdir(ROOT)
    result = cli("explain", "kota-jambi/simpeg", "--plan", "plans/current", str(good_dir))
    assert result.code == 2
    assert "kota-jambi/simpeg" in result.err and "not in the inventories" in result.err


def test_a_run_that_ends_the_process_exits_with_its_code_and_whole_output(cli: Any) -> None:
    """Ended without freeing what it read, ``migrasi validate`` keeps its exit code and output."""
    case = ROOT / "tests" / "corpus" / "e203-unknown-same-region-ref"
    alone = cli("validate", str(case), "--format", "json")
    done = subprocess.run(
        [sys.executable, "-m", "migrasi", "validate", str(case), "--format", "json"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert (done.returncode, done.stdout, done.stderr) == (1, alone.out, alone.err)
