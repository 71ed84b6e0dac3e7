"""Platforms under frameworks, and platform SDK frameworks that only imports can show.

Two rules expressed as data (``platforms`` and ``sdk`` in ``tui/data/frameworks``): a framework
that runs on a platform (Flutter on Android and iOS) is named without that platform or the
platform's own toolkits (UIKit); and an ecosystem whose manifests cannot name its platform's SDK
frameworks (``Package.swift`` never says SwiftUI) has its sources sampled even beside a primary
framework. Each repository below is small but shaped like a real one.
"""

from __future__ import annotations

from tui.analysis.frameworks import Detection, detect, manifests_to_fetch, sources_to_sample
from tui.analysis.report import LanguageShare, RepoInfo, RepoReport
from tui.analysis.root import names_primary
from tui.analysis.rules import load_rules, sdk_ecosystems
from tui.analysis.verdict import decide
from tui.present.verdict import verdict_text

SWIFT = (LanguageShare("Swift", 9500, 95.0, "#F05138"), LanguageShare("Shell", 500, 5.0, None))

TCA_PACKAGE = """// swift-tools-version: 5.9
import PackageDescription

let package = Package(
  name: "Recipes",
  platforms: [.iOS(.v16), .macOS(.v13)],
  products: [.library(name: "AppFeature", targets: ["AppFeature"])],
  dependencies: [
    .package(url: "https://github.com/pointfreeco/swift-composable-architecture", from: "1.12.0"),
    .package(url: "https://github.com/pointfreeco/swift-snapshot-testing", from: "1.16.0"),
  ],
  targets: [
    .target(
      name: "AppFeature",
      dependencies: [
        .product(name: "ComposableArchitecture", package: "swift-composable-architecture")
      ]
    ),
    .testTarget(name: "AppFeatureTests", dependencies: ["AppFeature"]),
  ]
)
"""

APP_VIEW = """import ComposableArchitecture
import SwiftUI

public struct AppView: View {
  let store: StoreOf<AppReducer>

  public var body: some View {
    NavigationStack { RecipeListView(store: store.scope(state: \\.list, action: \\.list)) }
  }
}
"""

APP_MAIN = """import AppFeature
import ComposableArchitecture
import SwiftUI

@main
struct RecipesApp: App {
  var body: some Scene {
    WindowGroup { AppView(store: Store(initialState: .init()) { AppReducer() }) }
  }
}
"""

HAPTICS = """#if canImport(UIKit)
import UIKit
#endif
import Dependencies

struct HapticsClient { var tap: () -> Void }
"""

VAPOR_PACKAGE = """// swift-tools-version:5.9
import PackageDescription

let package = Package(
  name: "TodoServer",
  platforms: [.macOS(.v13)],
  dependencies: [.package(url: "https://github.com/vapor/vapor.git", from: "4.92.0")],
  targets: [
    .executableTarget(name: "App", dependencies: [.product(name: "Vapor", package: "vapor")])
  ]
)
"""

VAPOR_MAIN = """import Vapor
import Logging

@main
enum Entrypoint {
  static func main() async throws { let app = try await Application.make(.detect()) }
}
"""


def _detect(name: str, files: dict[str, str], extra_paths: tuple[str, ...] = ()) -> Detection:
    """Detect as a source does: the chosen manifests, then sampled sources when ``silent``."""
    paths = [*files, *extra_paths]
    data = {path: text.encode() for path, text in files.items()}
    wanted = {p: data[p] for p in manifests_to_fetch(paths, repo_name=name) if p in data}
    detection = detect(paths, wanted, repo_name=name)
    if detection.silent:
        wanted |= {p: data[p] for p in sources_to_sample(paths) if p in data}
        detection = detect(paths, wanted, repo_name=name)
    return detection


def _report(name: str, detection: Detection) -> RepoReport:
    return RepoReport(RepoInfo(full_name=name), SWIFT, detection.frameworks)


def _named(report: RepoReport) -> list[str]:
    return [f.name for f in decide(report).frameworks]


SWIFT_APP = {
    "Package.swift": TCA_PACKAGE,
    "App/RecipesApp.swift": APP_MAIN,
    "Sources/AppFeature/AppView.swift": APP_VIEW,
    "Sources/HapticsClient/Client.swift": HAPTICS,
}


def test_a_swift_package_naming_a_framework_still_has_its_imports_sampled() -> None:
    manifests_only = detect(list(SWIFT_APP), {"Package.swift": TCA_PACKAGE.encode()})
    assert "The Composable Architecture" in {f.name for f in manifests_only.frameworks}
    assert manifests_only.sdk_unnamed
    assert manifests_only.silent  # a primary framework is named, yet sources are wanted
    assert not names_primary(manifests_only)  # so the root manifest is not the whole story

    report = _report("acme/recipes", _detect("acme/recipes", SWIFT_APP))
    named = _named(report)
    assert named[:2] == ["The Composable Architecture", "SwiftUI"]
    swiftui = next(f for f in decide(report).frameworks if f.name == "SwiftUI")
    assert not swiftui.weak  # no manifest can name SwiftUI: its import is the declaration
    assert swiftui.why.endswith("import SwiftUI")
    assert verdict_text(report).endswith(
        "built with The Composable Architecture, SwiftUI and UIKit."
    )


