#!/bin/sh
# run.sh: every benchmark in bench/, each side by side with its peer.
# Peers are installed by the scripts themselves (npm into bench/node_modules,
# Debian packages with apt-get), never by `make deps`.
set -eu
cd "$(dirname "$0")"
echo "== record layer"
./record-layer.sh
for b in news-*.sh; do
	[ -x "$b" ] || continue
	echo "== ${b%.sh}"
	"./$b"
done
