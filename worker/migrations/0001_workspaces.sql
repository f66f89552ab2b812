-- One row per enrolled spreadsheet. Only a SHA-256 hash of the workspace token is kept.
CREATE TABLE workspaces (
  id TEXT PRIMARY KEY,
  name TEXT,
  token_hash TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL
);
