-- agency_insert: one agency of a partnership's definition, in its order.
INSERT INTO agency(partnership, id, name, ord) VALUES (:partnership, :id, :name, :ord);
