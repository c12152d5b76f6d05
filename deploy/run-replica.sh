#!/bin/sh
# One replica of the dashboard for the nginx setup in deploy/nginx/: `deploy/run-replica.sh 8501`.
#
# Listens on 127.0.0.1 only (nginx is the way in) and reads the warehouse in $ROD_TRAD_DB.
# Runs the public mode unless ROD_TRAD_MODE says otherwise. $STREAMLIT names the streamlit
# program when it is not the repository's .venv/bin/streamlit. Settings given here win over
# .streamlit/config.toml.
set -eu
port="${1:?usage: deploy/run-replica.sh PORT}"
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
ROD_TRAD_MODE="${ROD_TRAD_MODE:-public}"
export ROD_TRAD_MODE
exec "${STREAMLIT:-$root/.venv/bin/streamlit}" run dashboard.py \
    --server.port="$port" \
    --server.address=127.0.0.1 \
    --server.headless=true \
    --server.runOnSave=false \
    --server.fileWatcherType=none \
    --server.enableXsrfProtection=true \
    --server.enableStaticServing=false \
    --server.enableAgentApi=false \
    --browser.gatherUsageStats=false \
    --client.showErrorDetails=none \
    --client.toolbarMode=viewer
