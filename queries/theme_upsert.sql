-- theme_upsert: one theme of protocols/themes.json, in its order.
INSERT INTO theme(id, description, ord) VALUES (:id, :description, :ord)
ON CONFLICT(id) DO UPDATE SET description = excluded.description, ord = excluded.ord;
