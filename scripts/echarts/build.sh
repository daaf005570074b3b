#!/bin/sh
# Rebuild src/ctip/dashboard/static/dashboard/vendor/echarts/echarts.ctip.min.js: Apache ECharts with
# only what the dashboards draw (bar, line, map and Sankey charts; grid, tooltip and visual-map
# components; the canvas renderer). Needs node and npm; run once when updating ECharts.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
cp "$here/package.json" "$here/entry.js" "$here/rollup.config.mjs" "$work/"
cd "$work"
npm install --no-audit --no-fund
npx rollup -c
cp echarts.ctip.min.js "$here/../../src/ctip/dashboard/static/dashboard/vendor/echarts/echarts.ctip.min.js"
cp node_modules/echarts/LICENSE "$here/../../src/ctip/dashboard/static/dashboard/vendor/echarts/LICENSE"
cp node_modules/zrender/LICENSE "$here/../../src/ctip/dashboard/static/dashboard/vendor/echarts/LICENSE-zrender"
echo "built $(wc -c < echarts.ctip.min.js) bytes"
