-- Surveys and their answers (issue 5). Times are ISO 8601 UTC text from Date.toISOString(), so
-- they compare correctly as text. JSON columns are written by the Worker after zod validation.

-- One row per survey. question / follow_up: {"en"?, "ru"?}; factors (CSI only):
-- [{"id", "label": {"en"?, "ru"?}, "weight"}]. response_count is kept by the submission's own
-- batch (worker/src/surveys/answerStore.ts) and enforces max_responses without counting rows on
-- every submission. No triggers: remote D1 splits a migration on ';' and cannot apply one.
CREATE TABLE surveys (
  id TEXT PRIMARY KEY,
  workspace_id TEXT NOT NULL REFERENCES workspaces(id),
  type TEXT NOT NULL CHECK (type IN ('nps', 'csat', 'ces', 'csi')),
  title TEXT NOT NULL,
  question TEXT NOT NULL,
  follow_up TEXT,
  factors TEXT,
  closes_at TEXT,
  closed_at TEXT,
  max_responses INTEGER,
  throttle_days INTEGER,
  anonymous INTEGER NOT NULL DEFAULT 0,
  response_count INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX surveys_by_workspace ON surveys (workspace_id, created_at);

-- One row per answer. A personal link keeps one row per (survey, contact): a second visit updates
-- it. seq is the survey's change sequence: every write that changes a row gives it
-- MAX(seq) + 1 of its survey (writes are serialised, so seqs appear in commit order), and the
-- responses API pages by seq, so paging never skips or repeats a version of an answer.
-- flags is a bit set: 1 honeypot, 2 too_fast, 4 same_ip, 8 duplicate.
-- nonce_at is the issue time (ms) of the form nonce that last wrote the row: an older form
-- arriving late (a stale retry) does not overwrite a newer answer.
CREATE TABLE responses (
  id TEXT PRIMARY KEY,
  survey_id TEXT NOT NULL REFERENCES surveys(id),
  workspace_id TEXT NOT NULL,
  contact_id TEXT,
  source TEXT NOT NULL CHECK (source IN ('personal', 'anonymous')),
  score INTEGER,
  answers TEXT,
  comment TEXT,
  language TEXT NOT NULL CHECK (language IN ('en', 'ru')),
  finished INTEGER NOT NULL DEFAULT 0,
  flags INTEGER NOT NULL DEFAULT 0,
  ip_hash TEXT,
  respondent TEXT,
  nonce_at INTEGER NOT NULL,
  seq INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
-- NULL contact ids (anonymous answers) never collide in a unique index.
CREATE UNIQUE INDEX responses_one_per_contact ON responses (survey_id, contact_id);
CREATE UNIQUE INDEX responses_by_seq ON responses (survey_id, seq);
-- Throttle and lastAnsweredAt: a contact's answers across the workspace's surveys.
CREATE INDEX responses_by_contact ON responses (workspace_id, contact_id, created_at);
-- Spam flags: answers from one IP hash, and from one browser, in a survey.
CREATE INDEX responses_by_ip ON responses (survey_id, ip_hash, created_at);
CREATE INDEX responses_by_respondent ON responses (survey_id, respondent);
-- The summary's histograms: score counts per survey without reading whole rows.
CREATE INDEX responses_scores ON responses (survey_id, flags, score);

-- Submissions per survey, IP hash and fixed one-minute window, for the rate limit (429).
-- Old windows are deleted as new submissions arrive.
CREATE TABLE submission_counters (
  survey_id TEXT NOT NULL,
  ip_hash TEXT NOT NULL,
  window_start INTEGER NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (survey_id, ip_hash, window_start)
) WITHOUT ROWID;
CREATE INDEX submission_counters_by_window ON submission_counters (window_start);
