-- m_raised_between: the escalations of partnership :partnership raised in
-- [:from, :to] (no later than the as-of date :as_of): raised_on, raised_by,
-- raised_with, one row each, read once from the escalation_raised index.
-- metrics.c counts them by agency for three periods ending together in
-- this one pass: raised and received in the period itself (by_agency), and
-- for silent agencies (none raised this period or the one before) and
-- one-way challenge (received in the last four quarters, none raised).
SELECT raised_on, raised_by, raised_with FROM escalation
WHERE partnership = :partnership AND raised_on BETWEEN :from AND :to AND raised_on <= :as_of;
