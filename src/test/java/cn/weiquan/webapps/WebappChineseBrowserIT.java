package cn.weiquan.webapps;

import static cn.weiquan.platform.WeiquanGroups.COMPLAINT_HANDLERS;
import static cn.weiquan.platform.WeiquanGroups.MEDIATORS;
import static cn.weiquan.platform.WeiquanGroups.SUPERVISORS;
import static org.assertj.core.api.Assertions.assertThat;

import cn.weiquan.support.ApplicationIT;
import cn.weiquan.support.Browser;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * What mediators, complaint handlers, supervisors and analysts see around the forms, in a real
 * browser whose language is English: Tasklist, Cockpit, Admin and the welcome page speak Chinese
 * (our locales/zh.json), without the Camunda 8 migration banner, and English stays one click away
 * in the header's language menu.
 */
class WebappChineseBrowserIT extends ApplicationIT {

  private static final String ENGLISH_BROWSER = "en-US";

  /** Camunda's English for what every page around the forms shows; none of it may remain. */
  private static final List<String> ENGLISH =
      List.of(
          "Keyboard Shortcuts",
          "Create task",
          "Start process",
          "Claim",
          "Complete",
          "Save",
          "Due",
          "Created",
          "Follow-up",
          "Set follow-up date",
          "Form",
          "History",
          "Diagram",
          "Description",
          "Add Comment",
          "No task matching filters found",
          "Filters",
          "Dashboard",
          "Processes",
          "Decisions",
          "Deployments",
          "Human Tasks",
          "Running Process Instances",
          "Open Incidents",
          "Deployed",
          "Users",
          "Groups",
          "Tenants",
          "Authorizations",
          "Applications",
          "My profile",
          "Log out",
          "Sign out",
          "Welcome",
          "Powered by",
          "Date and Time displayed",
          "migrate to Camunda 8");

  private static final Map<String, String> TASKLIST_USERS =
      Map.of(
          "mediator",
          MEDIATORS,
          "handler",
          COMPLAINT_HANDLERS,
          "engineer",
          "dept-engineering",
          "supervisor",
          SUPERVISORS);

  private final List<String> tasks = new ArrayList<>();

  @AfterEach
  void deleteTasks() {
    tasks.forEach(id -> engine.getTaskService().deleteTask(id, true));
  }

  @ParameterizedTest
  @ValueSource(strings = {"mediator", "handler", "engineer", "supervisor"})
  void tasklist_startPageAndTask_inChineseForAnEnglishBrowser(String user) {
    task("回访投诉人", user, null);
    String open = task("核实证据", null, TASKLIST_USERS.get(user));

    WebDriver browser = Browser.chromium(ENGLISH_BROWSER);
    try {
      Browser.logIn(browser, tasklist(), user, user);
      waitForText(browser, "回访投诉人");
      waitForText(browser, "4天后");
      assertChinese(browser, "键盘快捷键", "发起流程", "新建任务", "我的任务", "创建时间", "到期", "创建");

      browser.get(tasklist() + "#/?task=" + open);
      waitForText(browser, "核实证据");
      waitForText(browser, "认领");
      assertChinese(browser, "设置跟进日期", "表单", "历史", "流程图", "描述", "完成");
    } finally {
      browser.quit();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"analyst", "supervisor"})
  void cockpit_dashboardAndProcesses_inChineseForAnEnglishBrowser(String user) {
    WebDriver browser = Browser.chromium(ENGLISH_BROWSER);
    try {
      Browser.logIn(browser, app("cockpit"), user, user);
      waitForText(browser, "运行中的流程实例");
      assertChinese(browser, "流程", "决策", "未解决的异常事件", "已部署", "流程定义", "决策定义", "部署");

      browser.get(app("cockpit") + "#/processes");
      waitForText(browser, "消费纠纷维权");
      assertChinese(browser, "仪表盘", "个流程定义已部署", "运行中的实例");
    } finally {
      browser.quit();
    }
  }

  @Test
  void adminAndWelcomePage_inChineseForAnEnglishBrowser() {
    WebDriver browser = Browser.chromium(ENGLISH_BROWSER);
    try {
      Browser.logIn(browser, app("admin"), "demo", "demo");
      waitForText(browser, "新建用户");
      assertChinese(browser, "维权 系统管理", "用户", "组", "租户", "授权", "系统", "用户列表");

      browser.get(app("welcome"));
      waitForText(browser, "编辑个人资料");
      assertChinese(browser, "维权 首页", "应用", "任务列表", "流程监控", "系统管理", "个人资料");
    } finally {
      browser.quit();
    }
  }

