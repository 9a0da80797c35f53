-- r_pairs: escalations raised in the period (:from..:end) about theme
-- :theme, by the pair of agencies (raised by, raised with; named as the
-- partnership names them), most first.
SELECT COALESCE(b.name, e.raised_by), COALESCE(w.name, e.raised_with), count(*)
FROM escalation e
LEFT JOIN agency b ON b.partnership = e.partnership AND b.id = e.raised_by
LEFT JOIN agency w ON w.partnership = e.partnership AND w.id = e.raised_with
WHERE e.partnership = :partnership AND e.theme = :theme AND e.raised_on BETWEEN :from AND :end
GROUP BY e.raised_by, e.raised_with ORDER BY 3 DESC, e.raised_by, e.raised_with;
