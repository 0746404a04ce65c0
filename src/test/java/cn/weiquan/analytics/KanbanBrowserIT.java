package cn.weiquan.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import cn.weiquan.platform.ProcessKeys;
import cn.weiquan.support.ApplicationIT;
import cn.weiquan.support.Browser;
import cn.weiquan.support.DisputeFacts;
import cn.weiquan.support.EngineJobs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * 案件看板 in a real browser: an analyst logs in to Cockpit, the dashboard shows the 案件看板 with its
 * Chinese heading and its SVG charts, the overdue list names a case that waits past its deadline,
 * and its link opens that case's instance page in Cockpit. No name or phone of the case is on the
 * page.
 */
class KanbanBrowserIT extends ApplicationIT {
  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  @Test
  void analystOpensTheDashboard_seesTheKanbanAndItsCharts_andTheOverdueCaseOpensItsInstance()
      throws Exception {
    String phone = "13566" + String.format("%06d", System.nanoTime() % 1_000_000);
    String name = "看板浏览器测试" + phone.substring(7);
    ProcessInstance overdue =
        disputeWaitingForTheChannelChoiceSince(
            Instant.now().minus(Duration.ofDays(12)), name, phone);
    String caseNo =
        engine
            .getHistoryService()
            .createHistoricProcessInstanceQuery()
            .processInstanceId(overdue.getId())
            .singleResult()
            .getBusinessKey();
    withdrawnAfterThreeDays(
        Instant.now().minus(Duration.ofDays(6)),
        name,
        phone); // an ended case: outcomes and durations

    WebDriver browser = Browser.chromium();
    try {
      // the first load of Cockpit's scripts may take longer than Browser's 30 s on a busy machine:
      // wait for it once
      browser.get(baseUrl() + "/camunda/app/cockpit/default/");
      patient(browser)
          .until(
              ExpectedConditions.visibilityOfElementLocated(
                  By.cssSelector("form[name=signinForm] input[type=text]")));
      Browser.logIn(browser, baseUrl() + "/camunda/app/cockpit/default/", "analyst", "analyst");
      WebElement kanban =
          patient(browser)
              .until(
                  ExpectedConditions.presenceOfElementLocated(
                      By.cssSelector(".weiquan-kanban[data-loaded=true]")));
      assertThat(kanban.findElement(By.cssSelector("h1")).getText()).isEqualTo("案件看板");
      List<String> charts =
          kanban.findElements(By.cssSelector("svg.weiquan-kanban-chart")).stream()
              .map(chart -> chart.getAttribute("data-chart"))
              .toList();
      assertThat(charts)
          .contains("stages", "deadlines", "weeks", "outcomes", "paths", "categories");
      assertThat(kanban.findElements(By.cssSelector("svg[data-chart=stages] rect.bar")))
          .as("the stage funnel has bars")
          .isNotEmpty();
      assertThat(kanban.getText())
          .contains("阶段分布", "已逾期", "办理时长", "结案方式占比", "每周趋势")
          .doesNotContain(name, phone);
      screenshot(browser, "kanban-dashboard.png");

      // the earliest ten are shown; other tests' cases may come first
      kanban
          .findElements(By.cssSelector("[data-section=deadlines] .weiquan-kanban-all"))
          .forEach(WebElement::click);
      WebElement link =
          kanban.findElement(By.cssSelector("[data-list=overdue] a[data-case='" + caseNo + "']"));
      assertThat(link.findElement(By.xpath("./ancestor::tr")).getText()).contains("选择维权途径期限");
      link.click();
      patient(browser)
          .until(ExpectedConditions.urlContains("/process-instance/" + overdue.getId()));
      patient(browser)
          .until(
              ExpectedConditions.textToBePresentInElementLocated(
                  By.tagName("body"), overdue.getId()));
      assertThat(browser.getPageSource()).doesNotContain(phone);
    } finally {
      browser.quit();
    }
  }

  private void withdrawnAfterThreeDays(Instant start, String name, String phone) {
    ClockUtil.setCurrentTime(Date.from(start));
    try {
      ProcessInstance instance = startDispute(start, name, phone);
      ClockUtil.setCurrentTime(Date.from(start.plus(Duration.ofDays(3))));
      engine
          .getRuntimeService()
          .createMessageCorrelation("Withdraw")
          .processInstanceId(instance.getId())
          .setVariable("withdrawReason", "已私下和解")
          .correlate();
      EngineJobs.runMessageJobs(engine.getManagementService(), null, 50);
    } finally {
      ClockUtil.reset();
    }
  }

  /**
   * A dispute the merchant rejected at {@code since}: it waits for the consumer's choice (3 working
   * days) ever since.
   */
  private ProcessInstance disputeWaitingForTheChannelChoiceSince(
      Instant since, String name, String phone) {
    ClockUtil.setCurrentTime(Date.from(since));
    try {
      ProcessInstance instance = startDispute(since, name, phone);
      engine
          .getRuntimeService()
          .createMessageCorrelation("MerchantResponse")
          .processInstanceId(instance.getId())
          .setVariable("merchantAnswer", "reject")
          .correlate();
      EngineJobs.runMessageJobs(engine.getManagementService(), null, 50);
      assertThat(
              engine
                  .getTaskService()
                  .createTaskQuery()
                  .processInstanceId(instance.getId())
                  .taskDefinitionKey("Task_RecordChannelChoice")
                  .count())
          .isEqualTo(1);
      return instance;
    } finally {
      ClockUtil.reset();
    }
  }

  private ProcessInstance startDispute(Instant since, String name, String phone) {
    LocalDate day = since.atZone(CHINA).toLocalDate();
    Map<String, Object> v =
        DisputeFacts.onlinePurchase(day, name, phone, "kanban.browser@example.cn", "电饭煲", "内胆涂层脱落");
    ProcessInstance instance =
        engine.getRuntimeService().startProcessInstanceByKey(ProcessKeys.CONSUMER_DISPUTE, v);
    EngineJobs.runMessageJobs(engine.getManagementService(), null, 50);
    return instance;
  }

  private static WebDriverWait patient(WebDriver browser) {
    return new WebDriverWait(browser, Duration.ofSeconds(120));
  }

  private static void screenshot(WebDriver browser, String file) throws java.io.IOException {
    Path target = Path.of(System.getProperty("weiquan.build.dir", "target"), file);
    Files.createDirectories(target.getParent());
    Files.write(target, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
  }
}
