"""A .NET root with central package versions is not the whole story: the projects in subfolders
say what each uses (a version listed centrally is not a reference), so the listing is read."""

from __future__ import annotations

from tui.analysis.manifests import parse_manifest
from tui.analysis.root import named_files

PROPS = b"""<Project>
  <PropertyGroup>
    <ManagePackageVersionsCentrally>true</ManagePackageVersionsCentrally>
  </PropertyGroup>
  <ItemGroup>
    <PackageVersion Include="Microsoft.AspNetCore.OpenApi" Version="8.0.6" />
    <PackageVersion Include="Microsoft.EntityFrameworkCore" Version="8.0.6" />
    <PackageVersion Include="xunit" Version="2.8.1" />
  </ItemGroup>
</Project>
"""

REQUIREMENTS = b"flask==3.0.3\n"


def test_central_package_versions_need_the_projects() -> None:
    for name in ("Directory.Packages.props", "Directory.Build.props"):
        assert named_files([parse_manifest(name, PROPS)]) is None, name


def test_a_plain_root_names_no_more_files() -> None:
    assert named_files([parse_manifest("requirements.txt", REQUIREMENTS)]) == []
