-- Every file is in the evidence storage now (V3): the key is required, and the contents column goes. SET NOT NULL
-- first, so that a row V3 did not move stops the migration before any content is dropped.
ALTER TABLE wq_evidence_file ALTER COLUMN storage_key SET NOT NULL;
ALTER TABLE wq_evidence_file DROP COLUMN content;
