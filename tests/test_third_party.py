"""The built site loads nothing from any host but its own."""
from __future__ import annotations

from pathlib import Path

import yaml
from conftest import ROOT, write_files

from ogp.build.site_audit import external_references
from ogp.build.theme_fixes import keep_scripts_on_site

# api.github.com stands in Material's bundle for the repository widget, which only
# runs when `repo_url` is a GitHub address; test_repo_url_is_not_set keeps it off.
JS_ALLOW = frozenset({"api.github.com"})


def _config() -> dict:
    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
    return yaml.load((ROOT / "mkdocs.yml").read_text("utf-8"), Loader=Loader)


def test_built_site_has_no_external_resource(build):
    refs = external_references(build.site, js_allow=JS_ALLOW)
    assert refs == [], "\n".join(f"{r.file}: {r.context} {r.url}" for r in refs)


def test_google_fonts_are_off_and_repo_url_is_not_set():
    config = _config()
    assert config["theme"]["font"] is False
    assert not config.get("repo_url")
    assert not config.get("extra", {}).get("analytics")


def test_scanner_finds_each_kind_of_external_load(tmp_path: Path):
    # The scanner must see what it is meant to catch, or the test above proves nothing.
    write_files(tmp_path, {
        "a.html": '<link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto">'
                  '<script src="//cdn.example.net/x.js"></script>'
                  '<img srcset="/ok.png 1x, https://img.example.com/b.png 2x">'
                  '<a href="https://www.opengovpartnership.org/">a link is not a load</a>'
                  '<div style="background:url(https://t.example.org/p.gif)"></div>',
        "b.css": "@import 'https://fonts.example.com/f.css'; .x{background:url(\"/local.png\")}",
        "c.js": 'load("https://unpkg.com/lib@1/dist/lib.js"); fetch("https://api.github.com/repos/")',
    })
    urls = sorted(r.url for r in external_references(tmp_path, js_allow=JS_ALLOW))
    assert urls == [
        "//cdn.example.net/x.js",
        "https://fonts.example.com/f.css",
        "https://fonts.googleapis.com/css?family=Roboto",
        "https://img.example.com/b.png",
        "https://t.example.org/p.gif",
        "https://unpkg.com/lib@1/dist/lib.js",
    ]


def test_own_host_is_not_external(tmp_path: Path):
    write_files(tmp_path, {"a.html": '<script src="https://ogp.example.mn/assets/x.js"></script>'})
    assert external_references(tmp_path, own_hosts=frozenset({"ogp.example.mn"})) == []


def test_cdn_script_loaders_are_pointed_at_the_site():
    js = 'a("https://unpkg.com/resize-observer-polyfill");b("https://unpkg.com/mermaid@11/dist/mermaid.min.js")'
    fixed = keep_scripts_on_site(js, "/ogp/")
    assert fixed == ('a("/ogp/assets/vendor/resize-observer-polyfill");'
                     'b("/ogp/assets/vendor/mermaid-11_dist_mermaid.min.js")')
    assert keep_scripts_on_site(fixed, "/ogp/") == fixed