  @Test
  void chineseBrowser_startsInChinese_andSwitchesToEnglishAndBackInTheLanguageMenu() {
    WebDriver browser = Browser.chromium("zh-CN");
    try {
      Browser.logIn(browser, tasklist(), "mediator", "mediator");
      waitForText(browser, "发起流程");

      languageMenu(browser, "English").click();
      waitForText(browser, "Start process");
      assertThat(visibleText(browser)).contains("Keyboard Shortcuts", "Create task");

      browser.get(tasklist());
      waitForText(browser, "Start process"); // the choice is kept
      languageMenu(browser, "中文").click();
      waitForText(browser, "发起流程");
      assertChinese(browser, "键盘快捷键", "新建任务");
    } finally {
      browser.quit();
    }
  }

  @Test
  void dueDatePicker_chineseMonthAndDays_weekStartsOnMonday() {
    String own = task("回访投诉人", "mediator", null);
    WebDriver browser = Browser.chromium(ENGLISH_BROWSER);
    try {
      Browser.logIn(browser, tasklist(), "mediator", "mediator");
      waitForText(browser, "回访投诉人");
      browser.get(tasklist() + "#/?task=" + own);
      Browser.waitFor(browser)
          .until(ExpectedConditions.elementToBeClickable(By.cssSelector(".meta .due-date")))
          .click();

      WebElement picker =
          Browser.waitFor(browser)
              .until(
                  ExpectedConditions.visibilityOfElementLocated(
                      By.cssSelector("[uib-datepicker] table")));
      List<String> days =
          picker.findElements(By.cssSelector("thead tr:last-child th small")).stream()
              .map(WebElement::getText)
              .filter(day -> !day.isBlank())
              .toList();
      assertThat(days).containsExactly("周一", "周二", "周三", "周四", "周五", "周六", "周日");
      assertThat(picker.findElement(By.cssSelector("thead button.uib-title")).getText())
          .matches("\\d{4}年\\d{1,2}月");
    } finally {
      browser.quit();
    }
  }

  /**
   * The visible page has the Chinese words, no English UI words even in closed menus, and no
   * migration banner.
   */
  private static void assertChinese(WebDriver browser, String... chinese) {
    assertThat(visibleText(browser)).contains(chinese);
    String allText =
        (String)
            ((JavascriptExecutor) browser)
                .executeScript(
                    "const page = document.body.cloneNode(true);"
                        + "page.querySelectorAll('script, style').forEach(e => e.remove());"
                        + "return page.textContent;");
    assertThat(allText).as("the sign-out entry of the (closed) account menu").contains("退出登录");
    for (String english : ENGLISH) {
      assertThat(
              Pattern.compile("(?<![A-Za-z])" + Pattern.quote(english) + "(?![A-Za-z])")
                  .matcher(allText)
                  .find())
          .as("'%s' on %s", english, browser.getCurrentUrl())
          .isFalse();
    }
    assertThat(browser.findElements(By.cssSelector(".ce-eol-banner")))
        .as("the Camunda 8 migration banner")
        .noneMatch(WebElement::isDisplayed);
  }

  private static String visibleText(WebDriver browser) {
    return browser.findElement(By.tagName("body")).getText();
  }

  private static void waitForText(WebDriver browser, String text) {
    Browser.waitFor(browser)
        .until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), text));
  }

  private static WebElement languageMenu(WebDriver browser, String label) {
    WebElement link =
        Browser.waitFor(browser)
            .until(
                ExpectedConditions.elementToBeClickable(
                    By.cssSelector("[cam-widget-header] .weiquan-language a")));
    assertThat(link.getText()).isEqualTo(label);
    return link;
  }

  /** A task due in 4 days, created now: for {@code assignee} or open to {@code candidateGroup}. */
  private String task(String name, String assignee, String candidateGroup) {
    TaskService taskService = engine.getTaskService();
    Task task = taskService.newTask();
    task.setName(name);
    task.setAssignee(assignee);
    task.setDueDate(Date.from(Instant.now().plus(Duration.ofDays(4))));
    taskService.saveTask(task);
    if (candidateGroup != null) {
      taskService.addCandidateGroup(task.getId(), candidateGroup);
    }
    tasks.add(task.getId());
    return task.getId();
  }

  private String tasklist() {
    return app("tasklist");
  }

  private String app(String name) {
    return baseUrl() + "/camunda/app/" + name + "/default/";
  }
}
