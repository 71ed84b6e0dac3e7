"""Every declared manifest format, as data (generated: do not edit).

Written by ``uv run python -m scripts.gen_manifest_formats`` from the ``FORMATS`` of each module
of ``tui.analysis.manifests``; ``tests/analysis/test_analysis_manifest_formats.py`` fails when it
no longer matches them. One row per format, in rank then key order: module, parser function, key,
ecosystem, names, patterns, rank, workspace, search, anchored, supplement.
"""

# ruff: noqa: E501
# fmt: off
ROWS = (
    ('pyproject', 'parse_pyproject', 'pyproject', 'pypi', ('pyproject.toml',), (), 10, False, True, False, False),
    ('setuptools', 'parse_setup_py', 'setup.py', 'pypi', ('setup.py',), (), 11, False, True, False, False),
    ('setuptools', 'parse_setup_cfg', 'setup.cfg', 'pypi', ('setup.cfg',), (), 12, False, True, False, False),
    ('javascript', 'parse_package_json', 'package.json', 'npm', ('package.json',), (), 20, True, True, False, False),
    ('javascript', 'parse_pnpm_workspace', 'pnpm-workspace', 'npm', ('pnpm-workspace.yaml',), (), 21, True, True, False, False),
    ('deno', 'parse_deno_json', 'deno', 'deno', ('deno.json', 'deno.jsonc'), (), 22, True, True, False, False),
    ('monorepo', 'parse_workspace_file', 'workspace-tools', 'npm', ('nx.json', 'turbo.json', 'lerna.json'), (), 23, True, False, False, False),
    ('cargo', 'parse_cargo', 'cargo', 'crates', ('Cargo.toml',), (), 30, True, True, False, False),
    ('golang', 'parse_go_mod', 'go.mod', 'go', ('go.mod',), (), 31, False, True, False, False),
    ('jvm', 'parse_pom', 'pom', 'maven', ('pom.xml',), (), 40, False, True, False, False),
    ('jvm', 'parse_gradle', 'gradle', 'gradle', ('build.gradle.kts', 'build.gradle'), (), 41, False, True, False, False),
    ('jvm', 'parse_gradle_settings', 'gradle-settings', 'gradle', ('settings.gradle.kts', 'settings.gradle'), (), 43, True, False, False, False),
    ('gradle_catalog', 'parse_version_catalog', 'gradle-catalog', 'gradle', ('gradle/libs.versions.toml',), ('gradle/*.versions.toml',), 44, False, True, False, False),
    ('sbt', 'parse_sbt', 'sbt', 'sbt', ('build.sbt', 'project/plugins.sbt'), ('*.sbt', 'project/*.scala'), 45, False, True, False, False),
    ('javascript', 'parse_composer', 'composer', 'composer', ('composer.json',), (), 50, False, True, False, False),
    ('dart_ruby', 'parse_gemfile', 'gemfile', 'rubygems', ('Gemfile',), (), 51, False, True, False, False),
    ('dart_ruby', 'parse_pubspec', 'pubspec', 'pub', ('pubspec.yaml',), (), 52, False, True, False, False),
    ('dart_ruby', 'parse_gemspec', 'gemspec', 'rubygems', (), ('*.gemspec',), 53, False, True, False, False),
    ('pyproject', 'parse_pipfile', 'pipfile', 'pypi', ('Pipfile',), (), 54, False, True, False, False),
    ('dotnet', 'parse_msbuild', 'msbuild-project', 'nuget', ('Directory.Build.props',), ('*.csproj', '*.fsproj', '*.vbproj'), 60, False, True, False, False),
    ('dotnet', 'parse_central_versions', 'nuget-central', 'nuget', ('Directory.Packages.props',), (), 61, False, True, False, False),
    ('dotnet', 'parse_packages_config', 'packages.config', 'nuget', ('packages.config',), (), 62, False, False, False, False),
    ('dotnet', 'parse_global_json', 'global.json', 'nuget', ('global.json',), (), 63, False, False, False, False),
    ('native', 'parse_cmake', 'cmake', 'cpp', ('CMakeLists.txt',), (), 70, False, True, False, False),
    ('native', 'parse_vcpkg', 'vcpkg', 'cpp', ('vcpkg.json',), (), 71, False, True, False, False),
    ('native', 'parse_conanfile_txt', 'conanfile.txt', 'cpp', ('conanfile.txt',), (), 72, False, True, False, False),
    ('native', 'parse_conanfile_py', 'conanfile.py', 'cpp', ('conanfile.py',), (), 73, False, True, False, False),
    ('native', 'parse_meson', 'meson', 'cpp', ('meson.build',), (), 74, False, True, False, False),
    ('native', 'parse_configure_ac', 'configure.ac', 'cpp', ('configure.ac',), (), 75, False, False, False, False),
    ('swift', 'parse_package_swift', 'package.swift', 'swiftpm', ('Package.swift',), (), 80, False, True, False, False),
    ('swift', 'parse_cartfile', 'cartfile', 'swiftpm', ('Cartfile',), ('cartfile.private',), 81, False, True, False, False),
    ('swift', 'parse_podfile', 'podfile', 'cocoapods', ('Podfile',), (), 82, False, True, False, False),
    ('elixir', 'parse_mix', 'mix', 'hex', ('mix.exs',), (), 84, True, True, False, False),
    ('haskell', 'parse_cabal', 'cabal', 'hackage', (), ('*.cabal',), 85, False, True, False, False),
    ('haskell', 'parse_package_yaml', 'hpack', 'hackage', ('package.yaml',), (), 86, False, False, False, False),
    ('haskell', 'parse_stack_yaml', 'stack', 'hackage', ('stack.yaml',), (), 87, True, False, False, False),
    ('julia', 'parse_project_toml', 'julia-project', 'julia', ('Project.toml',), ('juliaproject.toml',), 88, False, True, False, False),
    ('r_lang', 'parse_description', 'r-description', 'cran', ('DESCRIPTION',), (), 89, False, True, False, False),
    ('python_reqs', 'parse_requirements', 'requirements', 'pypi', ('requirements.txt',), ('requirements.txt', 'requirements.in', 'requirements[-_.]*.txt', 'requirements[-_.]*.in', '*[-_]requirements.txt', '*[-_]requirements.in', '*[-_]requirements[-_.]*.txt', '*[-_]requirements[-_.]*.in', 'requirements/*.txt', 'requirements/*.in'), 90, False, True, False, False),
    ('python_reqs', 'parse_conda', 'conda', 'conda', ('environment.yml', 'environment.yaml'), ('*[-_]environment.yml', '*[-_]environment.yaml', 'environment[-_]*.yml', 'environment[-_]*.yaml', '*[-_]environment[-_]*.yml', '*[-_]environment[-_]*.yaml'), 91, False, True, False, False),
    ('r_lang', 'parse_renv_lock', 'renv.lock', 'cran', ('renv.lock',), (), 92, False, False, False, False),
    ('zig_lua', 'parse_zon', 'zig', 'zig', ('build.zig.zon',), (), 93, False, True, False, False),
    ('zig_lua', 'parse_rockspec', 'rockspec', 'luarocks', (), ('*.rockspec',), 94, False, True, False, False),
    ('scripts', 'parse_script', 'install-script', 'shell', ('setup.sh', 'install.sh'), ('install*.sh', 'setup*.sh', 'bootstrap*.sh', '*[-_]install.sh', 'scripts/install*.sh', 'scripts/setup*.sh', 'scripts/bootstrap*.sh', 'scripts/*[-_]install.sh'), 95, False, False, True, True),
    ('scripts', 'parse_dockerfile', 'dockerfile', 'docker', ('Dockerfile',), ('dockerfile.*', '*.dockerfile', 'docker/dockerfile', 'docker/dockerfile.*'), 96, False, False, True, True),
    ('scripts', 'parse_makefile', 'makefile', 'shell', ('Makefile', 'GNUmakefile'), (), 97, False, False, True, True),
)
