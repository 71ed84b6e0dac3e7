""".NET manifests: SDK-style projects, central package versions, packages.config, global.json."""

from __future__ import annotations

from tui.analysis.frameworks import detect
from tui.analysis.manifests import Manifest, parse_manifest
from tui.analysis.report import Scope


def _deps(manifest: Manifest) -> dict[str, Scope]:
    return {dep.name: dep.scope for dep in manifest.dependencies}


def _names(paths: list[str], files: dict[str, bytes]) -> set[str]:
    return {fw.name for fw in detect(paths, files).frameworks}


WEB_API = """\ufeff<Project Sdk="Microsoft.NET.Sdk.Web">
  <PropertyGroup>
    <TargetFramework>net8.0</TargetFramework>
    <AssemblyName>Contoso.Api</AssemblyName>
  </PropertyGroup>
  <ItemGroup>
    <!--#if (UseSqlServer)-->
    <PackageReference Include="Microsoft.EntityFrameworkCore.SqlServer" Version="8.0.4" />
    <!--#endif-->
    <PackageReference Include="Swashbuckle.AspNetCore" Version="6.5.0" />
    <ProjectReference Include="..\\Contoso.Domain\\Contoso.Domain.csproj" />
  </ItemGroup>
</Project>
""".encode()

BLAZOR = b"""<Project Sdk="Microsoft.NET.Sdk.BlazorWebAssembly">
  <ItemGroup>
    <PackageReference Include="Microsoft.AspNetCore.Components.WebAssembly" Version="8.0.0" />
  </ItemGroup>
</Project>
"""

MAUI = b"""<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFrameworks>net8.0-android;net8.0-ios</TargetFrameworks>
    <UseMaui>true</UseMaui>
    <SingleProject>true</SingleProject>
  </PropertyGroup>
</Project>
"""

WPF = b"""<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>WinExe</OutputType>
    <TargetFramework>net8.0-windows</TargetFramework>
    <UseWPF>true</UseWPF>
    <UseWindowsForms>false</UseWindowsForms>
  </PropertyGroup>
</Project>
"""

TESTS = b"""<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><IsPackable>false</IsPackable></PropertyGroup>
  <ItemGroup>
    <PackageReference Include="Microsoft.NET.Test.Sdk" />
    <PackageReference Include="xunit" />
    <PackageReference Include="Microsoft.AspNetCore.Mvc.Testing" />
  </ItemGroup>
</Project>
"""

CENTRAL = b"""<Project>
  <PropertyGroup>
    <ManagePackageVersionsCentrally>true</ManagePackageVersionsCentrally>
  </PropertyGroup>
  <ItemGroup>
    <PackageVersion Include="MediatR" Version="12.2.0" />
    <PackageVersion Include="NUnit" Version="4.1.0" />
  </ItemGroup>
</Project>
"""


def test_web_sdk_project_with_bom_and_template_comments() -> None:
    manifest = parse_manifest("src/Contoso.Api/Contoso.Api.csproj", WEB_API)
    assert manifest.problems == ()
    assert manifest.package_name == "Contoso.Api"
    assert _deps(manifest) == {
        "microsoft.net.sdk.web": Scope.RUNTIME,
        "microsoft.entityframeworkcore.sqlserver": Scope.RUNTIME,
        "swashbuckle.aspnetcore": Scope.RUNTIME,
    }
    sdk = manifest.dependencies[0]
    assert (sdk.line, sdk.detail) == (1, 'Sdk="Microsoft.NET.Sdk.Web"')
    names = _names(["Contoso.sln"], {"src/Contoso.Api/Contoso.Api.csproj": WEB_API})
    assert {"ASP.NET Core", "Entity Framework Core", "MSBuild"} <= names
    assert "Blazor" not in names


def test_blazor_maui_wpf_come_from_sdks_and_switches() -> None:
    assert "Blazor" in _names([], {"Client/Client.csproj": BLAZOR})
    assert ".NET MAUI" in _names([], {"App/App.csproj": MAUI})
    wpf = _names([], {"Desktop/Desktop.csproj": WPF})
    assert "WPF" in wpf
    assert "Windows Forms" not in wpf  # <UseWindowsForms>false</UseWindowsForms>


def test_a_test_project_is_test_scope_wherever_it_lives() -> None:
    manifest = parse_manifest("src/Api.Tests/Api.Tests.csproj", TESTS)
    assert set(_deps(manifest).values()) == {Scope.TEST}
    found = {fw.name: fw for fw in detect([], {"src/Api.Tests/Api.Tests.csproj": TESTS}).frameworks}
    assert found["xUnit"].category == "test"
    assert found["ASP.NET Core"].confidence < 0.6  # a test host is not what the project is


def test_central_versions_are_optional_and_an_sdk_version_is_stripped() -> None:
    central = parse_manifest("Directory.Packages.props", CENTRAL)
    assert _deps(central) == {"mediatr": Scope.OPTIONAL, "nunit": Scope.OPTIONAL}
    aspire = parse_manifest("AppHost/AppHost.csproj", b'<Project Sdk="Aspire.AppHost.Sdk/9.1.0" />')
    assert [dep.name for dep in aspire.dependencies] == ["aspire.apphost.sdk"]


def test_packages_config_and_global_json() -> None:
    config = b"""<?xml version="1.0" encoding="utf-8"?>
<packages>
  <package id="Newtonsoft.Json" version="13.0.3" targetFramework="net48" />
  <package id="StyleCop.Analyzers" version="1.1.118" developmentDependency="true" />
</packages>"""
    assert _deps(parse_manifest("packages.config", config)) == {
        "newtonsoft.json": Scope.RUNTIME,
        "stylecop.analyzers": Scope.DEV,
    }
    global_json = (
        b'{"sdk": {"version": "8.0.100"}, "msbuild-sdks": {"Microsoft.Build.Traversal": "4.1.0"}}'
    )
    manifest = parse_manifest("global.json", global_json)
    assert _deps(manifest) == {"microsoft.build.traversal": Scope.BUILD}


def test_xml_entities_in_a_project_are_refused() -> None:
    data = b"""<?xml version="1.0"?>
<!DOCTYPE p [<!ENTITY x SYSTEM "file:///etc/passwd">]>
<Project Sdk="Microsoft.NET.Sdk.Web">
  <PropertyGroup><AssemblyName>&x;</AssemblyName></PropertyGroup>
</Project>"""
    manifest = parse_manifest("Evil.csproj", data)
    assert manifest.dependencies == ()
    assert any("refused unsafe XML" in problem for problem in manifest.problems)
