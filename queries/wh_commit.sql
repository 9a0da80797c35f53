-- wh_commit: end the write transaction, keeping its changes.
COMMIT;
