"""C and C++ manifests: CMake, vcpkg, Conan, Meson and autoconf, all in the ``cpp`` ecosystem."""

from __future__ import annotations

from tui.analysis.frameworks import detect
from tui.analysis.manifests import Manifest, parse_manifest
from tui.analysis.report import Scope


def _deps(manifest: Manifest) -> dict[str, Scope]:
    return {dep.name: dep.scope for dep in manifest.dependencies}


def _names(files: dict[str, bytes], paths: tuple[str, ...] = ()) -> set[str]:
    return {fw.name for fw in detect(list(paths) + list(files), files).frameworks}


CMAKE = b"""cmake_minimum_required(VERSION 3.24)
project(photon VERSION 1.2 LANGUAGES CXX CUDA)  # GPU kernels too

# find_package(Qt5) is commented out: not a dependency
find_package(Qt6 REQUIRED COMPONENTS Widgets OpenGLWidgets)
find_package(OpenCV 4 REQUIRED)
find_package(PkgConfig REQUIRED)
pkg_check_modules(GTK REQUIRED IMPORTED_TARGET gtk+-3.0>=3.22)

include(FetchContent)
FetchContent_Declare(
  imgui
  GIT_REPOSITORY https://github.com/ocornut/imgui.git
  GIT_TAG v1.90
)
FetchContent_MakeAvailable(imgui)

add_executable(photon main.cpp)
target_link_libraries(photon PRIVATE
  Qt6::Widgets
  Boost::filesystem
  photon_core)
"""


def test_cmake_commands_declare_dependencies() -> None:
    manifest = parse_manifest("CMakeLists.txt", CMAKE)
    assert manifest.problems == ()
    assert manifest.package_name == "photon"
    names = [dep.name for dep in manifest.dependencies]
    assert names == [
        "cuda",
        "qt6",
        "opencv",
        "pkgconfig",
        "gtk+-3.0",
        "imgui",
        "qt6::widgets",
        "boost::filesystem",
    ]
    lines = {dep.name: dep.line for dep in manifest.dependencies}
    assert lines["qt6"] == 5
    assert lines["imgui"] == 11
    assert "qt5" not in names
    found = _names({"CMakeLists.txt": CMAKE})
    assert {"Qt", "OpenCV", "GTK", "Dear ImGui", "Boost", "CUDA", "CMake"} <= found


def test_enable_language_cuda_and_cu_files_are_cuda() -> None:
    cmake = b"project(k)\nenable_language(CUDA)\nfind_package(CUDAToolkit REQUIRED)\n"
    assert _deps(parse_manifest("CMakeLists.txt", cmake)) == {
        "cuda": Scope.RUNTIME,
        "cudatoolkit": Scope.RUNTIME,
    }
    assert "CUDA" in _names({}, ("kernels/gemm.cu",))


VCPKG = b"""{
  "name": "emu",
  "dependencies": [
    "fmt",
    { "name": "wxwidgets", "default-features": false },
    { "name": "vcpkg-cmake", "host": true },
    { "name": "sdl2", "platform": "!windows" }
  ],
  "features": {
    "vulkan": { "description": "Vulkan renderer", "dependencies": ["vulkan-headers"] }
  }
}"""


def test_vcpkg_ports_as_strings_objects_host_and_features() -> None:
    manifest = parse_manifest("vcpkg.json", VCPKG)
    assert manifest.package_name == "emu"
    assert _deps(manifest) == {
        "fmt": Scope.RUNTIME,
        "wxwidgets": Scope.RUNTIME,
        "vcpkg-cmake": Scope.BUILD,
        "sdl2": Scope.RUNTIME,
        "vulkan-headers": Scope.OPTIONAL,
    }
    assert {"wxWidgets", "SDL", "Vulkan", "fmt", "vcpkg"} <= _names({"vcpkg.json": VCPKG})
    assert "Qt" not in _names({"vcpkg.json": VCPKG})


def test_conanfile_txt_and_py() -> None:
    txt = b"""[requires]
boost/1.83.0
opencv/4.8.1#rev1

[tool_requires]
cmake/3.27.7

[generators]
CMakeDeps
"""
    assert _deps(parse_manifest("conanfile.txt", txt)) == {
        "boost": Scope.RUNTIME,
        "opencv": Scope.RUNTIME,
        "cmake": Scope.BUILD,
    }
    py = b"""from conan import ConanFile

class Game(ConanFile):
    name = "game"
    requires = (
        "sdl/2.28.3",
        "glew/2.2.0",
    )
    tool_requires = "ninja/1.11.1"

    def requirements(self):
        self.requires("spdlog/1.12.0")
        self.test_requires("gtest/1.14.0")
"""
    assert _deps(parse_manifest("conanfile.py", py)) == {
        "sdl": Scope.RUNTIME,
        "glew": Scope.RUNTIME,
        "ninja": Scope.BUILD,
        "spdlog": Scope.RUNTIME,
        "gtest": Scope.TEST,
    }
    assert {"SDL", "OpenGL", "GoogleTest", "Conan"} <= _names({"conanfile.py": py})


def test_meson_and_configure_ac() -> None:
    meson = b"""project('viewer', 'c', version : '0.3')
gtk = dependency('gtk4', version : '>= 4.6')
gl = dependency('gl')  # OpenGL
executable('viewer', 'main.c', dependencies : [gtk, gl])
"""
    manifest = parse_manifest("meson.build", meson)
    assert manifest.package_name == "viewer"
    assert _deps(manifest) == {"gtk4": Scope.RUNTIME, "gl": Scope.RUNTIME}
    assert {"GTK", "OpenGL", "Meson"} <= _names({"meson.build": meson})
    autoconf = b"""AC_INIT([gedit-lite], [1.0])
PKG_CHECK_MODULES([DEPS], [gtk+-3.0 >= 3.20 glib-2.0])
"""
    manifest = parse_manifest("configure.ac", autoconf)
    assert manifest.package_name == "gedit-lite"
    assert _deps(manifest) == {"gtk+-3.0": Scope.RUNTIME, "glib-2.0": Scope.RUNTIME}


def test_a_project_named_like_a_framework_is_that_framework() -> None:
    cmake = b"cmake_minimum_required(VERSION 3.14)\nproject(ggml C CXX)\n"
    found = {fw.name: fw for fw in detect(["CMakeLists.txt"], {"CMakeLists.txt": cmake}).frameworks}
    assert found["ggml"].is_self
