/* dedupe_state.h: the seen-set kept across runs in an LMDB file (--state).
 *
 * Checks and inserts happen inside one LMDB write transaction, and LMDB
 * lets one process write at a time, so when runs overlap each key is new
 * to exactly one of them.  Transactions are batched for speed: a batch is
 * committed after DSTATE_BATCH records, after DSTATE_BATCH_MS, when the
 * input has nothing more ready, and at the end (also after SIGTERM or
 * SIGINT).  The caller writes a batch's output before committing it, so a
 * process killed in between leaves records that went out but are not
 * remembered (a later run passes them again), never records that are
 * remembered but were lost. */
#ifndef DEDUPE_STATE_H
#define DEDUPE_STATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "near.h"
#include "news_buf.h"
#include "news_hash.h"

#define DSTATE_BATCH 1000
#define DSTATE_BATCH_MS 250
#define DSTATE_NEAR_K 12        /* sample values kept per document */

typedef struct dstate dstate;

/* Open or create the state file.  config names what the keys are made of
 * ("exact url", "near text"); a file made with another config is refused
 * (exit 2).  ttl_days > 0 expires entries that many days after they were
 * written.  Other errors exit 3. */
dstate *dstate_open(const char *path, const char *config, double ttl_days);
/* Commit what is pending and close. */
void dstate_close(dstate *s);

/* Make sure a write transaction is open (this waits while another process
 * holds the write lock).  Returns true when one was begun. */
bool dstate_begin(dstate *s);
/* Whether a transaction is open; whether it is due for a commit (by its
 * records, DSTATE_BATCH, or its age, DSTATE_BATCH_MS). */
bool dstate_active(const dstate *s);
bool dstate_batch_due(const dstate *s);
void dstate_commit(dstate *s);

/* Exact keys: true when key was new (now inserted with id); false when it
 * was seen, with the first record's id (raw JSON) in *first. */
bool dstate_check_insert(dstate *s, news_hash128 key, const char *id,
    size_t id_len, news_buf *first);

/* Whether key is remembered (and not expired), without inserting it. */
bool dstate_seen(dstate *s, news_hash128 key);

/* Near-duplicate documents: a log of the first document of each group.
 * Once attached, every transaction begins by calling fn for each entry
 * other processes wrote since (and the first for all entries that have
 * not expired), oldest first, so the caller's index is current. */
typedef void (*dstate_near_fn)(void *user, const near_sample *smp,
    const char *id, size_t id_len);
void dstate_near_attach(dstate *s, dstate_near_fn fn, void *user);
void dstate_near_append(dstate *s, const near_sample *smp, const char *id,
    size_t id_len);

#endif
