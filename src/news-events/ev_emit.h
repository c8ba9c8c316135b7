/* ev_emit.h: writing event records. */
#ifndef EV_EMIT_H
#define EV_EMIT_H

#include "events.h"
#include "news_record.h"
#include "news_run.h"

typedef struct ev_emit_opts {
	bool plover;            /* add "plover" */
	bool locations;         /* look places up in libgeonames */
} ev_emit_opts;

/* Write one record per event of r; base is the "DOC:SENT" part of the ids. */
void ev_emit(news_ctx *ctx, news_record *rec, const ev_sent *s,
    const ev_result *r, const char *base, size_t base_len,
    const ev_emit_opts *o);

#endif
