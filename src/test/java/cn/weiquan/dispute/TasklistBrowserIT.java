package cn.weiquan.dispute;

import static cn.weiquan.dispute.DisputeVariables.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.weiquan.support.ApplicationIT;
import cn.weiquan.support.Browser;
import cn.weiquan.support.EngineJobs;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * What a mediator sees, in a real browser: Camunda Tasklist logs them in, the group filter lists
 * the case's task, and the task's Camunda Form renders with its Chinese labels, the case facts
 * filled in and read-only, and the answer fields open. Needs Chromium and its driver ({@link
 * Browser}): without them the test fails.
 */
class TasklistBrowserIT extends ApplicationIT {

  private static final String OFFER = "更换同型号新机并上门安装";

  @Test
  void mediatorOpensTheOfferTask_formShowsChineseLabelsAndTheCaseFactsReadOnly()
      throws IOException {
    Task task = aCaseWaitingForTheConsumersAnswerToAnOffer();
    String caseNo =
        (String) engine.getRuntimeService().getVariable(task.getProcessInstanceId(), CASE_NO);

    WebDriver browser = Browser.chromium();
    try {
      var wait = Browser.waitFor(browser);
      Browser.logIn(browser, baseUrl() + "/camunda/app/tasklist/default/", "mediator", "mediator");

      WebElement groupFilter =
          wait.until(
              ExpectedConditions.elementToBeClickable(
                  By.xpath("//*[contains(@class,'filter')]//*[normalize-space(text())='我组的任务']")));
      groupFilter.click();
      wait.until(
          ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), task.getName()));

      browser.get(baseUrl() + "/camunda/app/tasklist/default/#/?task=" + task.getId());
      WebElement form =
          wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-form")));
      wait.until(d -> inputsWithValue(form, "张小明").size() == 1);

      assertThat(form.getText())
          .as("every label of the form, in Chinese")
          .contains(labels("forms/dispute-offer-answer.form"));
      // the contact block the mediator phones from (README "Access model": mediators read the
      // parties' contact data)
      for (String fact :
          List.of(caseNo, "张小明", "13800000000", "某家电旗舰店", "滚筒洗衣机", "1999.00", OFFER)) {
        List<WebElement> shown = inputsWithValue(form, fact);
        assertThat(shown).as("the case fact %s is shown", fact).hasSize(1);
        assertThat(readOnly(shown.get(0))).as("the case fact %s cannot be edited", fact).isTrue();
      }
      List<WebElement> answers = form.findElements(By.cssSelector("input[type=radio]"));
      assertThat(answers)
          .as("the consumer's answer can be chosen")
          .isNotEmpty()
          .allSatisfy(radio -> assertThat(radio.isEnabled()).isTrue());
      assertThat(form.findElements(By.tagName("textarea")))
          .anySatisfy(comment -> assertThat(readOnly(comment)).isFalse());
    } finally {
      browser.quit();
    }
  }

  private Task aCaseWaitingForTheConsumersAnswerToAnOffer() {
    LocalDate today = LocalDate.now(cn.weiquan.cases.CaseVariables.CHINA);
    Map<String, Object> facts = new HashMap<>(DisputeCases.washingMachineCase());
    facts.put(PAID_AT, today.minusDays(10).toString());
    facts.put(RECEIVED_AT, today.minusDays(8).toString());
    facts.put(HARM_KNOWN_ON, today.minusDays(7).toString());
    facts.remove(CONSUMER_EMAIL);
    facts.remove(MERCHANT_EMAIL);
    facts.remove("mediatorEmail");
    ProcessInstance instance =
        engine.getRuntimeService().startProcessInstanceByKey(PROCESS_KEY, facts);
    EngineJobs.runMessageJobs(engine.getManagementService(), instance.getId(), 20);
    engine
        .getRuntimeService()
        .createMessageCorrelation("MerchantResponse")
        .processInstanceId(instance.getId())
        .setVariable(MERCHANT_ANSWER, "offer")
        .setVariable(MERCHANT_OFFER, OFFER)
        .correlate();
    EngineJobs.runMessageJobs(engine.getManagementService(), instance.getId(), 20);
    return engine
        .getTaskService()
        .createTaskQuery()
        .processInstanceId(instance.getId())
        .taskDefinitionKey("Task_RecordOfferAnswer")
        .singleResult();
  }

  private static List<WebElement> inputsWithValue(WebElement form, String value) {
    List<WebElement> matching = new ArrayList<>();
    for (WebElement field : form.findElements(By.cssSelector("input, textarea"))) {
      if (value.equals(field.getDomProperty("value"))) {
        matching.add(field);
      }
    }
    return matching;
  }

  private static boolean readOnly(WebElement field) {
    return field.getDomAttribute("readonly") != null
        || field.getDomAttribute("disabled") != null
        || !field.isEnabled();
  }

  private static String[] labels(String formFile) throws IOException {
    List<String> labels = new ArrayList<>();
    collectLabels(
        new ObjectMapper().readTree(Path.of(formFile).toFile()).path("components"), labels);
    return labels.toArray(String[]::new);
  }

  private static void collectLabels(JsonNode components, List<String> labels) {
    for (JsonNode component : components) {
      if (component.hasNonNull("label")) {
        labels.add(component.get("label").asText());
      }
      collectLabels(component.path("components"), labels);
    }
  }
}
