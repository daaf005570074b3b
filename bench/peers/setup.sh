#!/usr/bin/env bash
# Create the bench-only virtualenv for ctip's disclosure peers (never runtime dependencies).
#
#   bash bench/peers/setup.sh            # -> bench/.peers/ (git-ignored)
#
# Peers: pac-synth (Microsoft's aggregate-seeded synthesiser) and smartnoise-synth (MST, with mbi /
# private-pgm) in bench/.peers/; anonymeter in bench/.peers/anonymeter/, because it pins numpy<1.27
# while smartnoise-synth 1.0.8 pulls numpy 2 (and torch, several GB). Each package is installed on its
# own so one that fails leaves the others usable; the log says which failed and why.
set -u
here="$(cd "$(dirname "$0")" && pwd)"
venv="$here/../.peers"
py="${PEERS_PYTHON:-python3.11}"
[ -x "$venv/bin/python" ] || "$py" -m venv "$venv"
"$venv/bin/pip" install -q --upgrade pip
"$venv/bin/pip" install -q numpy pandas polars pyarrow || exit 1
status=0
for pkg in pac-synth smartnoise-synth; do
  echo "== installing $pkg"
  if ! "$venv/bin/pip" install -q "$pkg"; then
    echo "!! $pkg failed to install" >&2
    status=1
  fi
done
anon="$venv/anonymeter"
[ -x "$anon/bin/python" ] || "$py" -m venv "$anon"
"$anon/bin/pip" install -q --upgrade pip
echo "== installing anonymeter"
"$anon/bin/pip" install -q anonymeter polars pyarrow || { echo "!! anonymeter failed to install" >&2; status=1; }
"$anon/bin/pip" list 2>/dev/null | grep -i -E 'anonymeter|numpy|pandas' || true
"$venv/bin/pip" list 2>/dev/null | grep -i -E 'pac-synth|smartnoise|mbi|anonymeter|numpy|pandas|torch' || true
exit $status
