# newsflow build configuration: edit here or override on the command line.
VERSION = 0.1.0

PREFIX = /usr/local
BINDIR = $(PREFIX)/bin
MANDIR = $(PREFIX)/share/man
DESTDIR =

CC = cc
CFLAGS = -O2 -g
LDFLAGS =
PKG_CONFIG = pkg-config
