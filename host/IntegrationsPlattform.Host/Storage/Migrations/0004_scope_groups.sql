-- Grants for groups a module declares (a council, a provider organisation): the scope kind 'Groups' and the granted
-- group ids, comma-separated like the municipalities. SQLite cannot widen a CHECK constraint, so the table is rebuilt;
-- no other table references it.
CREATE TABLE role_permissions_new (
    role_id TEXT NOT NULL REFERENCES roles(id) ON DELETE CASCADE,
    permission TEXT NOT NULL,
    scope_kind TEXT NOT NULL DEFAULT 'All' CHECK (scope_kind IN ('All', 'Municipalities', 'OwnRecords', 'Groups')),
    scope_municipalities TEXT NOT NULL DEFAULT '',
    scope_groups TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (role_id, permission)
);

INSERT INTO role_permissions_new (role_id, permission, scope_kind, scope_municipalities)
SELECT role_id, permission, scope_kind, scope_municipalities FROM role_permissions;

DROP TABLE role_permissions;

ALTER TABLE role_permissions_new RENAME TO role_permissions;
