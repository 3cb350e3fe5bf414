#!/usr/bin/env bash
# Fetches mongo-java-server and its dependencies from Maven Central into ~/.m2 (once) and
# writes the classpath the launcher runs with. The application does the same on first use.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
mvn -q -B dependency:build-classpath -Dmdep.outputFile="$here/classpath.txt" -f "$here/pom.xml"
# The launcher runs as a single source file; compiling it here fails the build early if it no
# longer fits the fetched jars, instead of at the first test start.
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
javac -nowarn -d "$out" -cp "$(cat "$here/classpath.txt")" "$here/Launcher.java"
echo "mongo-java-server classpath ready ($(tr ':' '\n' < "$here/classpath.txt" | wc -l) jars), launcher compiles"
