-- r_agency_themes: what agency ?6's disagreements were about: escalations
-- it raised and it received in the period (raised_on in [?2, ?5]) by theme.
SELECT theme, sum(raised_by = ?6), sum(raised_with = ?6) FROM escalation
WHERE partnership = ?1 AND raised_on BETWEEN ?2 AND ?5 AND (raised_by = ?6 OR raised_with = ?6)
GROUP BY theme ORDER BY count(*) DESC, theme;
