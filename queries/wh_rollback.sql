-- wh_rollback: end the write transaction, dropping its changes.
ROLLBACK;
