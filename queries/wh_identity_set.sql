-- wh_identity_set: mark the file as an oversight warehouse (the header's
-- application id, 0x4f565354 "OVST"; core/whid.h).
PRAGMA application_id = 1331057492;
