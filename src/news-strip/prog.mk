# news-strip: libexttextcat for the language, libxml2 for HTML pages; iconv
# is in libc, zlib (gzip, WARC) comes with the common library.
news-strip_PKGS := libexttextcat libxml-2.0
