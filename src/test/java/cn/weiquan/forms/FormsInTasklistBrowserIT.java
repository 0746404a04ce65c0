package cn.weiquan.forms;

import static org.assertj.core.api.Assertions.assertThat;

import cn.weiquan.calendar.ChineseDates;
import cn.weiquan.cases.CaseVariables;
import cn.weiquan.support.ApplicationIT;
import cn.weiquan.support.Browser;
import cn.weiquan.support.EngineJobs;
import cn.weiquan.support.ProjectFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Every Camunda Form of forms/, opened in Tasklist in a real browser by the person who works it, on
 * real cases driven to each user task through the engine: its Chinese labels show, a read-only
 * field shows words and Chinese days (no code, no ISO timestamp), a deadline shows the text of the
 * mails, and a wrong input (a required field left empty, a phone, e-mail or amount that does not
 * fit) is answered in Chinese without a regular expression. One browser per role.
 */
@org.junit.jupiter.api.TestMethodOrder(
    org.junit.jupiter.api.MethodOrderer.MethodName.class) // zz_… last
class FormsInTasklistBrowserIT extends ApplicationIT {
  private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern RAW_CODE =
      Pattern.compile(
          "[a-z][a-z0-9]*(-[a-z0-9]+)+|accept|offer|reject|escalate|taobao|tmall|jd|pdd|"
              + "other|none|company|customer|phone|email|platform|association|regulator|arbitration|court|performed|applied|true|false");
  private static final Pattern LEGAL_DAY =
      Pattern.compile("\\d{4}年\\d{1,2}月\\d{1,2}日（星期[一二三四五六日]）\\d{2}:\\d{2}（北京时间）");
  private static final Pattern CJK = Pattern.compile("\\p{IsHan}");
  private static final Map<String, WebDriver> BROWSERS = new LinkedHashMap<>();

  /** Forms opened by this class: at the end, every form of forms/ must be among them. */
  private static final Set<String> OPENED = new TreeSet<>();

  @AfterAll
  static void quitBrowsers() {
    BROWSERS.values().forEach(WebDriver::quit);
    BROWSERS.clear();
  }

  @Test
  void disputeForms_negotiationPlatformAndChannelChoice_showWordsAndLegalDays() throws Exception {
    String offered = startDispute();
    correlate(
        offered,
        "MerchantResponse",
        Map.of("merchantAnswer", "offer", "merchantOffer", "更换同型号新机并上门安装"));
    opens("mediator", offered, "Task_RecordOfferAnswer", "dispute-offer-answer");

    String accepted = startDispute();
    correlate(accepted, "MerchantResponse", Map.of("merchantAnswer", "accept"));
    opens("mediator", accepted, "Task_ConfirmSettlement", "dispute-confirm-settlement");

    String refused = startDispute();
    correlate(refused, "MerchantResponse", Map.of("merchantAnswer", "reject"));
    opens("mediator", refused, "Task_RecordChannelChoice", "dispute-choose-channel");
    WebElement answer = browser("mediator").findElement(By.cssSelector(".fjs-form"));
    assertThat(answer.getText()).as("the merchant's answer as its word").contains("拒绝");

    complete(
        refused,
        "Task_RecordChannelChoice",
        Map.of("nextChannel", "platform", "channelNote", "消费者选择平台介入"));
    for (String party : List.of("consumer", "merchant")) {
      correlate(
          refused,
          "EvidenceSubmitted",
          Map.of("evidenceFrom", party, "evidenceDescription", "聊天记录与照片"));
    }
    opens("reviewer", refused, "Task_PlatformReview", "dispute-platform-review");
    assertThat(browser("reviewer").findElement(By.cssSelector(".fjs-form")).getText())
        .as("the platform as its name")
        .contains("淘宝");
    complete(
        refused,
        "Task_PlatformReview",
        Map.of("platformViolation", "late-shipment", "platformDecision", "卖家未在承诺时间内发货，投诉成立"));
    opens(
        "mediator",
        refused,
        "Task_RecordPlatformDecisionAnswer",
        "dispute-platform-decision-answer");
  }

