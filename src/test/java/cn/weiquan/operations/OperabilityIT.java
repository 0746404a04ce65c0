package cn.weiquan.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.weiquan.notification.MailTemplates;
import cn.weiquan.notification.NotificationService;
import cn.weiquan.platform.TasklistFilters;
import cn.weiquan.support.ApplicationIT;
import cn.weiquan.support.TestSmtp;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.filter.Filter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/**
 * The operator's doors over real HTTP: the probes, who may read /actuator, and the figures that
 * move with the work.
 */
class OperabilityIT extends ApplicationIT {

  @Autowired TasklistFilters filters;

  @Test
  void probes_areAnonymous_everythingElseUnderActuator_needsAdminOrMonitoring() {
    assertThat(status(anonymous(), "/actuator/health/liveness")).isEqualTo(200);
    assertThat(status(anonymous(), "/actuator/health/readiness")).isEqualTo(200);
    for (String path :
        List.of("/actuator/prometheus", "/actuator/health", "/actuator/info", "/actuator")) {
      assertThat(status(anonymous(), path)).as("anonymous %s", path).isEqualTo(401);
      assertThat(status(as("monitor"), path)).as("monitoring %s", path).isIn(200, 503);
      assertThat(status(as("mediator"), path)).as("a mediator at %s", path).isEqualTo(403);
      assertThat(status(as("analyst"), path)).as("an analyst at %s", path).isEqualTo(403);
      assertThat(status(as("nobody", "wrong"), path))
          .as("an unknown login at %s", path)
          .isEqualTo(401);
      assertThat(status(as("api", "api"), path)).as("the api client at %s", path).isEqualTo(401);
    }
    assertThat(status(as("demo"), "/actuator/prometheus")).isEqualTo(200);
    assertThat(status(as("monitor"), "/actuator/prometheus")).isEqualTo(200);
    // the monitoring account sees no case
    assertThat(status(as("monitor"), "/camunda/api/engine/engine/default/process-instance/count"))
        .isIn(401, 403);
  }

  @Test
  void withoutTheTasklistFilters_readinessIs503_untilTheyAreMade() {
    Filter overdue =
        engine
            .getFilterService()
            .createFilterQuery()
            .filterName(TasklistFilters.OVERDUE)
            .singleResult();
    engine.getFilterService().deleteFilter(overdue.getId());
    try {
      assertThat(status(anonymous(), "/actuator/health/readiness")).isEqualTo(503);
      assertThat(status(anonymous(), "/actuator/health/liveness")).isEqualTo(200);
    } finally {
      filters.ensureFilters();
    }
    assertThat(status(anonymous(), "/actuator/health/readiness")).isEqualTo(200);
  }

  @Test
  void filingADispute_movesCasesFiled_andTheEngineFiguresAreThere() {
    double before = metric("weiquan_cases_filed_total", "process=\"consumer-dispute\"");
    ResponseEntity<String> filed =
        as("api")
            .post()
            .uri("/api/disputes")
            .contentType(MediaType.APPLICATION_JSON)
            .body(disputeFiling())
            .retrieve()
            .toEntity(String.class);
    assertThat(filed.getStatusCode().value()).as(filed.getBody()).isEqualTo(201);
    assertThat(metric("weiquan_cases_filed_total", "process=\"consumer-dispute\""))
        .isEqualTo(before + 1);
    String scrape = scrape();
    assertThat(scrape)
        .contains(
            "camunda_jobs_due",
            "camunda_jobs_failed",
            "camunda_incidents_open",
            "weiquan_deadlines_overdue");
  }

  @Test
  void aMailTheServerTakes_countsAsSent_oneItCannotReach_countsAsFailed() {
    GreenMail smtp =
        new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
    smtp.start();
    NotificationService mail =
        new NotificationService(
            TestSmtp.sender(smtp.getSmtp().getPort()),
            new MailTemplates(),
            "维权平台 <noreply@weiquan.local>");
    double sent = metric("weiquan_mails_sent_total", "event=\"settled\"");
    double failed = metric("weiquan_mails_failed_total", "event=\"settled\"");
    try {
      mail.send("settled", List.of("consumer"), caseVariables(), null);
      assertThat(smtp.getReceivedMessages()).hasSize(1);
    } finally {
      smtp.stop();
    }
    assertThatThrownBy(() -> mail.send("settled", List.of("consumer"), caseVariables(), null))
        .as("the SMTP server is gone")
        .isInstanceOf(RuntimeException.class);

    assertThat(metric("weiquan_mails_sent_total", "event=\"settled\"")).isEqualTo(sent + 1);
    assertThat(metric("weiquan_mails_failed_total", "event=\"settled\"")).isEqualTo(failed + 1);
  }

  // ------------------------------------------------------------------ helpers

  private String scrape() {
    ResponseEntity<String> response =
        as("monitor").get().uri("/actuator/prometheus").retrieve().toEntity(String.class);
    assertThat(response.getStatusCode().value()).isEqualTo(200);
    return response.getBody();
  }

  /** The value of the series whose labels contain {@code label} (0 while it does not exist yet). */
  private double metric(String name, String label) {
    Matcher series =
        Pattern.compile("^" + name + "\\{([^}]*)\\} (\\S+)$", Pattern.MULTILINE).matcher(scrape());
    while (series.find()) {
      if (series.group(1).contains(label)) {
        return Double.parseDouble(series.group(2));
      }
    }
    return 0;
  }

  private static int status(RestClient client, String path) {
    return client.get().uri(path).retrieve().toBodilessEntity().getStatusCode().value();
  }

  private static Map<String, Object> caseVariables() {
    Map<String, Object> v = new HashMap<>();
    v.put("caseNo", "WQ-2026-000777");
    v.put("consumerName", "李明");
    v.put("consumerEmail", "li.ming@example.com");
    v.put("merchantName", "某某电器旗舰店");
    v.put("itemName", "电热水壶");
    v.put("stage", "协商");
    v.put("consumerPhone", "13800000000");
    v.put("merchantEmail", "service@shop.example.com");
    v.put("description", "漏电");
    return v;
  }

  private static String disputeFiling() {
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    return """
        {"consumer":{"name":"李明","phone":"13800138000","email":"li.ming@example.com"},
         "merchant":{"name":"某某电器旗舰店","email":"shop@example.com","platform":"tmall"},
         "purchase":{"item":"电热水壶","price":"199.00","quantity":1,"paidAt":"%s","receivedAt":"%s","channel":"online-platform"},
         "category":"quality","description":"使用三天后漏电","claims":{"refund":true},"harmKnownOn":"%s"}
        """
        .formatted(today.minusDays(10), today.minusDays(8), today.minusDays(5));
  }
}
