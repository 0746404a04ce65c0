-- The product's tables exactly as Weiquan created them at run time before it had a versioned schema. IF NOT EXISTS:
-- a database from then (engine and wq_ tables, no history; baselined at version 0) keeps its tables and rows, and
-- gets those it never needed; a fresh database gets all of them. Plain SQL that H2 and PostgreSQL both accept.

-- case numbers: one counter row per prefix and year (cn.weiquan.casenumber)
CREATE TABLE IF NOT EXISTS wq_case_sequence (prefix VARCHAR(8) NOT NULL, seq_year INTEGER NOT NULL, last_value BIGINT NOT NULL, PRIMARY KEY (prefix, seq_year));

-- evidence the parties send (cn.weiquan.intake.EvidenceStore)
CREATE TABLE IF NOT EXISTS wq_evidence (id VARCHAR(36) NOT NULL PRIMARY KEY, case_no VARCHAR(64) NOT NULL, process_instance_id VARCHAR(64) NOT NULL, party VARCHAR(16) NOT NULL, submitted_by VARCHAR(64) NOT NULL, description VARCHAR(4000) NOT NULL, received_at TIMESTAMP NOT NULL, timing VARCHAR(16) NOT NULL);
CREATE INDEX IF NOT EXISTS wq_evidence_case ON wq_evidence (case_no);
CREATE TABLE IF NOT EXISTS wq_evidence_file (id VARCHAR(36) NOT NULL PRIMARY KEY, evidence_id VARCHAR(36) NOT NULL REFERENCES wq_evidence (id), position INTEGER NOT NULL, file_name VARCHAR(255) NOT NULL, content_type VARCHAR(100) NOT NULL, size_bytes BIGINT NOT NULL, sha256 VARCHAR(64) NOT NULL, content BYTEA NOT NULL);

-- idempotency keys of filings (cn.weiquan.intake.IdempotencyStore)
CREATE TABLE IF NOT EXISTS wq_intake_key (scoped_key VARCHAR(300) NOT NULL PRIMARY KEY, process_key VARCHAR(64) NOT NULL, fingerprint VARCHAR(64) NOT NULL, case_no VARCHAR(64) NOT NULL, process_instance_id VARCHAR(64) NOT NULL, created_at TIMESTAMP NOT NULL);
