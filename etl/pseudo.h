/*
 * pseudo.h - pseudonymisation: now model/pseudo.h (include that instead).
 */
#ifndef OVERSIGHT_ETL_PSEUDO_H
#define OVERSIGHT_ETL_PSEUDO_H

#include "model/pseudo.h"

#endif
