#!/usr/bin/env bash
# How long Thymeleaf takes to render the back-office grid's default view, alone on one thread:
# bench/RenderGrid.java reads the grid's model once from the portal's database (the embedded one
# of PORTAL_DATA_DIR, which a portal must have started), warms up WARMUP seconds, then renders for
# 3 rounds of 5 s and prints the time per page. For template work: its rounds agree within a few
# per cent, where two runs of the same page over HTTP differ by ten.
#   PORTAL_DATA_DIR (./data)  PORTAL_EMBEDDED_DB_PORT (54329)  WARMUP (30)
#   TEMPLATE (backoffice/jobs.html)
#   TEMPLATES: a directory holding templates/..., put before the portal's own: a variant to compare
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/measure.sh
jar=target/work-order-portal.jar
[ -f "$jar" ] || mvn -B -q -DskipTests package
classes=$(mktemp -d)
trap 'rm -rf "$classes"' EXIT
javac -nowarn -cp "$jar" -d "$classes" bench/RenderGrid.java
java -Xmx256m -XX:+UseSerialGC -cp "${TEMPLATES:+$TEMPLATES:}$jar:$classes" com.fieldservice.portal.backoffice.RenderGrid \
    "jdbc:postgresql://127.0.0.1:${PORTAL_EMBEDDED_DB_PORT:-54329}/portal" "${PGPASSWORD:-}" \
    "${TEMPLATE:-backoffice/jobs.html}" "${WARMUP:-30}"
