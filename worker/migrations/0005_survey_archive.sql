-- A survey the team is done with: archived surveys are closed and hidden from the sidebar's list;
-- their answers stay and still sync. NULL: not archived.
ALTER TABLE surveys ADD COLUMN archived_at TEXT;
