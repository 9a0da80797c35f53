-- m_timescales: every timed stage of partnership :partnership (its
-- protocol's timescales, or local targets where the protocol sets none),
-- by stage: what the timed stage instances of a period are counted
-- beside (m_timed_instances.sql; DESIGN.md "Timed stage instance",
-- "Breach rate").  Under a protocol's other reading, the timescale read
-- here is that reading's (scope_readings_on.sql).
SELECT stage, source, kind, days, cite
FROM timescale
WHERE partnership = :partnership
ORDER BY stage;
