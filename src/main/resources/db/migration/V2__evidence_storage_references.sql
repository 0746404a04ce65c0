-- Evidence contents leave the database for the evidence storage (cn.weiquan.evidence): a file's row keeps its storage
-- key and the type its bytes show (declared type: content_type). V3 fills both for existing rows, V4 drops content.
ALTER TABLE wq_evidence_file ADD COLUMN storage_key VARCHAR(100);
ALTER TABLE wq_evidence_file ADD COLUMN detected_type VARCHAR(100);

-- reading and deleting a case's evidence and keys by case number (PostgreSQL does not index a foreign key by itself)
CREATE INDEX IF NOT EXISTS wq_evidence_file_evidence ON wq_evidence_file (evidence_id);
CREATE INDEX IF NOT EXISTS wq_intake_key_case ON wq_intake_key (case_no);

-- files and bytes per case, for the per-case limit: a submission updates its case's row, and that row lock makes
-- concurrent submissions to one case take their turn, so together they cannot pass the limit
CREATE TABLE wq_evidence_totals (case_no VARCHAR(64) NOT NULL PRIMARY KEY, file_count INTEGER NOT NULL, size_bytes BIGINT NOT NULL);
INSERT INTO wq_evidence_totals (case_no, file_count, size_bytes)
  SELECT e.case_no, COUNT(f.id), COALESCE(SUM(f.size_bytes), 0)
  FROM wq_evidence e LEFT JOIN wq_evidence_file f ON f.evidence_id = e.id
  GROUP BY e.case_no;
