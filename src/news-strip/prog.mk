# news-strip: libexttextcat for the language; iconv is in libc.
news-strip_PKGS := libexttextcat
