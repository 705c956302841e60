"""The CI kit: the pre-commit hook, the GitHub Action and the examples of docs/ci.md."""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT

CI_DOC = ROOT / "docs" / "ci.md"
CORPUS = ROOT / "tests" / "corpus"
BIN = Path(sys.executable).parent


def examples() -> dict[str, str]:
    """The YAML examples of docs/ci.md, by the file name on their first line (``# name``)."""
    text = CI_DOC.read_text(encoding="utf-8")
    blocks = re.findall(r"```yaml\n(.*?)```", text, re.DOTALL)
    return {block.splitlines()[0].removeprefix("# "): block for block in blocks}


def check_jsonschema(schema: str, path: Path) -> subprocess.CompletedProcess[str]:
    """Run check-jsonschema with one of its built-in (offline) schemas on ``path``."""
    return subprocess.run(
        [str(BIN / "check-jsonschema"), "--builtin-schema", schema, str(path)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("name", "schema"),
    [
        (".github/workflows/inventories.yml", "vendor.github-workflows"),
        (".gitlab-ci.yml", "vendor.gitlab-ci"),
    ],
)
def test_ci_examples_match_their_schemas(tmp_path: Path, name: str, schema: str) -> None:
    """The example workflow and GitLab job of docs/ci.md are valid; a broken copy is not."""
    text = examples()[name]
    good, bad = tmp_path / "good.yml", tmp_path / "bad.yml"
    good.write_text(text, encoding="utf-8")
    bad.write_text(text.replace("runs-on", "run-on").replace("when: always", "when: never-ever"))
    done = check_jsonschema(schema, good)
    assert done.returncode == 0, done.stdout + done.stderr
    assert check_jsonschema(schema, bad).returncode == 1


def test_action_matches_its_schema(tmp_path: Path) -> None:
    """action.yml is a valid composite action; with a wrong ``using`` it is not."""
    done = check_jsonschema("vendor.github-actions", ROOT / "action.yml")
    assert done.returncode == 0, done.stdout + done.stderr
    bad = tmp_path / "action.yml"
    bad.write_text((ROOT / "action.yml").read_text().replace("using: composite", "using: x"))
    assert check_jsonschema("vendor.github-actions", bad).returncode == 1


def test_examples_use_the_action_and_the_gitlab_format() -> None:
    """The workflow calls the action with plan-diff, and the GitLab job uploads --format gitlab."""
    workflow = yaml.safe_load(examples()[".github/workflows/inventories.yml"])
    steps = workflow["jobs"]["validate"]["steps"]
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    used = next(s for s in steps if "migrasi" in s.get("uses", ""))
    assert set(used["with"]) <= set(action["inputs"])
    assert used["with"]["plan-diff"] is True
    job = yaml.safe_load(examples()[".gitlab-ci.yml"])["migrasi-validate"]
    assert "--format gitlab > gl-code-quality-report.json" in job["script"][0]
    assert job["artifacts"]["reports"]["codequality"] == "gl-code-quality-report.json"


def _step_env(step: dict[str, object], inputs: dict[str, str]) -> dict[str, str]:
    """A step's ``env`` with ``${{ inputs.x }}`` and ``${{ github.action_path }}`` filled in."""
    values = {**{f"inputs.{k}": v for k, v in inputs.items()}, "github.action_path": str(ROOT)}
    env = step.get("env", {})
    assert isinstance(env, dict)
    return {
        k: re.sub(r"\$\{\{\s*([\w.-]+)\s*\}\}", lambda m: values[m[1]], str(v))
        for k, v in env.items()
    }


def run_action(workdir: Path, **given: str) -> tuple[list[int], str]:
    """Run the action's own shell steps (not setup-python and the install) in ``workdir`` as a
    runner would, with migrasi from this environment; return exit codes and the summary."""
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    inputs = {k: str(v.get("default", "")) for k, v in action["inputs"].items()} | given
    summary = workdir / "summary.md"
    summary.write_text("", encoding="utf-8")
    codes = []
    for step in action["runs"]["steps"]:
        if "run" not in step or "pip install" in step["run"]:
            continue
        condition = step.get("if")
        if condition is not None:
            name, value = re.fullmatch(r"inputs\.([\w-]+) == '(\w+)'", condition).groups()  # type: ignore[union-attr]
            if inputs[name] != value:
                continue
        env = {**os.environ, **_step_env(step, inputs), "GITHUB_ACTIONS": "true",
               "GITHUB_STEP_SUMMARY": str(summary), "RUNNER_TEMP": str(workdir / "tmp"),
               "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}"}  # fmt: skip
        (workdir / "tmp").mkdir(exist_ok=True)
        done = subprocess.run(
            ["bash", "-e", "-c", step["run"]], cwd=workdir, env=env, capture_output=True,
            text=True, check=False, timeout=300,
        )  # fmt: skip
        codes.append(done.returncode)
        if done.returncode:
            break
    return codes, summary.read_text(encoding="utf-8")


def test_action_validates_and_puts_the_plan_change_in_the_summary(tmp_path: Path) -> None:
    """The action's steps validate (summary table) and add the diff against the committed plan."""
    shutil.copytree(ROOT / "tests" / "cases" / "cycle-and-pilot" / "inventories",
                    tmp_path / "inventories")  # fmt: skip
    subprocess.run(
        [str(BIN / "migrasi"), "plan", "inventories", "--out", "plans/current"],
        cwd=tmp_path, capture_output=True, check=True,
    )  # fmt: skip
    region = tmp_path / "inventories" / "kab-uji.yaml"
    text = region.read_text(encoding="utf-8")
    region.write_text(re.sub(r"amount: (\d+)", lambda m: f"amount: {int(m[1]) * 2}", text, count=1))
    codes, summary = run_action(tmp_path, **{"plan-diff": "true", "lang": "en"})
    assert codes == [0, 0]
    assert "### migrasi validate" in summary
    assert "NPV" in summary and "no change" not in summary
    region.write_text("schema: migrasi/inventory/v1\nregion: 1\n", encoding="utf-8")
    codes, summary = run_action(tmp_path, **{"plan-diff": "true"})
    assert codes == [1]
    assert "| E102 |" in summary or "| E101 |" in summary


def test_pre_commit_config_example_is_valid(tmp_path: Path) -> None:
    """The .pre-commit-config.yaml of docs/ci.md is one pre-commit accepts, naming the hook."""
    if importlib.util.find_spec("pre_commit") is None:
        pytest.skip("pre-commit is not installed")
    config = tmp_path / ".pre-commit-config.yaml"
    config.write_text(examples()[".pre-commit-config.yaml"], encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "pre_commit", "validate-config", str(config)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert [h["id"] for h in hooks] == ["migrasi-validate"]
    assert yaml.safe_load(config.read_text())["repos"][0]["hooks"][0]["id"] == "migrasi-validate"


def test_pre_commit_hook_checks_the_whole_folder(tmp_path: Path) -> None:
    """``pre-commit try-repo`` installs migrasi from this repository and runs the hook on a
    repository of inventories: it fails on a cross-file ref error and passes once it is fixed."""
    if importlib.util.find_spec("pre_commit") is None:
        pytest.skip("pre-commit is not installed")
    if not (ROOT / ".git").exists():
        pytest.skip("not a git checkout: pre-commit clones the hook's repository")
    repo = tmp_path / "regions"
    shutil.copytree(CORPUS / "e203-unknown-cross-region-ref", repo / "inventories")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "GIT_CONFIG_NOSYSTEM": "1",
           "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}  # fmt: skip

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            list(args), cwd=repo, env=env, capture_output=True, text=True, check=False,
            timeout=600,
        )  # fmt: skip

    run("git", "init", "-q")
    run("git", "add", "-A")
    hook = (sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "migrasi-validate")
    failed = run(*hook, "--all-files")
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "E203 systems[0].depends_on[0]" in failed.stdout
    assert "prov-jambi/ssoo" in failed.stdout
    ref = repo / "inventories" / "kota-jambi.yaml"
    ref.write_text(ref.read_text(encoding="utf-8").replace("ssoo", "sso"), encoding="utf-8")
    run("git", "add", "-A")
    passed = run(*hook, "--all-files")
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "migrasi validate" in passed.stdout and "Passed" in passed.stdout
