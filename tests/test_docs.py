"""Everything a user can set is documented in the README: commands, options, environment, make variables."""
from __future__ import annotations

import argparse
import re

import yaml
from conftest import ROOT

from ogp.cli.main import _parser

README = (ROOT / "README.md").read_text("utf-8")


def subcommands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def test_every_command_and_option_is_in_the_readme():
    commands = subcommands(_parser("en"))
    assert commands, "no subcommands found"
    for name, sub in commands.items():
        assert f"| `ogp {name}" in README, f"ogp {name} is undocumented"
        row = next(line for line in README.splitlines() if line.startswith(f"| `ogp {name}"))
        for action in sub._actions:
            for option in action.option_strings:
                if option not in ("-h", "--help"):
                    assert option in row, f"ogp {name} {option} is undocumented"


def test_every_environment_variable_is_in_the_readme():
    used = set()
    for path in [*(ROOT / "ogp").rglob("*.py"), *(ROOT / "hooks").glob("*.py"), *(p for p in (ROOT / "scripts").iterdir() if p.is_file()),
                 ROOT / "mkdocs.yml", ROOT / "Makefile"]:
        used |= set(re.findall(r"\bOGP_[A-Z_]+\b", path.read_text("utf-8")))
    assert used
    for name in used:
        assert f"`{name}`" in README, f"{name} is undocumented"


def test_every_make_target_and_variable_is_in_the_readme():
    makefile = (ROOT / "Makefile").read_text("utf-8")
    for target in re.findall(r"^\.PHONY: (.*)$", makefile, re.M)[0].split():
        if target not in ("install", "install-dev", "help"):
            assert f"make {target}" in README, f"make {target} is undocumented"
    for variable in re.findall(r"^([A-Z_]+) \?=", makefile, re.M) + ["PYTEST_ARGS"]:
        assert f"`{variable}`" in README, f"{variable} is undocumented"


def test_every_key_of_the_settings_file_is_in_the_readme():
    from ogp.records.repository import KEYS, UPDATE_KEYS

    section = README.split("### Settings file (`ogp.yml`)")[1].split("###")[0]
    rows = [line for line in section.splitlines() if line.startswith("| `")]
    documented = {re.match(r"\| `([a-z_.]+)`", row).group(1) for row in rows}
    assert documented == {key for key in KEYS if key != "updates"} | {f"updates.{key}" for key in UPDATE_KEYS}
    sample = yaml.safe_load((ROOT / "ogp.yml").read_text("utf-8"))
    assert set(sample) == set(KEYS), "the sample's ogp.yml shows every key"
