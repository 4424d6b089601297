"""Every page must exist in every language.

mkdocs-static-i18n quietly leaves a page out of (or, with fallback on,
publishes the wrong language under) a language that lacks it. The public must
never meet that, so the build checks the pairs itself and stops, naming the
missing file.
"""
from __future__ import annotations

from pathlib import Path

from ogp.records.errors import Problem, language_name
from ogp.words import per_language

PAGE_SUFFIXES = (".md",)


def page_languages(docs_dir: Path) -> dict[str, dict[str, Path]]:
    """Map each page stem (path without language and extension) to {lang: file}.

    ``about.mn.md`` and ``about.en.md`` both have the stem ``about``. A page
    with no language part is returned under the language key ``""``.
    """
    pages: dict[str, dict[str, Path]] = {}
    for path in sorted(docs_dir.rglob("*.md")):
        if not path.is_file():
            continue
        rel = path.relative_to(docs_dir)
        name = rel.name[: -len(".md")]
        stem_name, dot, lang = name.rpartition(".")
        if not dot:
            stem_name, lang = name, ""
        stem = (rel.parent / stem_name).as_posix()
        pages.setdefault(stem, {})[lang] = path
    return pages


def check_translations(docs_dir: Path, languages: list[str], root: Path | None = None) -> list[Problem]:
    """Return one problem per missing translation or language-less page.

    ``root`` is the folder paths in messages are relative to (the project
    root, so an editor reads ``content/contact.en.md``).
    """
    docs_dir = Path(docs_dir)
    root = Path(root) if root is not None else docs_dir.parent

    def shown(path: Path) -> str:
        try:
            return path.relative_to(root).as_posix()
        except ValueError:
            return path.as_posix()

    problems: list[Problem] = []
    for stem, by_lang in page_languages(docs_dir).items():
        for lang, path in by_lang.items():
            if lang not in languages:
                problems.append(
                    Problem("page-without-language", shown(path), params={
                        "stem": shown(docs_dir / stem), "files": ", ".join(f"{shown(docs_dir / stem)}.{code}.md" for code in languages)})
                )
        present = [lang for lang in languages if lang in by_lang]
        if not present:
            continue
        for lang in languages:
            if lang in by_lang:
                continue
            source = by_lang[present[0]]
            missing = docs_dir / f"{stem}.{lang}.md"
            problems.append(
                Problem(
                    "missing-translation",
                    shown(source),
                    params={
                        "present": shown(source),
                        "missing": shown(missing),
                        "missing_lang": per_language(lambda in_lang, lang=lang: language_name(lang, in_lang)),
                    },
                )
            )
    return problems
