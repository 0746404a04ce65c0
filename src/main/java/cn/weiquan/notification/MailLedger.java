package cn.weiquan.notification;

import cn.weiquan.evidence.Sha256;
import cn.weiquan.platform.EngineClock;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The record of which mails of a job the SMTP server has taken, committed in transactions of its
 * own, apart from the job's. A mail job that runs again — a retry, or another node taking over the
 * job of one killed after the server accepted the mail but before the job committed — finds the
 * mail here and does not send it a second time.
 *
 * <p>Each mail is claimed before it is sent (state {@code sending}, with the Message-ID it will
 * carry) and marked {@code sent} once the server has taken it. A claim found in state {@code
 * sending} means the earlier run stopped between the claim and the mark: the mail is sent again
 * under the same Message-ID, so that in the one window left — the server has taken it, the mark has
 * not committed, a few milliseconds — a recipient's mail program sees the same message twice and
 * shows it once (RFC 5322 §3.6.4), rather than a second, different mail.
 *
 * <p>The key is a SHA-256 of the job, the recipient role and the address: no address is kept in
 * clear. The retention run deletes a case's records with the case, and any record after
 * weiquan.retention.mail-ledger (90 days), long after its job could run again.
 */
public class MailLedger {

  static final String TABLE = "wq_mail_sent";

  /**
   * A mail claimed for sending.
   *
   * @param key the ledger's key of (job, role, address)
   * @param messageId the Message-ID the mail carries, the same on every run of the job
   * @param alreadySent whether the server took it on an earlier run
   */
  public record Claim(String key, String messageId, boolean alreadySent) {}

  private final JdbcTemplate jdbc;
  private final TransactionTemplate separate;

  public MailLedger(DataSource dataSource) {
    this.jdbc = new JdbcTemplate(dataSource);
    // never the engine's transaction: a claim and a mark must stay when the job rolls back
    this.separate = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** A mail to claim: its recipient and the Message-ID it gets if no earlier run claimed it. */
  public record Wanted(RecipientRole role, String address, String messageId) {}

  /**
   * Claims the mails of one run of a job, or finds the claims of an earlier run, in one short
   * transaction of its own.
   *
   * @param sendKey what stays the same on every run of the job (its id)
   * @return a claim per wanted mail, in the same order
   */
  public List<Claim> claim(String sendKey, Object caseNo, String event, List<Wanted> wanted) {
    List<String> keys =
        wanted.stream().map(mail -> key(sendKey, mail.role(), mail.address())).toList();
    List<Claim> claims;
    try {
      claims = separate.execute(status -> claimOrFind(sendKey, keys, caseNo, event, wanted));
    } catch (DuplicateKeyException concurrentRun) {
      // the same job running on another node at this moment (its lock had expired): its claims
      // count
      claims = separate.execute(status -> claimOrFind(sendKey, keys, caseNo, event, wanted));
    }
    return claims;
  }

  private List<Claim> claimOrFind(
      String sendKey, List<String> keys, Object caseNo, String event, List<Wanted> wanted) {
    Timestamp now = Timestamp.from(EngineClock.instant());
    List<Claim> claims = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      Claim earlier = find(keys.get(i));
      if (earlier == null) {
        jdbc.update(
            "INSERT INTO "
                + TABLE
                + " (mail_key, send_key, case_no, event, message_id, state, claimed_at)"
                + " VALUES (?, ?, ?, ?, ?, 'sending', ?)",
            keys.get(i),
            sendKey,
            caseNo == null ? null : caseNo.toString(),
            event,
            wanted.get(i).messageId(),
            now);
        claims.add(new Claim(keys.get(i), wanted.get(i).messageId(), false));
      } else {
        claims.add(earlier);
      }
    }
    return claims;
  }

  /** Marks mails the server has taken. */
  public void sent(Collection<Claim> claims) {
    if (claims.isEmpty()) {
      return;
    }
    Timestamp now = Timestamp.from(EngineClock.instant());
    separate.executeWithoutResult(
        status ->
            jdbc.batchUpdate(
                "UPDATE " + TABLE + " SET state = 'sent', sent_at = ? WHERE mail_key = ?",
                claims.stream().map(claim -> new Object[] {now, claim.key()}).toList()));
  }

  private Claim find(String key) {
    List<Claim> rows =
        jdbc.query(
            "SELECT message_id, state FROM " + TABLE + " WHERE mail_key = ?",
            (row, n) -> new Claim(key, row.getString(1), "sent".equals(row.getString(2))),
            key);
    return rows.isEmpty() ? null : rows.get(0);
  }

  /** Deletes the records of a case (with the case, by the retention run or an erasure). */
  public int deleteCase(String caseNo) {
    return jdbc.update("DELETE FROM " + TABLE + " WHERE case_no = ?", caseNo);
  }

  /** Deletes records claimed before {@code cutoff}: long after any job could run again. */
  public int deleteOlderThan(Date cutoff) {
    return jdbc.update(
        "DELETE FROM " + TABLE + " WHERE claimed_at < ?", new Timestamp(cutoff.getTime()));
  }

  static String key(String sendKey, RecipientRole role, String address) {
    return Sha256.hex(
        (sendKey + "\n" + role.code() + "\n" + address.toLowerCase(Locale.ROOT))
            .getBytes(StandardCharsets.UTF_8));
  }
}
