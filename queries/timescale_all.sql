-- timescale_all: the timescale of every timed stage of every partnership
-- (the protocol's, or a local target where it sets none).
SELECT partnership, stage, kind, days FROM timescale;
