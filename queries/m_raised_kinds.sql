-- m_raised_kinds: the escalations raised in the period (partnership
-- :partnership, raised_on in [:from, :end]): theme, subject and category,
-- one row each, read from the escalation_raised index alone (it holds
-- them).  report/metrics_kinds.c counts them by theme, by subject and by
-- category in this one pass (by_theme, by_subject, by_category), where
-- three GROUP BYs would each sort the period's rows.
SELECT theme, subject, category FROM escalation
WHERE partnership = :partnership AND raised_on BETWEEN :from AND :end;