def test_sampling_beside_a_primary_framework_is_decided_by_the_rules_data() -> None:
    assert {"swiftpm", "cocoapods"} <= sdk_ecosystems(load_rules())
    assert "pypi" not in sdk_ecosystems(load_rules())  # no Python SDK toolkit is import-only
    # the same Swift rules without their ``sdk`` field: Package.swift then suffices
    plain = [rule._replace(sdk=()) for rule in load_rules()]
    assert sdk_ecosystems(plain) == frozenset()
    quiet = detect(list(SWIFT_APP), {"Package.swift": TCA_PACKAGE.encode()}, rules=plain)
    assert not quiet.silent
    assert not quiet.sdk_unnamed


def test_a_swift_server_is_sampled_but_finds_no_ui_framework() -> None:
    files = {"Package.swift": VAPOR_PACKAGE, "Sources/App/entrypoint.swift": VAPOR_MAIN}
    report = _report("acme/todo-server", _detect("acme/todo-server", files))
    assert _named(report) == ["Vapor"]


def test_a_python_repository_naming_a_framework_is_not_sampled() -> None:
    files = {"requirements.txt": "django==5.0.3\npsycopg[binary]==3.1.18\n"}
    detection = detect(list(files), {p: t.encode() for p, t in files.items()})
    assert not detection.silent
    assert not detection.sdk_unnamed
    assert names_primary(detection)


def test_a_package_swift_under_examples_does_not_ask_for_sampling() -> None:
    files = {"pyproject.toml": '[project]\nname = "shop"\ndependencies = ["fastapi"]\n'}
    files["Examples/iOSClient/Package.swift"] = TCA_PACKAGE
    detection = detect(list(files), {p: t.encode() for p, t in files.items()})
    assert not detection.sdk_unnamed
    assert not detection.silent


FLUTTER = {
    "pubspec.yaml": """name: shopper
description: A shopping list app.
publish_to: 'none'
version: 1.2.0+7
environment:
  sdk: '>=3.2.0 <4.0.0'
dependencies:
  flutter:
    sdk: flutter
  provider: ^6.1.1
dev_dependencies:
  flutter_test:
    sdk: flutter
""",
    "lib/main.dart": "import 'package:flutter/material.dart';\n\nvoid main() => runApp(App());\n",
    "android/app/build.gradle": """plugins {
    id "com.android.application"
    id "kotlin-android"
    id "dev.flutter.flutter-gradle-plugin"
}
android { namespace "com.example.shopper" }
""",
    "ios/Podfile": """platform :ios, '12.0'
target 'Runner' do
  use_frameworks!
  flutter_install_all_ios_pods File.dirname(File.realpath(__FILE__))
end
""",
    "ios/Runner/AppDelegate.swift": """import Flutter
import UIKit

@main
@objc class AppDelegate: FlutterAppDelegate {}
""",
    "macos/Runner/AppDelegate.swift": "import Cocoa\nimport FlutterMacOS\n",
}


def test_the_platforms_and_toolkits_under_flutter_are_not_second_frameworks() -> None:
    detection = _detect("acme/shopper", FLUTTER, ("android/app/src/main/AndroidManifest.xml",))
    found = {f.name for f in detection.frameworks}
    # every one is detected and listed with its evidence ...
    assert {"Flutter", "Android", "UIKit", "AppKit"} <= found
    # ... but the verdict names the framework, not the platforms it runs on
    assert _named(_report("acme/shopper", detection)) == ["Flutter"]


def test_android_under_react_native_and_under_maui_is_not_named() -> None:
    react_native = {
        "package.json": '{"name": "shop", "dependencies": {"react-native": "0.73.4"}}',
        "ios/Podfile": """platform :ios, min_ios_version_supported
prepare_react_native_project!
target 'Shop' do
  config = use_native_modules!
  use_react_native!(:path => config[:reactNativePath])
  target 'ShopTests' do
    inherit! :complete
  end
end
""",
        "ios/Shop/AppDelegate.swift": "import UIKit\nimport React\n",
    }
    detection = _detect("acme/shop", react_native, ("android/app/src/main/AndroidManifest.xml",))
    assert {"Android", "UIKit"} <= {f.name for f in detection.frameworks}
    named = _named(_report("acme/shop", detection))
    assert "React Native" in named
    assert not {"Android", "UIKit"} & set(named)

    maui = {
        "Weather/Weather.csproj": """<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFrameworks>net8.0-android;net8.0-ios;net8.0-maccatalyst</TargetFrameworks>
    <OutputType>Exe</OutputType>
    <UseMaui>true</UseMaui>
  </PropertyGroup>
</Project>
"""
    }
    detection = _detect("acme/weather", maui, ("Weather/Platforms/Android/AndroidManifest.xml",))
    assert "Android" in {f.name for f in detection.frameworks}
    assert _named(_report("acme/weather", detection)) == [".NET MAUI"]


def test_a_native_android_app_names_android_beside_its_toolkit() -> None:
    files = {
        "app/build.gradle.kts": """plugins {
    id("com.android.application")
    id("org.jetbrains.kotlin.android")
    id("org.jetbrains.kotlin.plugin.compose")
}
dependencies {
    implementation(platform("androidx.compose:compose-bom:2024.02.00"))
    implementation("androidx.compose.material3:material3")
}
""",
    }
    detection = _detect("acme/notes", files, ("app/src/main/AndroidManifest.xml",))
    assert {"Android", "Jetpack Compose"} <= set(_named(_report("acme/notes", detection)))
