package cn.weiquan.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import cn.weiquan.WeiquanApplication;
import cn.weiquan.platform.ProcessKeys;
import cn.weiquan.support.OldMainDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A database whose cases predate the case facts (an engine with history, no product tables, no
 * schema history) gets their facts from the history at its first start (migration 32), so its
 * dashboard counts them; from then on the application's transactions keep those rows.
 */
class CaseFactsBackfillStartupIT {
  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  private static final String CHANNEL = "old-channel";

  @TempDir Path dataDir;

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  @Test
  void casesFromBeforeTheFacts_areBackfilledAtTheFirstStart_andKeptFromThen() throws Exception {
    String url = "jdbc:h2:file:" + dataDir + "/weiquan;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";
    OldCases old = oldCases(url);

    try (ConfigurableApplicationContext app =
        new SpringApplicationBuilder(WeiquanApplication.class)
            .profiles("local")
            .run(
                "--server.port=0",
                "--weiquan.mail.embedded.port=0",
                "--camunda.bpm.job-execution.enabled=false",
                "--camunda.bpm.metrics.enabled=false",
                "--weiquan.data-dir=" + dataDir)) {
      JdbcTemplate jdbc = new JdbcTemplate(app.getBean(DataSource.class));
      Map<String, Object> running =
          jdbc.queryForMap("SELECT * FROM wq_case WHERE root_id = ?", old.running());
      assertThat(running.get("case_no")).isEqualTo("WQ-2025-900001");
      assertThat(running.get("stage")).isEqualTo("消协调解");
      assertThat(running.get("category")).isEqualTo("quality");
      assertThat(running.get("end_time")).isNull();
      assertThat(running.get("start_day").toString()).isEqualTo("2025-03-03");
      Map<String, Object> ended =
          jdbc.queryForMap("SELECT * FROM wq_case WHERE root_id = ?", old.ended());
      assertThat(ended.get("outcome")).isEqualTo("settled");
      assertThat(ended.get("stage")).isEqualTo("已结案");
      assertThat(ended.get("duration")).as("5 days").isEqualTo(5 * 86_400_000L);
      assertThat(ended.get("end_day").toString()).isEqualTo("2025-03-09");
      assertThat(
              jdbc.queryForList(
                  "SELECT root_id || ' ' || process_key || ' ' || CASE WHEN end_time IS NULL"
                      + " THEN 'running' ELSE 'ended' END FROM wq_case_channel ORDER BY start_time",
                  String.class))
          .containsExactly(
              old.running() + " " + CHANNEL + " running", old.ended() + " " + CHANNEL + " ended");
      assertThat(
              jdbc.queryForList(
                  "SELECT name || ' ' || due || ' ' || basis FROM wq_case_deadline", String.class))
          .as("the running case's deadline, none of the ended one")
          .containsExactly("channelChoiceDue " + old.due().getTime() + " 本平台规则：3个工作日内选择后续维权途径");

      // the dashboard counts them: the summary over HTTP as the analyst
      JsonNode summary = summary(app, "from=2025-03-01&to=2025-03-31");
      assertThat(summary.at("/cases/running").asLong()).isEqualTo(1);
      assertThat(summary.at("/cases/ended").asLong()).isEqualTo(1);
      assertThat(summary.at("/byStage/groups").toString())
          .contains("\"key\":\"消协调解\",\"label\":\"消协调解\",\"running\":1,\"ended\":0");
      assertThat(summary.at("/byChannel/groups").toString())
          .contains("\"key\":\"" + CHANNEL + "\"")
          .contains("\"running\":1,\"ended\":1");
      assertThat(summary.at("/durations/byPath").toString()).contains("\"medianDays\":5.0");

      // from then on the application keeps the backfilled rows: the running case's channel ends,
      // then the case
      ProcessEngine engine = app.getBean(ProcessEngine.class);
      at(LocalDateTime.of(2025, 3, 12, 9, 0));
      complete(engine, old.running(), true);
      assertThat(
              jdbc.queryForObject(
                  "SELECT COUNT(*) FROM wq_case_channel WHERE root_id = ? AND end_time IS NOT NULL",
                  Integer.class,
                  old.running()))
          .isEqualTo(1);
      engine.getRuntimeService().setVariable(old.running(), "caseOutcome", "mediated");
      complete(engine, old.running(), false);
      Map<String, Object> nowEnded =
          jdbc.queryForMap("SELECT * FROM wq_case WHERE root_id = ?", old.running());
      assertThat(nowEnded.get("outcome")).isEqualTo("mediated");
      assertThat(nowEnded.get("duration")).as("9 days").isEqualTo(9 * 86_400_000L);
      assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM wq_case_deadline", Integer.class))
          .isZero();
    }
  }

