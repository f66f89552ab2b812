-- Databases migrated before triggers were removed from 0002 (local ones only: remote D1 could
-- not apply it) still count answers with a trigger; the submission's batch counts them now, so
-- the trigger would count each new answer twice. The counts are recomputed once, to be exact.
-- Migrations hold no triggers or BEGIN … END blocks: the remote path splits a file on every ';'
-- (test/worker/migrations.test.ts applies each file that way).
DROP TRIGGER IF EXISTS responses_count_insert;
UPDATE surveys SET response_count = (SELECT COUNT(*) FROM responses WHERE responses.survey_id = surveys.id);
