package cn.weiquan.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import cn.weiquan.platform.ProcessKeys;
import cn.weiquan.support.ApplicationIT;
import cn.weiquan.support.DisputeFacts;
import cn.weiquan.support.EngineJobs;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The case facts that the dashboard reads (wq_case, wq_case_channel, wq_case_deadline) follow a
 * dispute through the real processes: filed, refused by the merchant, sent to the platform's
 * channel (a called process), withdrawn there. After every step they are what the engine's history
 * says (the backfill's reading of it), and the values a person would check by hand hold. And the
 * facts kept step by step equal those the backfill makes of the same history from nothing.
 */
class CaseFactsIT extends ApplicationIT {
  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  @Autowired DataSource dataSource;
  @Autowired PlatformTransactionManager transactions;
  @Autowired CaseFactWriter writer;
  @Autowired CaseFactsRetention retention;

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  @Test
  void aDisputeThroughThePlatformChannelToWithdrawal_hasTheFactsOfItsHistoryAtEveryStep() {
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    long statementsBefore = writer.statements();
    at(LocalDateTime.of(2025, 4, 7, 9, 0));
    ProcessInstance dispute = startDispute();
    String root = dispute.getId();

    assertFactsAreTheHistorys(jdbc, root);
    Map<String, Object> filed = jdbc.queryForMap("SELECT * FROM wq_case WHERE root_id = ?", root);
    assertThat(filed.get("process_key")).isEqualTo(ProcessKeys.CONSUMER_DISPUTE);
    assertThat(filed.get("case_no")).isEqualTo(dispute.getBusinessKey());
    assertThat(filed.get("start_day").toString()).isEqualTo("2025-04-07");
    assertThat(filed.get("end_time")).isNull();
    assertThat(filed.get("category")).isEqualTo("quality");
    assertThat(filed.get("has_category")).isEqualTo(true);
    assertThat(filed.get("has_severity")).as("a dispute has no severity").isEqualTo(false);
    assertThat(deadlines(jdbc, root)).contains("merchantResponseDue");

    at(LocalDateTime.of(2025, 4, 7, 10, 0));
    engine
        .getRuntimeService()
        .createMessageCorrelation("MerchantResponse")
        .processInstanceId(root)
        .setVariable("merchantAnswer", "reject")
        .correlate();
    runJobs();
    assertFactsAreTheHistorys(jdbc, root);
    assertThat(deadlines(jdbc, root)).contains("channelChoiceDue");

    at(LocalDateTime.of(2025, 4, 8, 9, 0));
    engine.getTaskService().complete(task(root).getId(), Map.of("nextChannel", "platform"));
    runJobs();
    assertFactsAreTheHistorys(jdbc, root);
    List<Map<String, Object>> channels =
        jdbc.queryForList("SELECT * FROM wq_case_channel WHERE root_id = ?", root);
    assertThat(channels).hasSize(1);
    assertThat(channels.get(0).get("process_key")).isEqualTo("dispute-platform");
    assertThat(channels.get(0).get("end_time")).isNull();
    assertThat(channels.get(0).get("root_process_key")).isEqualTo(ProcessKeys.CONSUMER_DISPUTE);
    assertThat(channels.get(0).get("root_start_time")).isEqualTo(filed.get("start_time"));

    at(LocalDateTime.of(2025, 4, 10, 9, 0));
    engine
        .getRuntimeService()
        .createMessageCorrelation("Withdraw")
        .processInstanceId(root)
        .setVariable("withdrawReason", "已私下和解")
        .correlate();
    runJobs();
    assertFactsAreTheHistorys(jdbc, root);
    HistoricProcessInstance history =
        engine
            .getHistoryService()
            .createHistoricProcessInstanceQuery()
            .processInstanceId(root)
            .singleResult();
    assertThat(history.getEndTime()).as("withdrawn").isNotNull();
    Map<String, Object> withdrawn =
        jdbc.queryForMap("SELECT * FROM wq_case WHERE root_id = ?", root);
    assertThat(withdrawn.get("duration")).isEqualTo(history.getDurationInMillis());
    assertThat(withdrawn.get("end_day").toString()).isEqualTo("2025-04-10");
    assertThat(withdrawn.get("outcome")).isEqualTo("withdrawn");
    assertThat(withdrawn.get("stage")).isEqualTo("已撤回");
    Map<String, Object> channel =
        jdbc.queryForMap("SELECT * FROM wq_case_channel WHERE root_id = ?", root);
    assertThat(channel.get("end_time")).as("the channel ended with its case").isNotNull();
    assertThat(channel.get("duration")).isNotNull();
    assertThat(deadlines(jdbc, root)).as("an ended case has no deadline in force").isEmpty();

    // what the whole life of this case cost in statements, next to the history rows the engine
    // wrote for it (its activities, variables and their updates)
    long statements = writer.statements() - statementsBefore;
    long historyRows =
        jdbc.queryForObject(
            "SELECT (SELECT COUNT(*) FROM ACT_HI_ACTINST WHERE ROOT_PROC_INST_ID_ = ?)"
                + " + (SELECT COUNT(*) FROM ACT_HI_VARINST WHERE ROOT_PROC_INST_ID_ = ?)"
                + " + (SELECT COUNT(*) FROM ACT_HI_DETAIL WHERE ROOT_PROC_INST_ID_ = ?)",
            Long.class,
            root,
            root,
            root);
    LoggerFactory.getLogger(CaseFactsIT.class)
        .info(
            "case facts of one dispute's life: {} statements; the engine's history of it: {} rows",
            statements,
            historyRows);
    assertThat(statements)
        .as("statements for the case's facts, against %d history rows", historyRows)
        .isPositive()
        .isLessThan(historyRows / 5);
  }

  @Test
  void theFactsKeptStepByStep_equalTheBackfillOfTheSameHistory() {
    at(LocalDateTime.of(2025, 4, 14, 9, 0));
    ProcessInstance dispute = startDispute();
    at(LocalDateTime.of(2025, 4, 14, 10, 0));
    engine
        .getRuntimeService()
        .createMessageCorrelation("MerchantResponse")
        .processInstanceId(dispute.getId())
        .setVariable("merchantAnswer", "reject")
        .correlate();
    runJobs();
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    // in one transaction: emptied, filled again by the backfill, compared, rolled back
    new TransactionTemplate(transactions)
        .executeWithoutResult(
            status -> {
              Map<String, List<List<Object>>> kept = snapshot(jdbc);
              assertThat(kept.get("wq_case")).isNotEmpty();
              jdbc.update("DELETE FROM wq_case");
              jdbc.update("DELETE FROM wq_case_channel");
              jdbc.update("DELETE FROM wq_case_deadline");
              jdbc.update(CaseFactsFromHistory.insertCases(""));
              jdbc.update(CaseFactsFromHistory.insertChannels(""));
              jdbc.update(CaseFactsFromHistory.insertDeadlines(""));
              Map<String, List<List<Object>>> backfilled = snapshot(jdbc);
              status.setRollbackOnly();
              kept.forEach(
                  (table, rows) -> assertThat(rows).as(table).isEqualTo(backfilled.get(table)));
            });
  }

  @Test
  void aCaseWhoseHistoryIsDeleted_leavesTheFacts() {
    // other tests of the shared application delete history (erasure) between nightly sweeps
    retention.forgetCasesWithoutHistory();
    at(LocalDateTime.of(2025, 4, 21, 9, 0));
    ProcessInstance dispute = startDispute();
    at(LocalDateTime.of(2025, 4, 22, 9, 0));
    engine
        .getRuntimeService()
        .createMessageCorrelation("Withdraw")
        .processInstanceId(dispute.getId())
        .setVariable("withdrawReason", "已私下和解")
        .correlate();
    runJobs();
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    String count = "SELECT COUNT(*) FROM wq_case WHERE root_id = ?";
    assertThat(retention.forgetCasesWithoutHistory())
        .as("every ended case has its history")
        .isZero();
    assertThat(jdbc.queryForObject(count, Integer.class, dispute.getId())).isEqualTo(1);

    // as the retention of personal data deletes a case past its time to live
    engine.getHistoryService().deleteHistoricProcessInstance(dispute.getId());
    assertThat(retention.forgetCasesWithoutHistory()).isEqualTo(1);
    assertThat(jdbc.queryForObject(count, Integer.class, dispute.getId())).isZero();
  }

  private static Map<String, List<List<Object>>> snapshot(JdbcTemplate jdbc) {
    Map<String, List<List<Object>>> tables = new HashMap<>();
    tables.put(
        "wq_case",
        rows(
            jdbc,
            "SELECT " + CaseFactsFromHistory.CASE_COLUMNS + " FROM wq_case ORDER BY root_id"));
    tables.put(
        "wq_case_channel",
        rows(
            jdbc,
            "SELECT "
                + CaseFactsFromHistory.CHANNEL_COLUMNS
                + " FROM wq_case_channel ORDER BY instance_id"));
    tables.put(
        "wq_case_deadline",
        rows(
            jdbc,
            "SELECT "
                + CaseFactsFromHistory.DEADLINE_COLUMNS
                + " FROM wq_case_deadline ORDER BY instance_id, name"));
    return tables;
  }

  /** The facts of one case equal what the backfill reads from its history. */
  private static void assertFactsAreTheHistorys(JdbcTemplate jdbc, String root) {
    assertThat(
            rows(
                jdbc,
                "SELECT " + CaseFactsFromHistory.CASE_COLUMNS + " FROM wq_case WHERE root_id = ?",
                root))
        .as("wq_case")
        .isEqualTo(rows(jdbc, CaseFactsFromHistory.selectCases(" AND p.ID_ = ?"), root));
    assertThat(
            rows(
                jdbc,
                "SELECT "
                    + CaseFactsFromHistory.CHANNEL_COLUMNS
                    + " FROM wq_case_channel WHERE root_id = ? ORDER BY instance_id",
                root))
        .as("wq_case_channel")
        .isEqualTo(
            rows(
                jdbc,
                CaseFactsFromHistory.selectChannels(" AND p.ID_ = ?") + " ORDER BY c.ID_",
                root));
    assertThat(
            rows(
                jdbc,
                "SELECT "
                    + CaseFactsFromHistory.DEADLINE_COLUMNS
                    + " FROM wq_case_deadline WHERE root_id = ? ORDER BY instance_id, name",
                root))
        .as("wq_case_deadline")
        .isEqualTo(
            rows(
                jdbc,
                CaseFactsFromHistory.selectDeadlines(" AND d.ROOT_PROC_INST_ID_ = ?")
                    + " ORDER BY d.PROC_INST_ID_, d.NAME_",
                root));
  }

  private static List<List<Object>> rows(JdbcTemplate jdbc, String sql, Object... args) {
    return jdbc.query(
        sql,
        (rs, i) -> {
          List<Object> row = new ArrayList<>();
          for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
            Object value = rs.getObject(c);
            row.add(value == null ? null : value.toString());
          }
          return row;
        },
        args);
  }

  private static List<String> deadlines(JdbcTemplate jdbc, String root) {
    return jdbc
        .queryForList(
            "SELECT name FROM wq_case_deadline WHERE root_id = ? AND basis IS NOT NULL AND met = FALSE",
            String.class,
            root)
        .stream()
        .sorted(Comparator.naturalOrder())
        .toList();
  }

  private Task task(String root) {
    return engine
        .getTaskService()
        .createTaskQuery()
        .processInstanceId(root)
        .taskDefinitionKey("Task_RecordChannelChoice")
        .singleResult();
  }

  private ProcessInstance startDispute() {
    LocalDate today = LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), CHINA);
    Map<String, Object> v =
        DisputeFacts.onlinePurchase(
            today, "事实表消费者", "13700000001", "facts@example.cn", "事实表测试商品", "事实表测试描述");
    v.put("merchantName", "事实表商家");
    v.put("merchantEmail", "facts-shop@example.cn");
    v.put("price", "299.00");
    ProcessInstance instance =
        engine.getRuntimeService().startProcessInstanceByKey(ProcessKeys.CONSUMER_DISPUTE, v);
    runJobs();
    return instance;
  }

  private static void at(LocalDateTime beijing) {
    ClockUtil.setCurrentTime(Date.from(beijing.atZone(CHINA).toInstant()));
  }

  private void runJobs() {
    EngineJobs.runMessageJobs(engine.getManagementService(), null, 100);
  }
}
