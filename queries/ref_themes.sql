-- ref_themes: the themes, in protocols/themes.json's order, with the name
-- papers show (kept in meta by `oversight init`; the id when none).
SELECT id, COALESCE((SELECT value FROM meta WHERE key = 'theme_name:' || theme.id), id)
FROM theme ORDER BY ord;
