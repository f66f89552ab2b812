-- A workspace may hold several tokens: one per spreadsheet connected to it (the original, a copy,
-- a spreadsheet whose token was forgotten and reconnected). Reconnecting with the enrollment key
-- and the workspace id adds one; forgetting revokes only the caller's. This table decides which
-- tokens open a workspace; workspaces.token_hash keeps the first token's hash, as before.
CREATE TABLE workspace_tokens (
  token_hash TEXT PRIMARY KEY,
  workspace_id TEXT NOT NULL REFERENCES workspaces(id),
  created_at TEXT NOT NULL
);
CREATE INDEX workspace_tokens_workspace ON workspace_tokens (workspace_id);
INSERT INTO workspace_tokens (token_hash, workspace_id, created_at)
  SELECT token_hash, id, created_at FROM workspaces;
