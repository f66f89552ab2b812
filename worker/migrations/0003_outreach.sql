-- Outreach: the never-twice ledger of emails sent from the spreadsheet, and the unsubscribed.
-- One row per (campaign, contact, occurrence): a survey invitation is occurrence "invite", its
-- reminders "reminder:1", "reminder:2", a recurring send "every:2026-12-03", a birthday "yearly:2026".
-- state: claimed (the add-on is about to send), sent, failed (may be claimed again).
CREATE TABLE outreach_sends (
  workspace_id TEXT NOT NULL REFERENCES workspaces (id),
  campaign TEXT NOT NULL,
  contact_id TEXT NOT NULL,
  occurrence TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('claimed', 'sent', 'failed')),
  claimed_at TEXT NOT NULL,
  sent_at TEXT,
  error TEXT,
  seq INTEGER NOT NULL,
  PRIMARY KEY (workspace_id, campaign, contact_id, occurrence)
);
CREATE INDEX outreach_sends_by_seq ON outreach_sends (workspace_id, campaign, seq);

-- A contact who unsubscribed is never emailed again by the workspace, whatever the campaign.
CREATE TABLE opt_outs (
  workspace_id TEXT NOT NULL REFERENCES workspaces (id),
  contact_id TEXT NOT NULL,
  at TEXT NOT NULL,
  PRIMARY KEY (workspace_id, contact_id)
);
