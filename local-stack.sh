#!/usr/bin/env bash
# Builds the local stack and what it needs (tests skipped), then runs it in the foreground; Ctrl-C stops it.
# Arguments go to the stack: ./local-stack.sh --help lists them. Data and logs land in ./var unless --var-dir says otherwise.
set -euo pipefail
cd "$(dirname "$0")"

./mvnw -q -B -DskipTests install -pl platform/local-stack -am

jars=(platform/local-stack/target/vigie-local-stack-*-exec.jar)
# exec, so that Ctrl-C reaches the JVM and its shutdown hook stops every component in order.
exec java ${JAVA_OPTS:-} -jar "${jars[0]}" "$@"
