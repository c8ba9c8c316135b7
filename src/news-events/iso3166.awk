# iso3166.awk: iso-codes' ISO 3166-1 JSON -> a C table of alpha-2/alpha-3
# pairs (build time only).  Each country is one JSON object; its fields
# come on lines of their own.
BEGIN {
	print "/* generated from iso-codes' iso_3166-1.json by iso3166.awk: do not edit */"
	print "#include <stddef.h>"
	print "const char *const ev_iso3166[][2] = {"
}
/"alpha_2"/ { a2 = $0; sub(/.*"alpha_2": *"/, "", a2); sub(/".*/, "", a2) }
/"alpha_3"/ { a3 = $0; sub(/.*"alpha_3": *"/, "", a3); sub(/".*/, "", a3) }
/}/ {
	if (a2 != "" && a3 != "")
		printf "\t{ \"%s\", \"%s\" },\n", a2, a3
	a2 = ""; a3 = ""
}
END {
	print "};"
	print "const size_t ev_iso3166_count = sizeof ev_iso3166 / sizeof ev_iso3166[0];"
}
