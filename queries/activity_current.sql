-- activity_current: the value held for one agency, quarter and measure.
SELECT value FROM activity
WHERE partnership = ?1 AND agency = ?2 AND quarter = ?3 AND measure = ?4;
