-- r_learning: learning identified: escalations closed in the period
-- (:from..:end) with learning = y, grouped by their learning label (labels are
-- only ever shown as grouped counts, never beside a case).
SELECT COALESCE(NULLIF(trim(learning_theme), ''), '(no label)'), count(*)
FROM escalation
WHERE partnership = :partnership AND learning = 1 AND status <> 'open' AND closed_on BETWEEN :from AND :end
GROUP BY 1 ORDER BY 2 DESC, 1;
