-- wh_user_version: the warehouse's schema version (0: not initialised).
PRAGMA user_version;
