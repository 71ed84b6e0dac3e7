"""Whatever the scan settles without enry, enry would have put in the same group of the bar.

``settled_without_content`` skips enry for a file whose name allows several languages when
enry's choice could not change what is counted. That holds only if enry always picks among the
name's languages; for ``.1`` to ``.9`` it does not: a file that does not look like Roff is plain
Text to enry (``LGPL-2.1``, pyenv's ``python-build/3.12.7``), and counting it as Roff put tens
of kilobytes of Roff in a Python project's bar. Checked here on every extension of the bundled
table that allows more than one language, with heads of several kinds.
"""

from __future__ import annotations

import pytest

from tui.analysis.ambiguity import settled_without_content
from tui.analysis.language_table import load_table
from tui.analysis.languages import NO_OVERRIDES

enry = pytest.importorskip("enry")

HEADS = (
    b"",
    b"hello world\n",
    b"GNU LESSER GENERAL PUBLIC LICENSE\nVersion 2.1, February 1999\n",
    b"x = 1\ny = 2\n",
    b"# A title\n\nSome text.\n",
    b'{\n  "a": 1\n}\n',
    b"<root><a/></root>\n",
    b".TH LS 1\n.SH NAME\nls \\- list\n",
    b'install_package "openssl-3" "https://example.org/openssl.tar.gz"\n',
)


def _extensions() -> list[str]:
    table = load_table()
    seen = {ext.lower() for language in table for ext in language.extensions}
    return sorted(ext for ext in seen if len(table.candidates(f"f{ext}")) > 1)


def _bar_group(name: str) -> str | None:
    """The group a language's bytes go to in the bar, or None when they are not counted."""
    language = load_table().get(name)
    if language is None or not language.counted:
        return None
    return language.group or language.name


@pytest.mark.parametrize("extension", _extensions())
def test_settled_files_count_where_enry_would_count_them(extension: str) -> None:
    table = load_table()
    path = f"dir/file{extension}"
    candidates = table.candidates(path)
    for head in HEADS:
        settled = settled_without_content(path, candidates, head, NO_OVERRIDES, table)
        if settled is None:
            continue  # enry is asked: nothing to compare
        ours = _bar_group(settled[0].name) if settled else None
        theirs = _bar_group(str(enry.get_language(path.rsplit("/", 1)[-1], head)))
        assert ours == theirs, (extension, head)


def test_a_version_numbered_text_file_is_not_roff() -> None:
    table = load_table()
    path = "python-build/3.12.7"
    head = HEADS[8]
    assert settled_without_content(path, table.candidates(path), head, NO_OVERRIDES, table) is None
    page = HEADS[7]
    settled = settled_without_content(
        "man/ls.1", table.candidates("ls.1"), page, NO_OVERRIDES, table
    )
    assert settled
    assert (settled[0].group or settled[0].name) == "Roff"
