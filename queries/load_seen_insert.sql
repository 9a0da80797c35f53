-- load_seen_insert: note a held ref met at :line of the file; returns the
-- line of its first occurrence in the file.
INSERT INTO temp.load_seen(partnership, ref, line) VALUES (:partnership, :ref, :line)
ON CONFLICT (partnership, ref) DO UPDATE SET line = line RETURNING line;
