-- ref_themes: the themes, in protocols/themes.json's order.
SELECT id FROM theme ORDER BY ord;
