-- Issue 10: account deletion anonymises a user (e-mail replaced by a placeholder, name and password removed, status
-- DISABLED) while the financial and audit records that reference the user id stay; deleted_at records when.
ALTER TABLE users ADD COLUMN deleted_at TIMESTAMPTZ;
