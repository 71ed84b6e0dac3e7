"""The headline's order does not depend on what was read: a listing's marker files corroborate
(and lift confidence) but never reorder the frameworks named (``verdict.rank_key``)."""

from __future__ import annotations

from tests.analysis.test_analysis_js_apps import _named


def test_an_android_compose_app_reads_the_same_with_its_manifests_listed() -> None:
    # the listing adds AndroidManifest.xml files, which lift Android's confidence only
    catalog = b"""[versions]
agp = "8.5.0"
compose-bom = "2024.06.00"

[libraries]
androidx-compose-bom = { module = "androidx.compose:compose-bom", version.ref = "compose-bom" }
androidx-compose-material3 = { group = "androidx.compose.material3", name = "material3" }
androidx-compose-ui = { group = "androidx.compose.ui", name = "ui" }
android-gradlePlugin = { group = "com.android.tools.build", name = "gradle", version.ref = "agp" }
"""
    files = {"gradle/libs.versions.toml": catalog}
    listed = ("app/src/main/AndroidManifest.xml", "core/src/main/AndroidManifest.xml")
    assert _named(files) == ["Android", "Jetpack Compose"]  # Compose is built on Android
    assert _named(files, listed) == _named(files)
