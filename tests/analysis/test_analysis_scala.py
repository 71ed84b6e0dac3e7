"""Scala builds with sbt: build.sbt, project/plugins.sbt and project/*.scala dependency lists."""

from __future__ import annotations

from tui.analysis.frameworks import detect
from tui.analysis.manifests import parse_manifest
from tui.analysis.report import Scope

BUILD = b"""ThisBuild / scalaVersion := "3.3.3"

lazy val root = (project in file("."))
  .settings(
    name := "orders",
    libraryDependencies ++= Seq(
      "org.http4s"    %% "http4s-ember-server" % "0.23.27",
      "org.typelevel" %% "cats-effect"         % "3.5.4",
      "dev.zio"       %% "zio"                 % "2.1.1", // effect system
      "org.scalameta" %% "munit"               % "1.0.0" % Test,
      "org.apache.spark" %% "spark-sql"        % "3.5.1" % "provided"
    )
  )
"""

DEPENDENCIES = b"""import sbt._

object Dependencies {
  def http4s(artifact: String): ModuleID = "org.http4s" %% s"http4s-$artifact" % "0.23.27"
  val akkaHttp = "com.typesafe.akka" %% "akka-http" % "10.5.3"
}
"""


def test_build_sbt_module_ids_and_test_scope() -> None:
    manifest = parse_manifest("build.sbt", BUILD)
    assert {dep.name: dep.scope for dep in manifest.dependencies} == {
        "org.http4s:http4s-ember-server": Scope.RUNTIME,
        "org.typelevel:cats-effect": Scope.RUNTIME,
        "dev.zio:zio": Scope.RUNTIME,
        "org.scalameta:munit": Scope.TEST,
        "org.apache.spark:spark-sql": Scope.BUILD,
    }
    assert manifest.dependencies[0].line == 7
    names = {fw.name for fw in detect(["build.sbt"], {"build.sbt": BUILD}).frameworks}
    assert {"http4s", "Cats Effect", "ZIO", "Apache Spark", "sbt"} <= names


def test_plugins_and_project_scala_files() -> None:
    plugins = b"""addSbtPlugin("com.typesafe.play" % "sbt-plugin" % "2.9.3")
addSbtPlugin("org.scalameta" % "sbt-scalafmt" % "2.5.2")
"""
    files = {"project/plugins.sbt": plugins, "project/Dependencies.scala": DEPENDENCIES}
    found = {fw.name for fw in detect(list(files), files).frameworks}
    assert {"Play Framework", "http4s", "Akka"} <= found
    helper = parse_manifest("project/Dependencies.scala", DEPENDENCIES).dependencies[0]
    assert helper.name == "org.http4s:http4s-$artifact"
