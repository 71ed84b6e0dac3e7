"""Objective-C and Objective-C++ sources: ``#import <UIKit/UIKit.h>`` is an import of UIKit.

An Objective-C iOS or macOS app names its SDK frameworks nowhere but in its sources (no manifest
can: a Podfile lists pods, not UIKit), so sampled ``.m`` and ``.mm`` files are read for
``#import``/``#include`` of a framework header and for ``@import`` of a module. The files are
shaped like an Xcode template's; ``.m`` is also MATLAB's suffix, so it is sampled only where the
listing shows Objective-C (an Xcode project, an ``.mm`` file, a class's ``.h`` beside its ``.m``).
"""

from __future__ import annotations

import pytest

from tui.analysis.frameworks import detect, manifests_to_fetch, sources_to_sample
from tui.analysis.imports import sample_imports
from tui.analysis.report import Basis, RepoInfo, RepoReport
from tui.analysis.verdict import decide

APP_DELEGATE_H = b"""//
//  AppDelegate.h
//  Wallet
//

#import <UIKit/UIKit.h>

@interface AppDelegate : UIResponder <UIApplicationDelegate>
@property (strong, nonatomic) UIWindow *window;
@end
"""

APP_DELEGATE_M = b"""//
//  AppDelegate.m
//  Wallet
//

#import "AppDelegate.h"
#import "WLTRootViewController.h"
#import <Foundation/Foundation.h>
// #import <AppKit/AppKit.h>  (the macOS target has its own delegate)

@implementation AppDelegate

- (BOOL)application:(UIApplication *)application
    didFinishLaunchingWithOptions:(NSDictionary *)launchOptions {
    self.window = [[UIWindow alloc] initWithFrame:[[UIScreen mainScreen] bounds]];
    self.window.rootViewController = [[WLTRootViewController alloc] init];
    [self.window makeKeyAndVisible];
    return YES;
}

@end
"""

MAIN_M = b"""#import <UIKit/UIKit.h>
#import "AppDelegate.h"

int main(int argc, char * argv[]) {
    @autoreleasepool {
        return UIApplicationMain(argc, argv, nil, NSStringFromClass([AppDelegate class]));
    }
}
"""

ROOT_VIEW_M = b"""@import UIKit;
@import SwiftUI;
#import "WLTRootViewController.h"

@implementation WLTRootViewController
@end
"""

WALLET = {
    "Wallet.xcodeproj/project.pbxproj": b"// !$*UTF8*$!\n",
    "Wallet/AppDelegate.h": APP_DELEGATE_H,
    "Wallet/AppDelegate.m": APP_DELEGATE_M,
    "Wallet/main.m": MAIN_M,
    "Wallet/WLTRootViewController.h": b"@import UIKit;\n"
    b"@interface WLTRootViewController : UIViewController\n@end\n",
    "Wallet/WLTRootViewController.m": ROOT_VIEW_M,
    "WalletTests/WalletTests.m": b"#import <XCTest/XCTest.h>\n",
    "README.md": b"# Wallet\n",
}


def _modules(path: str, data: bytes) -> list[tuple[str, int]]:
    return [(found.module, found.line) for found in sample_imports(path, data)]


def test_framework_headers_and_modules_are_imports_local_headers_are_not() -> None:
    assert _modules("Wallet/AppDelegate.m", APP_DELEGATE_M) == [("Foundation", 8)]
    assert _modules("Wallet/main.m", MAIN_M) == [("UIKit", 1)]
    assert _modules("Wallet/WLTRootViewController.m", ROOT_VIEW_M) == [
        ("UIKit", 1),
        ("SwiftUI", 2),
    ]
    objc_plus_plus = b"""#include <Cocoa/Cocoa.h>
#include <vector>
#  import <AppKit/NSWindow.h>
@import AppKit.NSView;
#include "engine/renderer.hpp"
"""
    assert _modules("Sources/Bridge.mm", objc_plus_plus) == [
        ("Cocoa", 1),
        ("AppKit", 3),
        ("AppKit.NSView", 4),
    ]


def test_an_objective_c_ios_app_is_built_with_uikit() -> None:
    paths = sorted(WALLET)
    assert manifests_to_fetch(paths) == []
    detection = detect(paths, {}, repo_name="acme/wallet")
    assert detection.silent
    sampled = sources_to_sample(paths)
    assert {"Wallet/main.m", "Wallet/AppDelegate.m", "Wallet/WLTRootViewController.m"} <= set(
        sampled
    )
    detection = detect(paths, {p: WALLET[p] for p in sampled}, repo_name="acme/wallet")
    found = {f.name: f for f in detection.frameworks}
    assert found["UIKit"].basis is Basis.IMPORTS
    assert found["UIKit"].signals == 2  # main.m and the root view controller
    report = RepoReport(RepoInfo(full_name="acme/wallet"), frameworks=detection.frameworks)
    verdict = decide(report)
    assert [f.name for f in verdict.frameworks][:1] == ["UIKit"]
    assert not verdict.frameworks[0].weak  # an SDK framework: its import is the declaration
    assert "SwiftUI" in [f.name for f in verdict.frameworks]


def test_a_podfile_app_in_objective_c_still_has_its_sources_read() -> None:
    podfile = b"""platform :osx, '11.0'
use_frameworks!

target 'Menubar' do
  pod 'Sparkle', '~> 2.5'
end
"""
    files = {
        "Podfile": podfile,
        "Menubar/AppDelegate.h": b"#import <Cocoa/Cocoa.h>\n"
        b"@interface AppDelegate : NSObject <NSApplicationDelegate>\n@end\n",
        "Menubar/AppDelegate.m": b'#import "AppDelegate.h"\n#import <AppKit/AppKit.h>\n',
        "Menubar/main.m": b"#import <Cocoa/Cocoa.h>\n\n"
        b"int main(int argc, const char * argv[]) {\n"
        b"    return NSApplicationMain(argc, argv);\n}\n",
    }
    paths = sorted(files)
    chosen = manifests_to_fetch(paths)
    assert detect(paths, {p: files[p] for p in chosen}).sdk_unnamed
    sampled = sources_to_sample(paths)
    detection = detect(paths, {p: files[p] for p in [*chosen, *sampled]})
    report = RepoReport(RepoInfo(full_name="acme/menubar"), frameworks=detection.frameworks)
    assert [f.name for f in decide(report).frameworks] == ["AppKit"]


@pytest.mark.parametrize(
    "paths",
    [
        ["main.m", "train.m", "utils/loadData.m", "README.md"],  # MATLAB
        ["src/solver.m", "src/solver_mex.c", "train.py"],  # MATLAB with a MEX file
    ],
)
def test_matlab_files_are_not_sampled_as_objective_c(paths: list[str]) -> None:
    sampled = sources_to_sample(paths)
    assert not any(path.endswith(".m") for path in sampled)
    assert sampled == [p for p in paths if p.endswith(".py")]


@pytest.mark.parametrize(
    "paths",
    [
        ["Clock/ClockView.m", "Clock/ClockView.h"],
        ["Sources/Bridge.mm", "Sources/helpers.m"],
        ["Clock.xcodeproj/project.pbxproj", "main.m"],
    ],
)
def test_m_files_are_sampled_where_the_listing_shows_objective_c(paths: list[str]) -> None:
    sampled = sources_to_sample(paths)
    assert [p for p in paths if p.endswith((".m", ".mm"))] == [p for p in sampled if p in paths]
