#!/usr/bin/env bash
# Checks the deployment files without a Docker engine or a cluster: the compose file parses and every reference in
# it resolves, each kustomize overlay builds, dashboards are valid JSON, alert rules load. CI runs it after the
# tests; a tool that is missing is an error when VIGIE_REQUIRE_DEPLOY_TOOLS=true (CI), a warning otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."

missing() {
  if [[ "${VIGIE_REQUIRE_DEPLOY_TOOLS:-false}" == "true" ]]; then
    echo "deploy: $1 is not installed" >&2
    exit 1
  fi
  echo "deploy: skipping the $2 check, $1 is not installed" >&2
}

if command -v docker-compose > /dev/null; then
  docker-compose --env-file deploy/compose/example.env config -q
  echo "deploy: docker-compose.yml is valid"
else
  missing docker-compose "compose"
fi

if command -v kubectl > /dev/null; then
  for overlay in deploy/k8s/overlays/*/; do
    kubectl kustomize "$overlay" > /dev/null
    echo "deploy: kustomize overlay $(basename "$overlay") builds"
  done
else
  missing kubectl "kustomize"
fi

for dashboard in deploy/grafana/dashboards/*.json; do
  python3 -m json.tool "$dashboard" > /dev/null
done
echo "deploy: Grafana dashboards are valid JSON"

# promtool comes with the Prometheus server package, which CI does not install: checked where it is present.
if command -v promtool > /dev/null; then
  promtool check rules deploy/prometheus/alerts.yml
else
  echo "deploy: skipping the Prometheus rules check, promtool is not installed" >&2
fi
