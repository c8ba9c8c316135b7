# news-tag: countries (iso-codes), cities (libgeonames) and the English word
# list (wamerican) become C tables at build time, so nothing is read at run
# time and the program itself links neither GLib nor libgeonames.
ISO_3166_JSON ?= /usr/share/iso-codes/json/iso_3166-1.json
TAG_WORDLIST ?= /usr/share/dict/american-english

news-tag_GEN_OBJS := $(BUILD)/news-tag/tag_tables.o

$(BUILD)/tools/tag_gen: src/news-tag/gen/tag_gen.c
	@mkdir -p $(@D)
	$(CC) -O2 $(call pkg_cflags,geonames jansson) -o $@ $< $(call pkg_libs,geonames jansson)

$(BUILD)/news-tag/tag_tables.c: $(BUILD)/tools/tag_gen $(ISO_3166_JSON) $(TAG_WORDLIST)
	@mkdir -p $(@D)
	$(BUILD)/tools/tag_gen $(ISO_3166_JSON) $(TAG_WORDLIST) > $@.tmp && mv $@.tmp $@
