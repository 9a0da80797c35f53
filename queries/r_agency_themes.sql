-- r_agency_themes: what agency :agency's disagreements were about: escalations
-- it raised and it received in the period (raised_on in [:from, :end]) by theme.
SELECT theme, sum(raised_by = :agency), sum(raised_with = :agency) FROM escalation
WHERE partnership = :partnership AND raised_on BETWEEN :from AND :end AND (raised_by = :agency OR raised_with = :agency)
GROUP BY theme ORDER BY count(*) DESC, theme;
