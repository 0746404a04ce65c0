-- Which mails a mail job has handed to the SMTP server, committed apart from the job (MailLedger). A job that
-- runs again (a retry, or another node after kill -9 of the one that held it) sends only what the server has
-- not taken, under the Message-ID claimed the first time. The key is a SHA-256 of job, role and address: no
-- address is kept in clear; the records go with the case (retention run) and after 90 days at the latest.
-- send_key names the job (job:<id>), so an operator sees which job sent which Message-ID.
CREATE TABLE wq_mail_sent (
  mail_key VARCHAR(64) NOT NULL PRIMARY KEY,
  send_key VARCHAR(100) NOT NULL,
  case_no VARCHAR(64),
  event VARCHAR(64) NOT NULL,
  message_id VARCHAR(200) NOT NULL,
  state VARCHAR(8) NOT NULL,
  claimed_at TIMESTAMP NOT NULL,
  sent_at TIMESTAMP
);
CREATE INDEX wq_mail_sent_claimed ON wq_mail_sent (claimed_at);
