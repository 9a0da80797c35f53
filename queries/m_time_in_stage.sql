-- m_time_in_stage: each stage an escalation completed in the period
-- (completed_on in [:from, :end], whenever it entered it; DESIGN.md "Time
-- in stage", "Stage completion"; stage 0 included where the protocol has
-- it): the stage, the raising and receiving agencies, and the working days
-- from entering it to completing it (the days d with entered_on < d <=
-- completed_on).  Medians per stage and per agency pair are taken in C.
SELECT se.stage, e.raised_by, e.raised_with, c2.wd_le - c1.wd_le
FROM stage_event se
CROSS JOIN escalation e ON e.id = se.escalation_id
CROSS JOIN partnership p ON p.id = se.partnership
CROSS JOIN calendar c1 ON c1.jurisdiction = p.jurisdiction AND c1.day = se.entered_on
CROSS JOIN calendar c2 ON c2.jurisdiction = p.jurisdiction AND c2.day = se.completed_on
WHERE se.partnership = :partnership AND se.completed_on BETWEEN :from AND :end
ORDER BY se.stage, e.raised_by, e.raised_with;
