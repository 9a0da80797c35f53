-- activity_current: the value held for one agency, quarter and measure.
SELECT value FROM activity
WHERE partnership = :partnership AND agency = :agency AND quarter = :quarter
	AND measure = :measure;
