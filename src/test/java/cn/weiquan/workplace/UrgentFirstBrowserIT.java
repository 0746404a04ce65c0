package cn.weiquan.workplace;

import static org.assertj.core.api.Assertions.assertThat;

import cn.weiquan.platform.ProcessKeys;
import cn.weiquan.platform.TasklistFilters;
import cn.weiquan.support.ApplicationIT;
import cn.weiquan.support.Browser;
import cn.weiquan.support.EngineJobs;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What a department's handler sees in a real browser: two complaints of the department, the 紧急 one
 * filed first and the 一般 one after it, and Tasklist's 我组的任务 lists the 紧急 complaint's tasks on top
 * (by priority, although Tasklist's own sorting is "newest first"), its level shown in the 级别
 * column.
 */
class UrgentFirstBrowserIT extends ApplicationIT {
  /**
   * A handler of the logistics department (物流配送部), which no other test gives work: its list holds
   * this test's cases.
   */
  private static final String USER = "logistics-handler";

  private static final String DEPARTMENT = "dept-logistics";

  @Test
  void departmentHandlerOpensTasklist_theUrgentComplaintIsAboveTheGeneralOne() {
    departmentUser();
    String urgent = register(Map.of("safetyHazard", true, "description", "配送车辆在小区内逆行，险些撞到老人"));
    String general = register(Map.of("description", "快递连续三天未按约定时间送达"));
    assertThat(variable(urgent, "severity")).isEqualTo("紧急");
    assertThat(variable(general, "severity")).isEqualTo("一般");

    WebDriver browser = Browser.chromium();
    try {
      // a shared CI machine can take long to load Tasklist: a patient wait, never a sleep
      var wait = new WebDriverWait(browser, Duration.ofSeconds(120));
      browser.get(baseUrl() + "/camunda/app/tasklist/default/");
      try {
        wait.until(
                ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("form[name=signinForm] input[type=text]")))
            .sendKeys(USER);
      } catch (org.openqa.selenium.TimeoutException e) {
        String source = browser.getPageSource();
        throw new AssertionError(
            "no sign-in form at "
                + browser.getCurrentUrl()
                + ": "
                + source.substring(0, Math.min(source.length(), 3000)),
            e);
      }
      browser
          .findElement(By.cssSelector("form[name=signinForm] input[type=password]"))
          .sendKeys(USER);
      browser.findElement(By.cssSelector("form[name=signinForm] button[type=submit]")).click();
      wait.until(
              ExpectedConditions.elementToBeClickable(
                  By.xpath(
                      "//*[contains(@class,'filter')]//*[normalize-space(text())='"
                          + TasklistFilters.MY_GROUP_TASKS
                          + "']")))
          .click();
      // the department's three tasks: the 紧急 complaint's two, then the 一般 one (filed later)
      List<String> urgentTasks = taskIds(urgent);
      List<String> generalTasks = taskIds(general);
      try {
        wait.until(d -> listedTaskIds(d).size() == urgentTasks.size() + generalTasks.size());
      } catch (org.openqa.selenium.TimeoutException e) {
        throw new AssertionError(
            "the department's tasks in "
                + TasklistFilters.MY_GROUP_TASKS
                + "; the page shows: "
                + text(browser),
            e);
      }
      List<String> listed = listedTaskIds(browser);
      assertThat(listed.subList(0, urgentTasks.size()))
          .as("the 紧急 complaint's tasks on top")
          .containsExactlyInAnyOrderElementsOf(urgentTasks);
      assertThat(listed.subList(urgentTasks.size(), listed.size()))
          .as("the 一般 complaint's task below, although newer")
          .containsExactlyElementsOf(generalTasks);
      List<WebElement> items = browser.findElements(By.cssSelector("ol.tasks-list > li.task"));
      assertThat(items.get(0).getText())
          .as("the priority Tasklist shows")
          .contains(String.valueOf(TaskPriority.URGENT));
      assertThat(items.get(items.size() - 1).getText())
          .contains(String.valueOf(TaskPriority.GENERAL));
    } finally {
      browser.quit();
    }
  }

  private void departmentUser() {
    IdentityService identity = engine.getIdentityService();
    if (identity.createUserQuery().userId(USER).count() == 0) {
      User user = identity.newUser(USER);
      user.setPassword(USER);
      user.setFirstName("物流");
      user.setLastName("陈");
      identity.saveUser(user);
      identity.createMembership(USER, DEPARTMENT);
    }
  }

  /**
   * A delivery complaint (routed to logistics) registered as Tasklist's start form would; returns
   * its number.
   */
  private String register(Map<String, Object> facts) {
    Map<String, Object> v = new HashMap<>();
    v.put("complainantName", "刘先生");
    v.put("complainantPhone", "13700006666");
    v.put("contactChannel", "phone");
    v.put("category", "delivery");
    v.put("claim", "尽快处理");
    v.put("amountClaimed", "0");
    v.putAll(facts);
    ProcessInstance complaint =
        engine.getRuntimeService().startProcessInstanceByKey(ProcessKeys.ENTERPRISE_COMPLAINT, v);
    EngineJobs.runMessageJobs(engine.getManagementService(), complaint.getId(), 20);
    assertThat(variable(complaint.getBusinessKey(), "department")).isEqualTo(DEPARTMENT);
    return complaint.getBusinessKey();
  }

  private Object variable(String caseNo, String name) {
    String id =
        engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(caseNo)
            .processDefinitionKey(ProcessKeys.ENTERPRISE_COMPLAINT)
            .singleResult()
            .getId();
    return engine.getRuntimeService().getVariable(id, name);
  }

  /** The task ids in the order Tasklist lists them (each entry links to ?task=<id>). */
  private static List<String> listedTaskIds(WebDriver browser) {
    List<String> ids = new java.util.ArrayList<>();
    for (WebElement link :
        browser.findElements(By.cssSelector("ol.tasks-list > li.task h4.task a"))) {
      String href = String.valueOf(link.getDomAttribute("href"));
      java.util.regex.Matcher m =
          java.util.regex.Pattern.compile("task=([0-9a-f-]+)").matcher(href);
      if (m.find()) {
        ids.add(m.group(1));
      }
    }
    return ids;
  }

  private List<String> taskIds(String caseNo) {
    return engine
        .getTaskService()
        .createTaskQuery()
        .processInstanceBusinessKey(caseNo)
        .list()
        .stream()
        .map(org.camunda.bpm.engine.task.Task::getId)
        .toList();
  }

  private static String text(WebDriver browser) {
    return browser.findElement(By.tagName("body")).getText();
  }
}
