-- wh_data_version: a number that changes when another connection has
-- committed since this one last began to read (core/wh.c wh_read_begin()).
PRAGMA data_version;
