"""The GitHub workflows: linted by zizmor, and held to the project's least-privilege rules."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import yaml
from conftest import ROOT

WORKFLOWS = sorted((ROOT / ".github/workflows").glob("*.yml"))


def load(path: Path) -> dict:
    # PyYAML reads the key `on` as True (YAML 1.1); put it back.
    data = yaml.safe_load(path.read_text("utf-8"))
    data["on"] = data.pop(True, data.get("on"))
    return data


def steps(workflow: dict):
    for job_name, job in workflow["jobs"].items():
        for step in job.get("steps", []):
            yield job_name, job, step


def test_zizmor_finds_nothing():
    zizmor = Path(sys.executable).parent / "zizmor"
    result = subprocess.run([str(zizmor), "--offline", "--no-progress", str(ROOT / ".github/workflows")],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_expected_workflows_exist():
    assert {p.name for p in WORKFLOWS} >= {"checks.yml", "deploy.yml", "links.yml"}


def test_least_privilege_and_pinned_actions():
    for path in WORKFLOWS:
        workflow = load(path)
        assert workflow["permissions"] == {"contents": "read"}, path.name
        assert "pull_request_target" not in (workflow["on"] or {}), path.name
        for job_name, job, step in steps(workflow):
            if "uses" in step:
                assert re.fullmatch(r"[\w.-]+/[\w.-]+(/[\w./-]+)?@[0-9a-f]{40}", step["uses"]), f"{path.name}: {step['uses']}"
            if step.get("uses", "").startswith("actions/checkout@"):
                assert step["with"]["persist-credentials"] is False, f"{path.name}/{job_name}"
            # Values from GitHub contexts reach scripts through env, never pasted into them.
            assert "${{" not in step.get("run", ""), f"{path.name}/{job_name}: {step.get('run')}"
        for job_name, job in workflow["jobs"].items():
            if "permissions" in job:
                widened = (path.name == "deploy.yml" and job_name in ("deploy", "attest")) or (
                    path.name == "labels.yml" and job["permissions"] == {"contents": "read", "issues": "write"}) or (
                    path.name == "checks.yml" and job_name == "records"
                    and job["permissions"] == {"contents": "read", "pull-requests": "write"})
                assert widened, f"{path.name}/{job_name} widens permissions"


def test_deploy_builds_full_history_once_at_a_time():
    deploy = load(ROOT / ".github/workflows/deploy.yml")
    assert deploy["concurrency"]["cancel-in-progress"] is False
    checkout = next(s for _, _, s in steps(deploy) if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0
    assert deploy["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    # Signing has its own job: the build job (pip, make, MkDocs hooks) never holds an OIDC token.
    assert deploy["jobs"]["attest"]["permissions"] == {"id-token": "write", "attestations": "write"}
    assert "permissions" not in deploy["jobs"]["build"]
    assert set(deploy["jobs"]["deploy"]["needs"]) == {"build", "attest"}, "nothing is published unattested"
    checks = load(ROOT / ".github/workflows/checks.yml")
    assert any("ci-validate.sh" in s.get("run", "") for _, _, s in steps(checks))
    assert any(".ci/run" in s.get("run", "") for _, _, s in steps(checks))
    # A records-only pull request gets the content checks; anything else, and every push, everything.
    full = next(s for _, _, s in steps(checks) if ".ci/run" in s.get("run", ""))
    content = next(s for _, _, s in steps(checks) if "ci-content-checks.sh" in s.get("run", ""))
    assert full["if"] == "steps.scope.outputs.scope != 'content'" and content["if"] == "steps.scope.outputs.scope == 'content'"
    scope = next(s for _, _, s in steps(checks) if s.get("id") == "scope")
    assert "change_scope.py" in scope["run"] and "scope=full" in scope["run"]


def test_codeowners_protects_code_and_configuration():
    owners = (ROOT / ".github/CODEOWNERS").read_text("utf-8")
    for path in ("/hooks/", "/scripts/", "/theme_overrides/", "/mkdocs.yml", "/.github/", "/requirements.txt",
                 "/requirements-dev.txt", "/requirements-uv.txt", "/pyproject.toml", "/ogp/", "/.ogp-rewrites"):
        assert re.search(rf"^{re.escape(path)}\s+@", owners, re.M), path
    assert not re.search(r"^/(data|content)/", owners, re.M), "editors must be able to merge records and pages"


def test_deploy_extends_the_publication_log_before_building_and_attests_the_artifact():
    build = load(ROOT / ".github/workflows/deploy.yml")["jobs"]["build"]["steps"]
    runs = [step.get("run", "") for step in build]
    log_step = next(i for i, run in enumerate(runs) if "ogp publications append" in run)
    build_step = next(i for i, run in enumerate(runs) if "make site" in run)
    assert any("make install" in run for run in runs[:log_step]), "ogp must be installed before it runs"
    assert log_step < build_step
    script = runs[log_step]
    assert "--missing-ok" in script and "/data/publications.json" in script and '"404"' in script
    assert "date -u +%Y-%m-%dT%H:%M:%SZ" in script and "$GITHUB_RUN_ID" in script
    log_path = build[log_step]["env"]["OGP_PUBLICATION_LOG"]
    assert '--output "$OGP_PUBLICATION_LOG"' in script
    assert build[build_step]["env"]["OGP_PUBLICATION_LOG"] == log_path
    attest = load(ROOT / ".github/workflows/deploy.yml")["jobs"]["attest"]["steps"]
    provenance = next(s for s in attest if s.get("uses", "").startswith("actions/attest-build-provenance@"))
    assert "/artifact.tar" in provenance["with"]["subject-path"]


def test_the_issue_forms_labels_are_created_by_a_workflow():
    labels = load(ROOT / ".github/workflows/labels.yml")
    assert any("issue-labels.sh" in s.get("run", "") for _, _, s in steps(labels))
    script = (ROOT / "scripts/issue-labels.sh").read_text("utf-8")
    assert "gh label create" in script and "ISSUE_TEMPLATE" in script
    used = {label for form in (ROOT / ".github/ISSUE_TEMPLATE").glob("*.yml") for label in yaml.safe_load(form.read_text("utf-8")).get("labels", [])}
    assert used == {"evidence", "meeting", "milestone-status", "problem"}


def test_a_pull_request_reports_its_effect_in_the_summary_and_one_comment():
    checks = load(ROOT / ".github/workflows/checks.yml")
    step = next(s for _, _, s in steps(checks) if "pr-effect.sh" in s.get("run", ""))
    assert step["if"] == "github.event_name == 'pull_request'" and set(step["env"]) >= {"BASE_REF", "PR_NUMBER", "SAME_REPO"}
    script = (ROOT / "scripts/pr-effect.sh").read_text("utf-8")
    assert "ogp diff" in script and "GITHUB_STEP_SUMMARY" in script and "<!-- ogp-effect -->" in script and "PATCH" in script


def test_checks_cache_the_install_downloads_by_the_pins_and_the_publishing_workflow_does_not():
    checks = load(ROOT / ".github/workflows/checks.yml")
    for name, job in checks["jobs"].items():
        caches = [s for s in job["steps"] if s.get("uses", "").startswith("actions/cache@")]
        assert len(caches) == 1, name
        assert caches[0]["with"]["key"].endswith("${{ hashFiles('requirements*.txt') }}")
        assert {"~/.cache/pip", "~/.cache/uv"} <= set(caches[0]["with"]["path"].split())
    deploy = (ROOT / ".github/workflows/deploy.yml").read_text("utf-8")
    assert "actions/cache" not in deploy, "a published build must not restore files another run saved"