  @Test
  void disputeForms_association_fromAcceptanceToFulfilment_andAnAmountThatDoesNotFit()
      throws Exception {
    String caseNo = toChannel("association");
    opens("mediator", caseNo, "Task_ReviewAcceptance", "dispute-association-acceptance");
    complete(caseNo, "Task_ReviewAcceptance", Map.of("mediationAccepted", true));
    opens("mediator", caseNo, "Task_ConductMediationSession", "dispute-mediation-session");
    datePickerIsChinese(browser("mediator"));
    complete(
        caseNo,
        "Task_ConductMediationSession",
        Map.of(
            "sessionDate",
            today().toString(),
            "sessionSummary",
            "双方陈述意见",
            "sessionOutcome",
            "testing"));
    opens("mediator", caseNo, "Task_RecordTestingPause", "dispute-testing-pause");
    complete(
        caseNo,
        "Task_RecordTestingPause",
        Map.of(
            "pausedFrom",
            today().toString(),
            "pausedTo",
            today().plusDays(3).toString(),
            "testingInstitution",
            "国家家用电器质量检验检测中心"));
    complete(
        caseNo,
        "Task_ConductMediationSession",
        Map.of(
            "sessionDate",
            today().toString(),
            "sessionSummary",
            "达成一致",
            "sessionOutcome",
            "agreement"));
    opens("mediator", caseNo, "Task_DraftAgreement", "dispute-draft-agreement");
    WebDriver mediator = browser("mediator");
    typeInto(mediator, "dispute-draft-agreement", "agreementAmount", "12.345");
    assertThat(errorsShown(mediator))
        .as("the amount's pattern, as a sentence")
        .anySatisfy(e -> assertThat(e).contains("金额"));
    complete(
        caseNo,
        "Task_DraftAgreement",
        Map.of("agreementText", "经营者退货退款1999.00元", "agreementAmount", "1999.00"));
    opens("mediator", caseNo, "Task_ConfirmAgreement", "dispute-confirm-agreement");
    complete(
        caseNo,
        "Task_ConfirmAgreement",
        Map.of("consumerConfirmed", true, "merchantConfirmed", true));
    opens("mediator", caseNo, "Task_TrackFulfilment", "dispute-track-fulfilment");
  }

  @Test
  void disputeForms_arbitrationAndCourt_toTheEnforcement() throws Exception {
    String arbitration = toChannel("arbitration");
    opens("mediator", arbitration, "Task_FileArbitration", "dispute-file-arbitration");

    String court = toChannel("court");
    opens("mediator", court, "Task_PrepareLitigationPackage", "dispute-litigation-package");
    complete(
        court,
        "Task_PrepareLitigationPackage",
        Map.of("courtName", "杭州互联网法院", "lawsuitFiledOn", today().toString()));
    correlate(
        court,
        "JudgmentReceived",
        Map.of("judgmentServedAt", new Date(), "judgmentSummary", "支持原告全部诉讼请求"));
    // the appeal window lapses: its timer job is executed as the job executor would at its due date
    fireTimer(court, "Timer_AppealWindow");
    opens("mediator", court, "Task_RecordPerformanceDeadline", "dispute-performance-deadline");
    complete(
        court,
        "Task_RecordPerformanceDeadline",
        Map.of("performanceDue", today().plusDays(30).toString()));
    opens("mediator", court, "Task_ApplyForEnforcement", "dispute-apply-enforcement");
  }

