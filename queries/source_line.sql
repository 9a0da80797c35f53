-- source_line: the line of its file a stored source row came from.
SELECT line FROM source_row WHERE id = :id;
