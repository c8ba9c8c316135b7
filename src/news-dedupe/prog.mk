# news-dedupe keeps its --state in LMDB (Debian liblmdb-dev, in tools/deps.sh).
news-dedupe_PKGS := lmdb
