/*
 * ref.h - the reference data in memory: now the protocol model,
 * model/proto.h (include that instead).
 */
#ifndef OVERSIGHT_REF_H
#define OVERSIGHT_REF_H

#include "model/proto.h"

#endif
