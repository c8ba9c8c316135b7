#!/bin/sh
# deps.sh: make sure the Debian packages newsflow builds and tests with are
# installed.  As root it installs what is missing (apt-get, no questions
# asked, since CI has no terminal); otherwise it prints the exact command.
#
# usage: tools/deps.sh [--print]     (--print lists the packages and exits)
set -eu

# What the programs link against and what `make check` runs.
BUILD_PKGS="gcc make pkg-config libc6-dev zlib1g-dev libpcre2-dev libutf8proc-dev
libjansson-dev libxml2-dev libxxhash-dev liblmdb-dev iso-codes libgeonames-dev
libexttextcat-dev wamerican"
TEST_PKGS="bats bats-support bats-assert parallel jq"
PKGS="$BUILD_PKGS $TEST_PKGS"

if [ "${1:-}" = "--print" ]; then
	echo $PKGS
	exit 0
fi

if ! command -v dpkg-query >/dev/null 2>&1; then
	echo "deps: not a Debian system; make sure these (or your system's equivalents) are installed:" >&2
	echo "  $(echo $PKGS)" >&2
	exit 0
fi

missing=""
for p in $PKGS; do
	status=$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)
	[ "$status" = "installed" ] || missing="$missing $p"
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
	echo "deps: installing:$missing"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -q </dev/null
	# shellcheck disable=SC2086
	apt-get install -y -q --no-install-recommends $missing </dev/null
else
	echo "deps: newsflow needs Debian packages that are not installed:" >&2
	echo "  sudo apt-get install -y$missing" >&2
	exit 1
fi
