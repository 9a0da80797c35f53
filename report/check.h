/*
 * check.h - the integrity and data-quality checks of the warehouse.
 */
#ifndef OVERSIGHT_CHECK_H
#define OVERSIGHT_CHECK_H

#include "core/msg.h"

/*
 * Run every check on the warehouse at path, in order (the file, its
 * schema, then the data it holds), printing "ok <check>" or "FAIL <check>:
 * <summary>" and up to 20 indented lines, or with json one JSON list.
 * The reconciliation conflicts are findings about the agencies' data, not
 * about the warehouse: they print as "note conflicts: ..." and never fail.
 * Returns ERR_DATA when a check failed, ERR_ENV when the warehouse cannot
 * be opened or read.
 */
enum err check_run(const char *warehouse, int json);

#endif