  @Test
  void complaintForms_fromAcceptanceToImprovement_theEngineeringDepartmentAndTheSupervisor()
      throws Exception {
    String urgent = startComplaint();
    opens("engineer", urgent, "Task_DispatchEmergency", "complaint-emergency-action");
    opens("engineer", urgent, "Task_AcceptComplaint", "complaint-accept");
    complete(
        urgent,
        "Task_DispatchEmergency",
        Map.of(
            "emergencyMeasures",
            "关闭电梯并设置警示",
            "emergencyDispatchedTo",
            "工程部维修班",
            "emergencyResult",
            "已恢复运行"));
    complete(urgent, "Task_AcceptComplaint", Map.of("firstContactNote", "已致电投诉人"));
    opens("engineer", urgent, "Task_InvestigateComplaint", "complaint-investigate");
    complete(
        urgent,
        "Task_InvestigateComplaint",
        Map.of(
            "contactRecord",
            "与投诉人面谈",
            "verifiedFacts",
            "电梯困人属实",
            "evidence",
            "维保记录",
            "responsibility",
            "company"));
    opens("engineer", urgent, "Task_EmergencyRemedy", "complaint-remedy");
    complete(
        urgent,
        "Task_EmergencyRemedy",
        Map.of("solution", "更换门机板", "apology", "深表歉意", "compensationAmount", "100.00"));
    opens("supervisor", urgent, "Task_ApprovePayout", "complaint-approve-payout");
    complete(urgent, "Task_ApprovePayout", Map.of("payoutDecision", "approve"));
    opens("engineer", urgent, "Task_PhoneResponse", "complaint-phone-response");
    complete(urgent, "Task_PhoneResponse", Map.of("phoneOutcome", "已告知处理结果"));
    fireTimer(urgent, "Timer_FollowUpVisit");
    opens("engineer", urgent, "Task_FollowUpVisit", "complaint-visit");
    complete(urgent, "Task_FollowUpVisit", Map.of("satisfaction", 5, "visitComments", "满意"));
    opens("engineer", urgent, "Task_RecordImprovement", "complaint-improve");

    String raised = startComplaint();
    complete(
        raised,
        "Task_DispatchEmergency",
        Map.of(
            "emergencyMeasures", "停梯检查", "emergencyDispatchedTo", "维修班", "emergencyResult", "已处理"));
    complete(
        raised,
        "Task_AcceptComplaint",
        Map.of(
            "firstContactNote",
            "已回电",
            "severityOverride",
            "important",
            "severityOverrideReason",
            "同一电梯一周内第三次故障"));
    assertThat(
            engine
                .getRuntimeService()
                .createProcessInstanceQuery()
                .processInstanceBusinessKey(raised)
                .singleResult())
        .extracting(p -> engine.getRuntimeService().getVariable(p.getId(), "severity"))
        .as("the code's level")
        .isEqualTo("重要");
    complete(
        raised,
        "Task_InvestigateComplaint",
        Map.of(
            "contactRecord",
            "面谈",
            "verifiedFacts",
            "属实",
            "evidence",
            "记录",
            "responsibility",
            "company"));
    opens("engineer", raised, "Task_CommitteeReview", "complaint-committee");

    String lowered = startComplaint();
    complete(
        lowered,
        "Task_DispatchEmergency",
        Map.of("emergencyMeasures", "检查", "emergencyDispatchedTo", "维修班", "emergencyResult", "正常"));
    complete(
        lowered,
        "Task_AcceptComplaint",
        Map.of(
            "firstContactNote",
            "已回电",
            "severityOverride",
            "general",
            "severityOverrideReason",
            "电梯运行正常，仅有异响"));
    complete(
        lowered,
        "Task_InvestigateComplaint",
        Map.of(
            "contactRecord",
            "面谈",
            "verifiedFacts",
            "异响",
            "evidence",
            "记录",
            "responsibility",
            "company"));
    opens("engineer", lowered, "Task_NegotiateSolution", "complaint-proposal");

    String late = startComplaint();
    fireTimer(late, "BoundaryEvent_FirstResponseBreached");
    opens("supervisor", late, "Task_SuperviseFirstResponse", "complaint-supervise");
  }

  /**
   * Both start forms: labels, and a phone and an e-mail that do not fit answered in Chinese without
   * the pattern.
   */
  @Test
  void startForms_badPhoneAndEmail_areAnsweredInChineseWithoutAPattern() throws Exception {
    startForm("mediator", "消费纠纷维权", "dispute-register", "consumerPhone", "consumerEmail");
    startForm("engineer", "企业投诉处理", "complaint-register", "complainantPhone", "complainantEmail");
  }

