-- ref_agencies: a partnership's agencies, in its definition's order.
SELECT id, name FROM agency WHERE partnership = :partnership ORDER BY ord;
