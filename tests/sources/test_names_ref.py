"""RepoRef: what a person types is parsed once: ``owner/repo`` on GitHub or a local checkout."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.present.format import display_name
from tui.sources.names import RepoRef, TargetError, local_path, parse_ref, parse_target


@pytest.mark.parametrize(
    "text",
    ["pallets/flask", "https://github.com/pallets/flask", "git@github.com:pallets/flask.git"],
)
def test_names_and_urls_are_repositories_on_github(text: str) -> None:
    ref = parse_ref(text)
    assert ref == RepoRef(full_name="pallets/flask")
    assert ref.key == "pallets/flask"
    assert local_path(ref.key) is None


def test_paths_are_checkouts_keyed_by_their_absolute_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "src").mkdir()
    monkeypatch.chdir(tmp_path)
    for text in ("./src", str(tmp_path / "src"), "src"):  # a bare folder name that exists, too
        ref = parse_ref(text)
        assert ref is not None
        assert ref.path == (tmp_path / "src").resolve()
        assert ref.full_name is None
        assert local_path(ref.key) == ref.path
        assert display_name(ref.key) == ("src", ref.key)


def test_a_path_that_does_not_exist_is_not_a_directory_and_nonsense_is_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert parse_ref("./gone") is None
    with pytest.raises(TargetError, match="not a directory"):
        parse_target("./gone")  # said once, at the edge, in one line
    assert parse_ref("not a repo") is None
    assert parse_ref("gone") is None  # neither owner/repo nor an existing folder
    assert display_name("pallets/flask") == ("pallets/flask", None)