  @Test
  void zz_everyFormOfTheFolder_wasOpened() throws IOException {
    // runs after the others (methods in name order): it proves the list; run alone it only checks
    // there are forms
    Set<String> all = new TreeSet<>();
    try (var files = java.nio.file.Files.list(ProjectFiles.path("forms"))) {
      files
          .filter(f -> f.toString().endsWith(".form"))
          .forEach(f -> all.add(f.getFileName().toString().replace(".form", "")));
    }
    assertThat(all).hasSizeGreaterThanOrEqualTo(26);
    if (OPENED.size() > 2) {
      assertThat(OPENED).as("forms opened in Tasklist").containsExactlyInAnyOrderElementsOf(all);
    }
  }

  // ------------------------------------------------------------------ what a form must show

  private void opens(String user, String caseNo, String taskKey, String formId) throws IOException {
    Task task =
        engine
            .getTaskService()
            .createTaskQuery()
            .processInstanceBusinessKey(caseNo)
            .taskDefinitionKey(taskKey)
            .singleResult();
    assertThat(task).as("open task %s of %s", taskKey, caseNo).isNotNull();
    engine
        .getTaskService()
        .setAssignee(
            task.getId(), user); // claimed: the form is open for input, as when she works it
    Map<String, Object> variables = engine.getTaskService().getVariables(task.getId());
    JsonNode form =
        new ObjectMapper().readTree(ProjectFiles.path("forms/" + formId + ".form").toFile());
    List<JsonNode> fields = new ArrayList<>();
    collect(form.path("components"), fields);

    WebDriver browser = browser(user);
    browser.get(baseUrl() + "/camunda/app/tasklist/default/#/?task=" + task.getId());
    var wait = Browser.waitFor(browser);
    List<String> labels =
        fields.stream()
            .filter(f -> f.has("key") && !f.has("conditional"))
            .map(f -> f.path("label").asText(f.path("dateLabel").asText("")))
            .filter(l -> !l.isBlank())
            .toList();
    wait.withMessage(() -> formId + " shows its labels " + labels + "; shown: " + formText(browser))
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(
            d ->
                labels.stream().allMatch(formText(d)::contains)
                    && !inputsWithValue(d, caseNo).isEmpty());
    OPENED.add(formId);
    // one snapshot of the form, read in the page: form-js may render again while a test reads
    // element by element
    @SuppressWarnings("unchecked")
    Map<String, Object> snapshot =
        (Map<String, Object>)
            ((JavascriptExecutor) browser)
                .executeScript(
                    """
        const form = document.querySelector('.fjs-form');
        return {text: form.innerText, fields: [...form.querySelectorAll('input, textarea')].map(e =>
            ({type: e.type, value: e.value, readOnly: e.readOnly || e.disabled}))};""");
    String text = (String) snapshot.get("text");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> inputs = (List<Map<String, Object>>) snapshot.get("fields");
    List<String> values = inputs.stream().map(i -> String.valueOf(i.get("value"))).toList();
    for (Map<String, Object> input : inputs) {
      if (Boolean.TRUE.equals(input.get("readOnly"))
          && !"radio".equals(input.get("type"))
          && !"checkbox".equals(input.get("type"))) {
        String value = String.valueOf(input.get("value"));
        assertThat(value)
            .as("%s: a read-only value is no ISO date", formId)
            .doesNotContainPattern(ISO_DATE);
        assertThat(value).as("%s: a read-only value is no code", formId).doesNotMatch(RAW_CODE);
      }
    }
    for (JsonNode field : fields) {
      String key = field.path("key").asText();
      Object value = variables.get(key);
      boolean readOnly = field.path("readonly").asBoolean() || field.path("disabled").asBoolean();
      if (readOnly && field.has("values") && value != null) {
        String label = null;
        for (JsonNode option : field.path("values")) {
          if (option.path("value").asText().equals(String.valueOf(value))) {
            label = option.path("label").asText();
          }
        }
        assertThat(label).as("%s: %s=%s has a label", formId, key, value).isNotNull();
        assertThat(text).as("%s: %s shown as its word", formId, key).contains(label);
      }
      if (key.endsWith("DueText")) {
        Object due = variables.get(key.substring(0, key.length() - "Text".length()));
        assertThat(due)
            .as("%s: the case has the deadline of %s", formId, key)
            .isInstanceOf(Date.class);
        String legalDay = ChineseDates.deadline(due);
        assertThat(legalDay).matches(LEGAL_DAY);
        assertThat(values)
            .as("%s: %s shows the mails' text %s", formId, key, legalDay)
            .contains(legalDay);
      }
    }

    if (hasAnEmptyRequiredField(fields, variables)) {
      WebElement complete =
          browser.findElement(By.xpath("//button[@type='submit' and normalize-space(.)='完成']"));
      ((JavascriptExecutor) browser).executeScript("arguments[0].click()", complete);
      List<String> errors = errorsShown(browser);
      assertThat(errors)
          .as("%s: a required field left empty is named in Chinese", formId)
          .isNotEmpty()
          .allSatisfy(FormsInTasklistBrowserIT::isChineseWithoutPattern);
      // Tasklist shows no notice of its own when the form refuses the submit (none appeared within
      // 5 s after any of this class's refused submits, 2026-12-02, so none is waited for): any
      // notice on the page is in Chinese too, and is closed so that it covers nothing afterwards
      List<String> notices = noticesPresent(browser);
      assertThat(notices)
          .as("%s: Tasklist's notices", formId)
          .allSatisfy(
              n -> assertThat(n).containsPattern(CJK).doesNotContain("Field", "error happened"));
      ((JavascriptExecutor) browser)
          .executeScript("document.querySelectorAll('[uib-alert] .close').forEach(b => b.click())");
      assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).count())
          .as("%s: not completed", formId)
          .isOne();
    }
  }

  private void startForm(
      String user, String processName, String formId, String phoneKey, String emailKey)
      throws IOException {
    WebDriver browser = browser(user);
    var wait = Browser.waitFor(browser);
    browser.get(baseUrl() + "/camunda/app/tasklist/default/#/");
    wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//a[normalize-space(.)='发起流程']")))
        .click();
    wait.until(
            ExpectedConditions.elementToBeClickable(
                By.xpath(
                    "//*[contains(@class,'modal')]//a[normalize-space(.)='" + processName + "']")))
        .click();
    JsonNode form =
        new ObjectMapper().readTree(ProjectFiles.path("forms/" + formId + ".form").toFile());
    List<JsonNode> fields = new ArrayList<>();
    collect(form.path("components"), fields);
    List<String> labels =
        fields.stream()
            .filter(f -> f.has("key") && !f.has("conditional"))
            .map(f -> f.path("label").asText(f.path("dateLabel").asText("")))
            .filter(l -> !l.isBlank())
            .toList();
    wait.withMessage(() -> formId + " shows its labels " + labels + "; shown: " + formText(browser))
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(d -> labels.stream().allMatch(formText(d)::contains));
    OPENED.add(formId);
    typeInto(browser, formId, phoneKey, "12ab");
    typeInto(browser, formId, emailKey, "x@");
    List<String> errors = errorsShown(browser);
    assertThat(errors)
        .as("%s: phone and e-mail errors", formId)
        .anySatisfy(e -> assertThat(e).contains("电话号码"))
        .anySatisfy(e -> assertThat(e).contains("电子邮箱"))
        .allSatisfy(FormsInTasklistBrowserIT::isChineseWithoutPattern);
    browser.get("about:blank"); // leaves the start dialog: the next page is loaded afresh
  }

  /** The texts of the Tasklist notifications on the page now. */
  private static List<String> noticesPresent(WebDriver browser) {
    return browser.findElements(By.cssSelector("[uib-alert]")).stream()
        .map(WebElement::getText)
        .filter(t -> !t.isBlank())
        .toList();
  }

  private static void isChineseWithoutPattern(String error) {
    assertThat(error).containsPattern(CJK).doesNotContain("Field", "^", "$", "{", "\\", "[0-9");
  }

  private static boolean hasAnEmptyRequiredField(
      List<JsonNode> fields, Map<String, Object> variables) {
    return fields.stream()
        .anyMatch(
            f ->
                f.path("validate").path("required").asBoolean()
                    && !f.has("conditional")
                    && !f.path("readonly").asBoolean()
                    && !f.path("disabled").asBoolean()
                    && variables.get(f.path("key").asText()) == null);
  }

  private static List<String> errorsShown(WebDriver browser) {
    Browser.waitFor(browser)
        .until(
            ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".fjs-form-field-error li")));
    // the translation runs on the page's next mutation callback: wait until no English message is
    // left
    Browser.waitFor(browser)
        .until(
            d ->
                d.findElements(By.cssSelector(".fjs-form-field-error li")).stream()
                    .noneMatch(e -> e.getText().startsWith("Field")));
    return browser.findElements(By.cssSelector(".fjs-form-field-error li")).stream()
        .map(WebElement::getText)
        .filter(t -> !t.isBlank())
        .toList();
  }

  /** Types into the field of {@code key} (form-js names its input fjs-form-…-<component id>). */
  private static void typeInto(WebDriver browser, String formId, String key, String text)
      throws IOException {
    JsonNode form =
        new ObjectMapper().readTree(ProjectFiles.path("forms/" + formId + ".form").toFile());
    List<JsonNode> fields = new ArrayList<>();
    collect(form.path("components"), fields);
    String id =
        fields.stream()
            .filter(f -> key.equals(f.path("key").asText()))
            .findFirst()
            .orElseThrow()
            .path("id")
            .asText();
    WebElement input = browser.findElement(By.cssSelector(".fjs-form input[id$='-" + id + "']"));
    input.clear();
    input.sendKeys(text, Keys.TAB);
  }

  /** form-js's date picker (flatpickr) with Chinese weekdays, Monday first. */
  private static void datePickerIsChinese(WebDriver browser) {
    WebElement date =
        browser.findElement(By.cssSelector(".fjs-form .fjs-form-field-datetime input"));
    ((JavascriptExecutor) browser)
        .executeScript("arguments[0]._flatpickr && arguments[0]._flatpickr.open()", date);
    List<WebElement> weekdays =
        Browser.waitFor(browser)
            .until(
                d -> {
                  // present before it is shown: getText() is empty until the calendar is visible
                  List<WebElement> shown =
                      d.findElements(By.cssSelector(".flatpickr-calendar.open .flatpickr-weekday"));
                  return shown.isEmpty() || shown.get(0).getText().isBlank() ? null : shown;
                });
    assertThat(weekdays.get(0).getText()).as("Monday first, in Chinese").isEqualTo("一");
    ((JavascriptExecutor) browser)
        .executeScript("arguments[0]._flatpickr && arguments[0]._flatpickr.close()", date);
  }

  private static String formText(WebDriver browser) {
    List<WebElement> forms = browser.findElements(By.cssSelector(".fjs-form"));
    return forms.isEmpty() ? "" : forms.get(0).getText();
  }

  private static List<WebElement> inputsWithValue(WebDriver browser, String value) {
    List<WebElement> matching = new ArrayList<>();
    for (WebElement field :
        browser.findElements(By.cssSelector(".fjs-form input, .fjs-form textarea"))) {
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

  private static void collect(JsonNode components, List<JsonNode> fields) {
    for (JsonNode component : components) {
      fields.add(component);
      collect(component.path("components"), fields);
    }
  }

  private WebDriver browser(String user) {
    return BROWSERS.computeIfAbsent(
        user,
        u -> {
          WebDriver browser = Browser.chromium();
          try {
            Browser.logIn(browser, baseUrl() + "/camunda/app/tasklist/default/", u, u);
          } catch (org.openqa.selenium.TimeoutException coldStart) {
            // the application's first page after start can take longer than a wait on a loaded
            // machine: once more
            Browser.logIn(browser, baseUrl() + "/camunda/app/tasklist/default/", u, u);
          }
          Browser.waitFor(browser)
              .until(
                  ExpectedConditions.visibilityOfElementLocated(
                      By.cssSelector("[cam-widget-header]")));
          return browser;
        });
  }

  // ------------------------------------------------------------------ cases, driven through the
  // engine

  private static LocalDate today() {
    return LocalDate.now(CaseVariables.CHINA);
  }

  /**
   * A washing machine bought on Taobao that leaks; the parties agreed on arbitration. No e-mail:
   * mails are not the point.
   */
  private String startDispute() {
    return startDispute(true);
  }

  /** The same; with an arbitration agreement the courts are not open to the case (仲裁法 Art. 5). */
  private String startDispute(boolean arbitrationAgreement) {
    Map<String, Object> facts = new HashMap<>();
    facts.put("consumerName", "张小明");
    facts.put("consumerPhone", "13800000000");
    facts.put("merchantName", "某家电旗舰店");
    facts.put("purchaseChannel", "online-platform");
    facts.put("platform", "taobao");
    facts.put("shopId", "shop-1024");
    facts.put("itemName", "滚筒洗衣机");
    facts.put("price", "1999.00");
    facts.put("quantity", 1);
    facts.put("paidAt", today().minusDays(10).toString());
    facts.put("receivedAt", today().minusDays(8).toString());
    facts.put("harmKnownOn", today().minusDays(7).toString());
    facts.put("category", "quality");
    facts.put("description", "洗衣机漏水严重，商家拒绝退换。");
    facts.put("claimRefund", true);
    facts.put("claimAmount", "0.00");
    facts.put("arbitrationAgreement", arbitrationAgreement);
    facts.put("reportViolation", false);
    ProcessInstance instance =
        engine.getRuntimeService().startProcessInstanceByKey("consumer-dispute", facts);
    EngineJobs.runMessageJobs(engine.getManagementService(), null, 50);
    return (String)
        engine
            .getHistoryService()
            .createHistoricVariableInstanceQuery()
            .processInstanceId(instance.getId())
            .variableName("caseNo")
            .singleResult()
            .getValue();
  }

  private String toChannel(String channel) {
    String caseNo = startDispute(!channel.equals("court"));
    correlate(caseNo, "MerchantResponse", Map.of("merchantAnswer", "reject"));
    complete(
        caseNo,
        "Task_RecordChannelChoice",
        Map.of("nextChannel", channel, "channelNote", "消费者选择" + channel));
    return caseNo;
  }

  /**
   * A lift that stopped between floors: 紧急, the engineering department; the complainant has no
   * e-mail (answered by phone).
   */
  private String startComplaint() {
    ProcessInstance instance =
        engine
            .getRuntimeService()
            .startProcessInstanceByKey(
                "enterprise-complaint",
                Map.of(
                    "complainantName",
                    "王女士",
                    "complainantPhone",
                    "13812345678",
                    "contactChannel",
                    "phone",
                    "category",
                    "lift-failure",
                    "description",
                    "3 栋电梯停在两层之间",
                    "claim",
                    "立即维修",
                    "amountClaimed",
                    "0.00",
                    "occurredOn",
                    today().toString()));
    EngineJobs.runMessageJobs(engine.getManagementService(), null, 50);
    return instance.getBusinessKey();
  }

  private void correlate(String caseNo, String message, Map<String, Object> variables) {
    engine
        .getRuntimeService()
        .createMessageCorrelation(message)
        .processInstanceBusinessKey(caseNo)
        .setVariables(Variables.fromMap(variables))
        .correlateWithResult();
    EngineJobs.runMessageJobs(engine.getManagementService(), null, 50);
  }

  private void complete(String caseNo, String taskKey, Map<String, Object> variables) {
    Task task =
        engine
            .getTaskService()
            .createTaskQuery()
            .processInstanceBusinessKey(caseNo)
            .taskDefinitionKey(taskKey)
            .singleResult();
    assertThat(task).as("open task %s of %s", taskKey, caseNo).isNotNull();
    engine.getFormService().submitTaskForm(task.getId(), variables);
    EngineJobs.runMessageJobs(engine.getManagementService(), null, 50);
  }

  /** Executes the timer job as the job executor would at its due date. */
  private void fireTimer(String caseNo, String activityId) {
    org.camunda.bpm.engine.runtime.Job timer = null;
    for (ProcessInstance instance :
        engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(caseNo)
            .list()) {
      var found =
          engine
              .getManagementService()
              .createJobQuery()
              .processInstanceId(instance.getId())
              .timers()
              .activityId(activityId)
              .singleResult();
      timer = found == null ? timer : found;
    }
    assertThat(timer).as("timer %s of %s", activityId, caseNo).isNotNull();
    engine.getManagementService().executeJob(timer.getId());
    EngineJobs.runMessageJobs(engine.getManagementService(), null, 50);
  }
}
