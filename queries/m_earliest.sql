-- m_earliest: the partnership's earliest raised_on (where its data begin;
-- the SPC series starts no earlier).
SELECT min(raised_on) FROM escalation WHERE partnership = :partnership;
