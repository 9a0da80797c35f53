/*
 * load.h - what `oversight load` does with each file.
 *
 * load_open() opens the warehouse for loading: the pseudonym key must be
 * the warehouse's (else reconciliation would break), the connection gets
 * a bounded page cache and on-disk temporary tables, and the protocol
 * model is read (and an agency profile checked against it).  load_file()
 * then loads one file in one transaction through its shape (canonical,
 * activity, or the profile pf), printing its counts.
 *
 * Both return an exit code (msg.h): EXIT_OK, EXIT_DATA or EXIT_ENV, after
 * printing any error.  On failure load_open() leaves nothing open.
 */
#ifndef OVERSIGHT_LOAD_H
#define OVERSIGHT_LOAD_H

#include "core/wh.h"
#include "model/proto.h"
#include "model/pseudo.h"
#include "profile.h"
#include "shape.h"

int load_open(struct wh **w, unsigned char key[PSEUDO_KEY_BYTES], struct ref *r,
	      const struct profile *pf);

int load_file(struct wh *w, const struct ref *r, const unsigned char *key, const char *file,
	      const char *profile, const struct profile *pf, const struct shape_opts *o,
	      int json, int quiet);

#endif
