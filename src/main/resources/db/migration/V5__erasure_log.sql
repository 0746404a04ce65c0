-- What the product erased, and why: a request (DELETE /api/cases/{caseNo}/personal-data) or the end of the retention
-- period. It records who, when and which case, never the data itself.
CREATE TABLE wq_erasure (
  id VARCHAR(36) NOT NULL PRIMARY KEY,
  case_no VARCHAR(64) NOT NULL,
  reason VARCHAR(16) NOT NULL,
  erased_by VARCHAR(64) NOT NULL,
  erased_at TIMESTAMP NOT NULL,
  variables_erased INTEGER NOT NULL,
  files_erased INTEGER NOT NULL
);
CREATE INDEX wq_erasure_case ON wq_erasure (case_no);
