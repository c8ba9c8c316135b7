# news-events: libgeonames for places; ISO 3166 alpha-2 -> alpha-3 from
# iso-codes, turned into a C table at build time.
news-events_PKGS := geonames
news-events_GEN_OBJS := $(BUILD)/news-events/ev_iso3166.o
ISO3166_JSON ?= /usr/share/iso-codes/json/iso_3166-1.json

$(BUILD)/news-events/ev_iso3166.c: $(ISO3166_JSON) src/news-events/iso3166.awk
	@mkdir -p $(@D)
	awk -f src/news-events/iso3166.awk $(ISO3166_JSON) > $@.tmp && mv $@.tmp $@
