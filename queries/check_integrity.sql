-- check_integrity: SQLite's own check of the warehouse file (b-trees,
-- indexes, NOT NULL and CHECK constraints).  One row per problem it
-- reports; none when the file is sound (the pragma then says 'ok').
SELECT integrity_check FROM pragma_integrity_check WHERE integrity_check <> 'ok';
