-- read_end: end a read transaction (read_begin), to begin another.
COMMIT;
