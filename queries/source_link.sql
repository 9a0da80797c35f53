-- source_link: a current source row belongs to an escalation.
UPDATE source_row SET escalation_id = :escalation_id WHERE id = :id;
