package cn.weiquan.platform;

import static org.assertj.core.api.Assertions.assertThat;

import cn.weiquan.support.ApplicationIT;
import cn.weiquan.support.Browser;
import cn.weiquan.support.DisputeFacts;
import cn.weiquan.support.EngineJobs;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * What Cockpit shows of a case, in a real browser: the analyst sees the instance and no variable of
 * it (no name, phone or e-mail); a supervisor, who may read the parties' data, sees them in the
 * same view, so the check can fail.
 */
class CockpitPrivacyBrowserIT extends ApplicationIT {

  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  @Test
  void analystsInstanceView_showsNoContactData_theSupervisorsDoes() {
    String unique = UUID.randomUUID().toString().substring(0, 6);
    String name = "驾驶舱" + unique;
    String phone = "1366" + String.format("%07d", Math.abs(unique.hashCode()) % 10_000_000);
    String email = "cockpit." + unique + "@example.cn";
    ProcessInstance dispute = startDispute(name, phone, email);
    String view =
        baseUrl()
            + "/camunda/app/cockpit/default/#/process-instance/"
            + dispute.getId()
            + "/runtime?tab=variables-tab";

    WebDriver browser = Browser.chromium();
    try {
      Browser.logIn(
          browser, baseUrl() + "/camunda/app/cockpit/default/", "supervisor", "supervisor");
      Browser.waitFor(browser)
          .until(
              ExpectedConditions.presenceOfElementLocated(
                  By.cssSelector(".dashboard, [cam-widget-header], .navbar")));
      browser.get(view);
      Browser.waitFor(browser)
          .until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), phone));
      assertThat(browser.getPageSource())
          .as("the supervisor reads the parties' data")
          .contains(name, email);
    } finally {
      browser.quit();
    }

    browser = Browser.chromium();
    try {
      Browser.logIn(browser, baseUrl() + "/camunda/app/cockpit/default/", "analyst", "analyst");
      Browser.waitFor(browser)
          .until(
              ExpectedConditions.presenceOfElementLocated(
                  By.cssSelector(".dashboard, [cam-widget-header], .navbar")));
      browser.get(view);
      // the same view, loaded: the instance is there, its variables are not
      Browser.waitFor(browser)
          .until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "没有流程变量"));
      assertThat(browser.getPageSource())
          .contains(dispute.getId())
          .doesNotContain(name, phone, email);
    } finally {
      browser.quit();
    }
  }

  private ProcessInstance startDispute(String name, String phone, String email) {
    LocalDate today = LocalDate.now(CHINA);
    Map<String, Object> v = DisputeFacts.onlinePurchase(today, name, phone, email, "空气净化器", "滤网异味");
    ProcessInstance instance =
        engine.getRuntimeService().startProcessInstanceByKey(ProcessKeys.CONSUMER_DISPUTE, v);
    EngineJobs.runMessageJobs(engine.getManagementService(), instance.getId(), 20);
    return instance;
  }
}
