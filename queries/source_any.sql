-- source_any: does the warehouse hold any row of the partnership yet?
-- (When it holds none, a load's first rows can be told apart by the load
-- itself: etl/settle.c settle_first_sight().)
SELECT EXISTS (SELECT 1 FROM source_row WHERE partnership = :partnership);
