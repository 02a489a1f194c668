#!/usr/bin/env bash
# Builds the local stack and what it needs (tests skipped), then runs it in the foreground; Ctrl-C stops it.
# Arguments go to the stack: ./local-stack.sh --help lists them. Data and logs land in ./var unless --var-dir says otherwise.
set -euo pipefail
cd "$(dirname "$0")"

./mvnw -q -B -DskipTests install -pl local-stack -am

jars=(local-stack/target/vigie-local-stack-*-exec.jar)
# exec, so that Ctrl-C reaches the JVM and its shutdown hook stops every component in order.
# The parallel collector unless JAVA_OPTS says otherwise: with the broker and five services in one JVM on a small
# machine, G1's pauses reached 100-400 ms under load where the parallel collector's took 15-35 ms (system-tests README).
exec java ${JAVA_OPTS:--XX:+UseParallelGC} -jar "${jars[0]}" "$@"
