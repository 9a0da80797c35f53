/*
 * proto.h - the protocol model: what every partnership's escalation
 * protocol has in common.
 */
#ifndef OVERSIGHT_MODEL_PROTO_H
#define OVERSIGHT_MODEL_PROTO_H

/* Stages the warehouse stores: the highest protocol has five (stage1_on ..
 * stage5_on in source_row, escalation and the reports). */
#define MODEL_STAGES 5

#endif
