"""Kotlin, Android and Java builds with Gradle: both DSLs, version catalogs, settings."""

from __future__ import annotations

from tui.analysis.frameworks import detect
from tui.analysis.manifests import Manifest, parse_manifest
from tui.analysis.report import Scope


def _deps(manifest: Manifest) -> dict[str, Scope]:
    return {dep.name: dep.scope for dep in manifest.dependencies}


CATALOG = b"""[versions]
agp = "8.5.0"
kotlin = "2.0.0"
composeBom = "2024.06.00"
ktor = "2.3.12"

[libraries]
androidx-compose-bom = { group = "androidx.compose", name = "compose-bom", version = "2024.06.00" }
androidx-compose-material3 = { module = "androidx.compose.material3:material3" }
ktor-client-okhttp = { module = "io.ktor:ktor-client-okhttp", version.ref = "ktor" }
retrofit = "com.squareup.retrofit2:retrofit:2.11.0"
junit = { group = "junit", name = "junit", version = "4.13.2" }
androidx-test-espresso = { module = "androidx.test.espresso:espresso-core", version = "3.6.1" }

[bundles]
compose = ["androidx-compose-material3"]

[plugins]
android-application = { id = "com.android.application", version.ref = "agp" }
kotlin-compose = { id = "org.jetbrains.kotlin.plugin.compose", version.ref = "kotlin" }
detekt = "io.gitlab.arturbosch.detekt:1.23.6"
"""

APP_KTS = b"""plugins {
    alias(libs.plugins.android.application)
    alias(libs.plugins.kotlin.compose)
    kotlin("android")
}

dependencies {
    implementation(platform(libs.androidx.compose.bom))
    implementation(libs.androidx.compose.material3)
    implementation("io.coil-kt:coil-compose:2.6.0")
    testImplementation(libs.junit)
    kapt("com.google.dagger:hilt-compiler:2.51")
}
"""

GROOVY = b"""plugins {
    id 'java'
    id 'org.springframework.boot' version '3.3.1'
    id 'io.spring.dependency-management' version '1.1.5'
}

repositories {
    mavenCentral()   // a repository, not a Maven build
}

dependencies {
    implementation 'org.springframework.boot:spring-boot-starter-web'
    implementation group: 'org.springframework.boot', name: 'spring-boot-starter-actuator'
    runtimeOnly 'org.postgresql:postgresql'
    testImplementation 'org.springframework.boot:spring-boot-starter-test'
}
"""


def test_version_catalog_libraries_and_plugins() -> None:
    manifest = parse_manifest("gradle/libs.versions.toml", CATALOG)
    assert manifest.problems == ()
    assert _deps(manifest) == {
        "androidx.compose:compose-bom": Scope.RUNTIME,
        "androidx.compose.material3:material3": Scope.RUNTIME,
        "io.ktor:ktor-client-okhttp": Scope.RUNTIME,
        "com.squareup.retrofit2:retrofit": Scope.RUNTIME,
        "junit:junit": Scope.TEST,
        "androidx.test.espresso:espresso-core": Scope.TEST,
        "com.android.application": Scope.RUNTIME,
        "org.jetbrains.kotlin.plugin.compose": Scope.RUNTIME,
        "io.gitlab.arturbosch.detekt": Scope.RUNTIME,
    }
    lines = {dep.name: dep.line for dep in manifest.dependencies}
    assert lines["com.android.application"] == 19


def test_android_compose_app_from_catalog_and_kotlin_dsl() -> None:
    files = {"gradle/libs.versions.toml": CATALOG, "app/build.gradle.kts": APP_KTS}
    found = {fw.name: fw for fw in detect(list(files), files).frameworks}
    assert {"Android", "Jetpack Compose", "Ktor", "Gradle"} <= set(found)
    assert found["Android"].evidence[0].path == "gradle/libs.versions.toml"
    script = _deps(parse_manifest("app/build.gradle.kts", APP_KTS))
    assert script == {
        "org.jetbrains.kotlin.android": Scope.RUNTIME,
        "io.coil-kt:coil-compose": Scope.RUNTIME,
        "com.google.dagger:hilt-compiler": Scope.BUILD,
    }


def test_groovy_dsl_string_and_map_notation() -> None:
    manifest = parse_manifest("build.gradle", GROOVY)
    assert _deps(manifest) == {
        "java": Scope.RUNTIME,
        "org.springframework.boot": Scope.RUNTIME,
        "io.spring.dependency-management": Scope.RUNTIME,
        "org.springframework.boot:spring-boot-starter-web": Scope.RUNTIME,
        "org.springframework.boot:spring-boot-starter-actuator": Scope.RUNTIME,
        "org.postgresql:postgresql": Scope.RUNTIME,
        "org.springframework.boot:spring-boot-starter-test": Scope.TEST,
    }
    names = {fw.name for fw in detect(["build.gradle"], {"build.gradle": GROOVY}).frameworks}
    assert "Spring Boot" in names
    assert "Maven" not in names


def test_settings_include_names_the_modules() -> None:
    kts = b"""pluginManagement { includeBuild("build-logic") }
rootProject.name = "shop"
include(":app", ":core:data")
include(":feature:cart")
"""
    groovy = b"include ':app', ':lib'\n"
    assert parse_manifest("settings.gradle.kts", kts).includes == (
        "build-logic",
        "app",
        "core/data",
        "feature/cart",
    )
    assert parse_manifest("settings.gradle", groovy).includes == ("app", "lib")


def test_micronaut_and_quarkus_plugins() -> None:
    micronaut = b'plugins {\n    id("io.micronaut.application") version "4.4.0"\n}\n'
    quarkus = b"plugins {\n    id 'io.quarkus'\n}\n"
    assert "Micronaut" in {fw.name for fw in detect([], {"build.gradle.kts": micronaut}).frameworks}
    assert "Quarkus" in {fw.name for fw in detect([], {"build.gradle": quarkus}).frameworks}