  record OldCases(String running, String ended, Date due) {}

  /**
   * The cases of an older Weiquan, made by an engine without the product: a case in its channel
   * with the channel choice's deadline, and a case settled after 5 days.
   */
  private static OldCases oldCases(String url) {
    ProcessEngine engine = OldMainDatabase.bareEngine("before-the-facts", url, "sa", "");
    try {
      engine
          .getRepositoryService()
          .createDeployment()
          .addModelInstance(
              "old-spine.bpmn",
              Bpmn.createExecutableProcess(ProcessKeys.CONSUMER_DISPUTE)
                  .camundaHistoryTimeToLive(180)
                  .startEvent()
                  .callActivity()
                  .calledElement(CHANNEL)
                  .userTask("Task_Close")
                  .endEvent()
                  .done())
          .addModelInstance(
              "old-channel.bpmn",
              Bpmn.createExecutableProcess(CHANNEL)
                  .camundaHistoryTimeToLive(180)
                  .startEvent()
                  .userTask("Task_Mediate")
                  .endEvent()
                  .done())
          .deploy();
      at(LocalDateTime.of(2025, 3, 3, 9, 0));
      Date due = Date.from(LocalDateTime.of(2025, 3, 7, 0, 0).atZone(CHINA).toInstant());
      String running =
          engine
              .getRuntimeService()
              .startProcessInstanceByKey(
                  ProcessKeys.CONSUMER_DISPUTE,
                  "WQ-2025-900001",
                  Map.of(
                      "stage",
                      "消协调解",
                      "category",
                      "quality",
                      "channelChoiceDue",
                      due,
                      "channelChoiceDueBasis",
                      "本平台规则：3个工作日内选择后续维权途径"))
              .getId();
      at(LocalDateTime.of(2025, 3, 4, 9, 0));
      String ended =
          engine
              .getRuntimeService()
              .startProcessInstanceByKey(
                  ProcessKeys.CONSUMER_DISPUTE,
                  "WQ-2025-900002",
                  Map.of("stage", "消协调解", "category", "service"))
              .getId();
      at(LocalDateTime.of(2025, 3, 6, 9, 0));
      complete(engine, ended, true);
      at(LocalDateTime.of(2025, 3, 9, 9, 0));
      engine.getRuntimeService().setVariable(ended, "stage", "已结案");
      engine.getRuntimeService().setVariable(ended, "caseOutcome", "settled");
      complete(engine, ended, false);
      return new OldCases(running, ended, due);
    } finally {
      engine.close();
    }
  }

  /** Completes the case's channel task, or its own closing task. */
  private static void complete(ProcessEngine engine, String root, boolean channel) {
    var tasks = engine.getTaskService();
    var task =
        (channel
                ? tasks
                    .createTaskQuery()
                    .processInstanceId(
                        engine
                            .getRuntimeService()
                            .createProcessInstanceQuery()
                            .superProcessInstanceId(root)
                            .singleResult()
                            .getId())
                : tasks.createTaskQuery().processInstanceId(root))
            .singleResult();
    tasks.complete(task.getId());
  }

  private static JsonNode summary(ConfigurableApplicationContext app, String range)
      throws Exception {
    int port = ((WebServerApplicationContext) app).getWebServer().getPort();
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            "http://127.0.0.1:"
                                + port
                                + "/api/analytics/summary?process=consumer-dispute&"
                                + range))
                    .header(
                        "Authorization",
                        "Basic "
                            + Base64.getEncoder()
                                .encodeToString("analyst:analyst".getBytes(StandardCharsets.UTF_8)))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return new ObjectMapper().readTree(response.body());
  }

  private static void at(LocalDateTime beijing) {
    ClockUtil.setCurrentTime(Date.from(beijing.atZone(CHINA).toInstant()));
  }
}
