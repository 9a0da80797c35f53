/*
 * refdata.h - reference data from JSON files into the warehouse: now
 * model/refdata.h (include that instead).
 */
#ifndef OVERSIGHT_ETL_REFDATA_H
#define OVERSIGHT_ETL_REFDATA_H

#include "model/refdata.h"

#endif
