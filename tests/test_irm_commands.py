"""``ogp compliance --as-of``, ``ogp irm-pack`` and its ``verify``, and the exit statuses, called in-process."""
from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from test_verdicts import RULES, Story, cso_meetings, four_years_from_29_february, meeting, t

from ogp.cli import main as cli


def ogp(capsys, *args: str) -> tuple[int, str, str]:
    """Run ``ogp`` in this process: (exit status, stdout, stderr)."""
    status = cli.main(list(args))
    out = capsys.readouterr()
    return status, out.out, out.err


@pytest.fixture
def story(tmp_path: Path, monkeypatch) -> Story:
    monkeypatch.delenv("OGP_PUBLICATION_LOG", raising=False)
    monkeypatch.setenv("OGP_LANG", "en")
    return Story(tmp_path / "repo")


def test_as_of_judges_the_records_published_that_day(story, capsys):
    story.commit(t("2023-08-01"), dict([RULES]), base=True)
    judged = story.touch(t("2024-02-01"))
    # Entered in September, about a meeting of March: unknown at the end of June.
    story.commit(t("2024-09-01"), dict([meeting("2024-03-10", "civil-society")]))
    status, out, err = ogp(capsys, "compliance", "--root", str(story.root), "--as-of", "2024-06-30", "--format", "json")
    assert status == 0, err
    report = json.loads(out)
    assert report["commit"] == judged
    assert report["requirements"]["5.1"]["status"] == "at-risk"
    status, out, _ = ogp(capsys, "compliance", "--root", str(story.root), "--as-of", "2024-09-01", "--format", "json")
    assert json.loads(out)["requirements"]["5.1"]["status"] == "met"


def test_a_day_before_the_history_is_a_clear_error(story, capsys, monkeypatch):
    story.commit(t("2023-08-01"), base=True)
    status, out, err = ogp(capsys, "compliance", "--root", str(story.root), "--as-of", "2023-07-31")
    assert status == 2 and out == ""
    assert "2023-07-31 is before" in err and "begins on 2023-08-01" in err and "буюу" not in err and "Traceback" not in err  # the editor's language only, days in ISO as typed
    monkeypatch.setenv("OGP_LANG", "mn")
    status, out, err = ogp(capsys, "compliance", "--root", str(story.root), "--as-of", "2023-07-31")
    assert status == 2 and err.strip().endswith("2023-08-01 буюу түүнээс хойших огноо өгнө үү.") and "begins" not in err
    monkeypatch.setenv("OGP_LANG", "")
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    status, out, err = ogp(capsys, "compliance", "--root", str(story.root), "--as-of", "2023-07-31")
    assert status == 2 and err.index("begins on 2023-08-01") < err.index("2023-08-01 буюу")  # nobody known: English first


def test_strict_fails_on_an_overdue_deadline_and_says_it_in_words(story, capsys):
    four_years_from_29_february(story)
    status, out, _ = ogp(capsys, "compliance", "--root", str(story.root), "--as-of", "2026-09-01", "--strict")
    assert status == 1
    assert "Refreshed plan due  2026-08-29  Not met — overdue by 3 days" in out


def test_an_irm_pack_holds_its_plan_and_proves_itself(story, capsys, tmp_path):
    story.touch(t("2023-03-01"))  # an update while nap0 ran
    cso_meetings(story)  # plans nap0 (ended 2023) and nap1 (running)
    pack = tmp_path / "nap0.zip"
    status, _, err = ogp(capsys, "irm-pack", "nap0", "--root", str(story.root), "--as-of", "2024-12-20", "--output", str(pack))
    assert status == 0, err
    with zipfile.ZipFile(pack) as archive:
        manifest = json.loads(archive.read("manifest.json"))
        report = json.loads(archive.read("compliance.json"))
        names = set(archive.namelist())
    assert report["plan"] == manifest["plan"]["id"] == "nap0"
    assert manifest["head"] == story.git("rev-parse", "HEAD") and manifest["timezone"] == "Asia/Ulaanbaatar"
    assert "data/plans/nap0.yml" in names and all(item["blob"] and item["sha256"] for item in manifest["files"])
    assert [u["date"] for u in manifest["updates"]] == ["2023-03-01"]  # nap0's period only
    assert ogp(capsys, "irm-pack", "verify", str(pack), "--root", str(story.root))[0] == 0
    # A file changed inside the pack, and a claim about an update changed: both are found.
    forged = tmp_path / "forged.zip"
    with zipfile.ZipFile(pack) as source, zipfile.ZipFile(forged, "w") as target:
        for name in source.namelist():
            data = source.read(name)
            if name == "data/plans/nap0.yml":
                data += b"# changed\n"
            if name == "manifest.json":
                facts = json.loads(data)
                facts["updates"][0]["author"] = "Someone else"
                data = json.dumps(facts).encode("utf-8")
            target.writestr(name, data)
    status, out, _ = ogp(capsys, "irm-pack", "verify", str(forged), "--root", str(story.root))
    assert status == 1
    assert "sha256 data/plans/nap0.yml" in out and "content data/plans/nap0.yml" in out and "author" in out
    assert ogp(capsys, "irm-pack", "verify", str(story.root / "data/plans/nap0.yml"), "--root", str(story.root))[0] == 2


def test_an_unknown_plan_is_invalid_input(story, capsys):
    story.commit(t("2023-08-01"), base=True)
    status, _, err = ogp(capsys, "irm-pack", "nap9", "--root", str(story.root))
    assert status == 2 and "There is no plan nap9" in err


def test_an_internal_error_is_one_line_with_exit_status_4(story, capsys, monkeypatch):
    def broken(*_args):
        raise RuntimeError("a defect")

    monkeypatch.setattr(cli, "cmd_validate", broken)
    status, _, err = ogp(capsys, "validate", "--root", str(story.root))
    assert status == 4 and "RuntimeError: a defect" in err and "OGP_DEBUG=1" in err and "Traceback" not in err


def test_a_linked_file_under_data_is_refused_and_never_packed(story, capsys, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("not for the IRM\n", "utf-8")
    story.commit(t("2023-08-01"), dict([RULES]), base=True)
    link = story.root / "data/meetings/2024-03-01-forum.en.md"
    link.unlink()
    link.symlink_to(secret)
    story.git("add", "-A")
    story.git("commit", "-q", "-m", "link", when=t("2023-08-02"))
    status, out, _ = ogp(capsys, "validate", "--root", str(story.root))
    assert status == 2 and "data/meetings/2024-03-01-forum.en.md: [linked-file]" in out
