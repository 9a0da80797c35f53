-- m_resolution_days: each escalation resolved in the period, with the days
-- its resolution time is counted between: the working days from raised_on
-- to closed_on (the days d with raised_on < d <= closed_on), by the
-- partnership's calendar, are counted in C (report/workdays.c, from the
-- calendar table held in memory), as is the median (mean of the middle two
-- for an even count).
SELECT raised_on, closed_on FROM escalation
WHERE partnership = :partnership AND status = 'resolved' AND closed_on BETWEEN :from AND :end;
