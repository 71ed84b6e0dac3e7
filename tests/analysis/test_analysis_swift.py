"""Swift: Package.swift variants, Cartfile, Podfile, Xcode markers and imports of Apple SDKs."""

from __future__ import annotations

from tui.analysis.frameworks import detect
from tui.analysis.imports import sample_imports
from tui.analysis.manifests import parse_manifest
from tui.analysis.report import Scope

SERVER = b"""// swift-tools-version:5.9
import PackageDescription

let package = Package(
  name: "TodoServer",
  platforms: [.macOS(.v13)],
  dependencies: [
    .package(url: "https://github.com/vapor/vapor.git", from: "4.89.0"),
    .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.8.0"),
    .package(
      url: "git@github.com:apple/swift-nio.git",
      .upToNextMajor(from: "2.62.0")
    ),
    .package(id: "mona.LinkedList", from: "0.1.0"),
    .package(path: "../Shared"),
  ],
  targets: [
    .executableTarget(name: "App", dependencies: [.product(name: "Vapor", package: "vapor")]),
  ]
)
"""

APP = b"""// swift-tools-version: 5.10
import PackageDescription

let package = Package(
  name: "Recipes",
  dependencies: [
    .package(url: "https://github.com/pointfreeco/swift-composable-architecture", from: "1.10.0"),
    .package(name: "Alamofire", url: "https://github.com/Alamofire/Alamofire", from: "5.9.0"),
  ]
)
"""


def test_package_swift_names_packages_by_repository() -> None:
    manifest = parse_manifest("Package.swift", SERVER)
    assert manifest.problems == ()
    assert manifest.package_name == "TodoServer"
    assert [dep.name for dep in manifest.dependencies] == [
        "vapor/vapor",
        "vapor/fluent-postgres-driver",
        "apple/swift-nio",
        "mona.linkedlist",
    ]
    assert manifest.dependencies[0].line == 8
    assert manifest.dependencies[2].line == 10
    names = {fw.name for fw in detect(["Package.swift"], {"Package.swift": SERVER}).frameworks}
    assert {"Vapor", "SwiftNIO"} <= names


def test_a_vapor_sibling_package_is_not_vapor() -> None:
    data = b"""let package = Package(name: "x", dependencies: [
  .package(url: "https://github.com/vapor/postgres-kit", exact: "2.2.0"),
])"""
    names = {fw.name for fw in detect([], {"Package.swift": data}).frameworks}
    assert "Vapor" not in names


def test_app_package_with_name_argument() -> None:
    names = {fw.name for fw in detect([], {"Package.swift": APP}).frameworks}
    assert {"The Composable Architecture", "Alamofire"} <= names


def test_cartfile_and_podfile() -> None:
    cartfile = b"""github "Alamofire/Alamofire" ~> 5.0
git "https://github.com/ReactiveX/RxSwift.git" "6.5.0"
binary "https://example.com/sdk.json" ~> 1.0
"""
    manifest = parse_manifest("Cartfile", cartfile)
    assert [dep.name for dep in manifest.dependencies] == [
        "alamofire/alamofire",
        "reactivex/rxswift",
    ]
    podfile = b"""platform :ios, '15.0'
target 'Shop' do
  use_frameworks!
  pod 'Alamofire', '~> 5.8'
  pod 'Firebase/Analytics'
  target 'ShopTests' do
    pod 'Quick'
  end
end
"""
    manifest = parse_manifest("Podfile", podfile)
    assert {dep.name: dep.scope for dep in manifest.dependencies} == {
        "alamofire": Scope.RUNTIME,
        "firebase": Scope.RUNTIME,
        "quick": Scope.TEST,
    }


def test_swift_imports_reveal_apple_frameworks() -> None:
    source = b"""@testable import Core
@preconcurrency import UIKit
import struct Foundation.URL
import SwiftUI

struct ContentView: View {}
"""
    assert [item.module for item in sample_imports("App/ContentView.swift", source)] == [
        "Core",
        "UIKit",
        "Foundation",
        "SwiftUI",
    ]
    paths = ["Recipes.xcodeproj/project.pbxproj", "App/ContentView.swift"]
    found = {fw.name for fw in detect(paths, {"App/ContentView.swift": source}).frameworks}
    assert {"SwiftUI", "UIKit", "Xcode"} <= found
