package cn.weiquan.intake.dispute;

import static cn.weiquan.intake.dispute.DisputeFields.*;

import cn.weiquan.api.AmountCheck;
import cn.weiquan.api.ApiCaller;
import cn.weiquan.api.ApiException;
import cn.weiquan.api.ApiJson;
import cn.weiquan.dispute.CheckChannelChoice;
import cn.weiquan.intake.CaseAccess;
import cn.weiquan.intake.CaseAccess.Role;
import cn.weiquan.intake.CaseMessages;
import cn.weiquan.intake.CaseStarter;
import cn.weiquan.intake.CaseStatus;
import cn.weiquan.intake.CaseStatusService;
import cn.weiquan.intake.EvidenceStore;
import cn.weiquan.intake.EvidenceStore.Timing;
import cn.weiquan.intake.Filings;
import cn.weiquan.intake.IntakeProperties;
import cn.weiquan.intake.IntakeVariables;
import cn.weiquan.intake.dispute.DisputeAnswers.ConsumerDecisionBody;
import cn.weiquan.intake.dispute.DisputeAnswers.MerchantResponse;
import cn.weiquan.intake.dispute.DisputeAnswers.Withdrawal;
import cn.weiquan.intake.dispute.DisputeCodes.Party;
import cn.weiquan.platform.EngineClock;
import cn.weiquan.platform.WeiquanGroups;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The parties' channel for consumer disputes: file a dispute, read its status, send evidence and
 * answers. Callers are engine users of the api-clients group acting for a party (HTTP Basic, see
 * ApiAuthenticationFilter).
 */
@RestController
@RequestMapping("/api/disputes")
public class DisputeController {

  private final ApiJson json;
  private final CaseStarter starter;
  private final CaseAccess access;
  private final CaseStatusService status;
  private final CaseMessages messages;
  private final EvidenceStore evidence;
  private final IntakeProperties properties;
  private final IdentityService identity;
  private final RuntimeService runtime;

  public DisputeController(
      ApiJson json,
      CaseStarter starter,
      CaseAccess access,
      CaseStatusService status,
      CaseMessages messages,
      EvidenceStore evidence,
      IntakeProperties properties,
      IdentityService identity,
      RuntimeService runtime) {
    this.json = json;
    this.starter = starter;
    this.access = access;
    this.status = status;
    this.messages = messages;
    this.evidence = evidence;
    this.properties = properties;
    this.identity = identity;
    this.runtime = runtime;
  }

  @Operation(
      summary = "File a consumer dispute (starts consumer-dispute)",
      description =
          "201 with the case number and Location; a retry with the same Idempotency-Key (or externalReference) "
              + "answers 200 with the same case.")
  @PostMapping(
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<Filings.Filed> file(
      @RequestBody(content = @Content(schema = @Schema(implementation = DisputeFiling.class)))
          @org.springframework.web.bind.annotation.RequestBody
          byte[] body,
      @RequestHeader(name = Filings.IDEMPOTENCY_KEY, required = false) String idempotencyKey,
      ApiCaller caller) {
    CaseAccess.requireApiClient(caller);
    DisputeFiling filing = json.read(body, DisputeFiling.class);
    Map<String, Object> variables = variables(filing, caller);
    String key = Filings.key(idempotencyKey, filing.externalReference());
    CaseStarter.StartedCase started =
        starter.start(PROCESS_KEY, caller, key, Filings.fingerprint(json, filing), variables);
    return Filings.answer("/api/disputes/", started);
  }

  @Operation(
      summary =
          "Where a dispute stands: stage, status, deadlines, steps done, what it waits for, evidence")
  @GetMapping(path = "/{caseNo}", produces = MediaType.APPLICATION_JSON_VALUE)
  public CaseStatus read(@PathVariable String caseNo, ApiCaller caller) {
    return status.status(access.read(PROCESS_KEY, caseNo, caller), ENDPOINTS);
  }

  @Operation(summary = "The merchant answers (MerchantResponse): accept, offer or reject")
  @PostMapping(
      path = "/{caseNo}/merchant-response",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  public CaseStatus merchantResponse(
      @PathVariable String caseNo,
      @org.springframework.web.bind.annotation.RequestBody byte[] body,
      ApiCaller caller) {
    CaseAccess.CaseRef ref = access.act(PROCESS_KEY, caseNo, caller, Role.MERCHANT);
    MerchantResponse answer = json.read(body, MerchantResponse.class);
    if (answer.answer() == DisputeCodes.MerchantAnswer.OFFER
        && (answer.offer() == null || answer.offer().isBlank())) {
      throw ApiException.badRequest(
          "offer",
          "required",
          "答复为 offer（提出方案）时，「offer」为必填项",
          "'offer' is required when the answer is offer");
    }
    Map<String, Object> variables = new HashMap<>();
    variables.put(MERCHANT_ANSWER, answer.answer().code());
    variables.put(MERCHANT_OFFER, answer.offer());
    messages.deliver(ref, MSG_MERCHANT_RESPONSE, variables, ENDPOINTS);
    return status.status(ref, ENDPOINTS);
  }

  /**
   * The boundary event of the channel choice: the message there must name a channel the case may
   * still take.
   */
  private static final String CHANNEL_CHOICE = "Event_ChannelDecisionReceived";

  @Operation(
      summary = "The consumer decides (ConsumerDecision): accept, or escalate to a next channel",
      description =
          "Answers the merchant's offer or the platform's decision (accept / escalate), or chooses the next "
              + "channel when the case waits for it: then nextChannel is required and must be one the case offers "
              + "(409 channel-not-offered names them).")
  @PostMapping(
      path = "/{caseNo}/consumer-decision",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  public CaseStatus consumerDecision(
      @PathVariable String caseNo,
      @org.springframework.web.bind.annotation.RequestBody byte[] body,
      ApiCaller caller) {
    CaseAccess.CaseRef ref = access.act(PROCESS_KEY, caseNo, caller, Role.CLAIMANT);
    ConsumerDecisionBody decision = json.read(body, ConsumerDecisionBody.class);
    if (CHANNEL_CHOICE.equals(messages.waitingAt(ref, MSG_CONSUMER_DECISION))) {
      // the case waits for the next channel: one of those the open-channels decision offered,
      // nothing else
      List<String> offered =
          CheckChannelChoice.offered(runtime.getVariable(ref.processInstanceId(), CHANNEL_OPTIONS));
      if (decision.decision() != DisputeCodes.ConsumerDecision.ESCALATE
          || decision.nextChannel() == null) {
        throw ApiException.badRequest(
                "nextChannel",
                "required",
                "本案正等待您选择维权途径：请以 escalate 提交「nextChannel」，可选：" + String.join("、", offered),
                "the case waits for the next channel: send escalate with nextChannel, one of "
                    + offered)
            .with("offered", offered);
      }
      if (!offered.contains(decision.nextChannel().code())) {
        throw new ApiException(
                HttpStatus.CONFLICT,
                "nextChannel",
                "channel-not-offered",
                "途径「"
                    + decision.nextChannel().code()
                    + "」依法已不可选（本案可选："
                    + String.join("、", offered)
                    + "）",
                "channel '"
                    + decision.nextChannel().code()
                    + "' is not open to this case; open: "
                    + offered)
            .with("offered", offered);
      }
    }
    Map<String, Object> variables = new HashMap<>();
    variables.put(CONSUMER_DECISION, decision.decision().code());
    variables.put(
        NEXT_CHANNEL, decision.nextChannel() == null ? null : decision.nextChannel().code());
    messages.deliver(ref, MSG_CONSUMER_DECISION, variables, ENDPOINTS);
    return status.status(ref, ENDPOINTS);
  }

  @Operation(
      summary = "Report an official decision: regulator, arbitration, court",
      description =
          "By either party or by staff who handle the case (mediators, supervisors). kind picks the message: "
              + "regulator-accepted (authority), regulator-outcome, report-outcome, arbitration-award, enforcement-outcome "
              + "(outcome), judgment (outcome, servedOn: the appeal window counts from it), appeal (appealedBy). "
              + "409 when the case does not wait for that decision.")
  @PostMapping(
      path = "/{caseNo}/official-decisions",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  public CaseStatus officialDecision(
      @PathVariable String caseNo,
      @org.springframework.web.bind.annotation.RequestBody byte[] body,
      ApiCaller caller) {
    CaseAccess.CaseRef ref =
        access.act(PROCESS_KEY, caseNo, caller, Role.CLAIMANT, Role.MERCHANT, Role.STAFF);
    DisputeAnswers.OfficialDecision decision =
        json.read(body, DisputeAnswers.OfficialDecision.class);
    Map<String, Object> variables = new HashMap<>();
    switch (decision.kind()) {
      case REGULATOR_ACCEPTED -> {
        variables.put("regulatorName", decision.authority());
        // the mediation limit counts from acceptance, by the measures in force that day: today
        // unless told otherwise
        variables.put(
            REGULATOR_ACCEPTED_AT,
            EngineClock.startOf(
                decision.acceptedOn() == null ? EngineClock.today() : decision.acceptedOn()));
      }
      case REGULATOR_OUTCOME -> {
        variables.put("regulatorOutcome", required("outcome", decision.outcome()));
        if (decision.resolved() == null) {
          throw ApiException.badRequest(
              "resolved",
              "required",
              "kind 为 regulator-outcome 时，「resolved」（纠纷是否已解决）为必填项",
              "'resolved' is required when kind is regulator-outcome");
        }
        variables.put(REGULATOR_RESOLVED, decision.resolved());
      }
      case REPORT_OUTCOME ->
          variables.put("reportOutcome", required("outcome", decision.outcome()));
      case ARBITRATION_AWARD ->
          variables.put("arbitrationAward", required("outcome", decision.outcome()));
      case ENFORCEMENT_OUTCOME ->
          variables.put("enforcementOutcome", required("outcome", decision.outcome()));
      case JUDGMENT -> {
        variables.put("judgmentSummary", required("outcome", decision.outcome()));
        // the appeal window counts from service: a judgment without the day it was served cannot be
        // dated
        if (decision.servedOn() == null) {
          throw ApiException.badRequest(
              "servedOn",
              "required",
              "kind 为 judgment 时，「servedOn」（判决书送达日）为必填项：上诉期自送达之日起计算",
              "'servedOn' is required when kind is judgment: the appeal window counts from service");
        }
        variables.put(JUDGMENT_SERVED_AT, EngineClock.startOf(decision.servedOn()));
      }
      case APPEAL -> {
        if (decision.appealedBy() == null) {
          throw ApiException.badRequest(
              "appealedBy",
              "required",
              "kind 为 appeal（上诉）时，「appealedBy」为必填项",
              "'appealedBy' is required when kind is appeal");
        }
        variables.put("appealedBy", decision.appealedBy().label());
      }
    }
    messages.deliver(ref, decision.kind().message(), variables, ENDPOINTS);
    return status.status(ref, ENDPOINTS);
  }

  private static String required(String field, String value) {
    if (value == null || value.isBlank()) {
      throw ApiException.badRequest(
          field,
          "required",
          "此类决定须填写「" + field + "」",
          "'" + field + "' is required for this kind of decision");
    }
    return value;
  }

  @Operation(summary = "The consumer withdraws the dispute (Withdraw)")
  @PostMapping(
      path = "/{caseNo}/withdraw",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  public CaseStatus withdraw(
      @PathVariable String caseNo,
      @org.springframework.web.bind.annotation.RequestBody byte[] body,
      ApiCaller caller) {
    CaseAccess.CaseRef ref = access.act(PROCESS_KEY, caseNo, caller, Role.CLAIMANT);
    Withdrawal withdrawal = json.read(body, Withdrawal.class);
    messages.deliver(ref, MSG_WITHDRAW, Map.of(WITHDRAW_REASON, withdrawal.reason()), ENDPOINTS);
    return status.status(ref, ENDPOINTS);
  }

  /**
   * A submission's receipt: 201 when the evidence window took it, 202 when it is kept outside any
   * window.
   */
  public record EvidenceReceipt(
      String caseNo, String evidenceId, String party, String timing, boolean correlated) {}

  @Operation(
      summary = "Send evidence (EvidenceSubmitted): a description and files",
      description =
          "In the evidence window: 201, correlated. After the window closed: 409 naming the instant it closed; "
              + "the evidence is kept on the case as late evidence. Outside any window: 202, kept on the case.")
  @PostMapping(
      path = "/{caseNo}/evidence",
      consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<EvidenceReceipt> evidence(
      @PathVariable String caseNo,
      @RequestParam(name = "description", required = false) String description,
      @RequestParam(name = "from", required = false) String from,
      @RequestParam(name = "files", required = false) List<MultipartFile> files,
      ApiCaller caller) {
    CaseAccess.CaseRef ref = access.act(PROCESS_KEY, caseNo, caller, Role.CLAIMANT, Role.MERCHANT);
    Party party = party(ref, from);
    if (description == null || description.isBlank()) {
      throw ApiException.required("description");
    }
    if (description.length() > 4000) {
      throw ApiException.badRequest(
          "description",
          "too-long",
          "「description」最多 4000 个字符",
          "'description' must have at most 4000 characters");
    }
    List<EvidenceStore.EvidenceFile> contents = Filings.files(files, properties.evidence());

    boolean inWindow = messages.waitsFor(ref, MSG_EVIDENCE_SUBMITTED);
    Date closedAt = inWindow ? null : closedAt(ref);
    Timing timing =
        inWindow ? Timing.IN_TIME : closedAt != null ? Timing.LATE : Timing.OUTSIDE_WINDOW;
    String id =
        evidence.store(
            caseNo,
            ref.processInstanceId(),
            party.code(),
            caller.userId(),
            description,
            contents,
            timing);

    if (inWindow) {
      Map<String, Object> variables = new HashMap<>();
      variables.put(EVIDENCE_FROM, party.code());
      variables.put(EVIDENCE_DESCRIPTION, description);
      variables.put(EVIDENCE_ID, id);
      try {
        messages.deliver(ref, MSG_EVIDENCE_SUBMITTED, variables, ENDPOINTS);
        return ResponseEntity.status(HttpStatus.CREATED)
            .body(new EvidenceReceipt(caseNo, id, party.code(), "in-time", true));
      } catch (ApiException windowClosedMeanwhile) {
        closedAt = closedAt(ref);
        timing = Timing.LATE;
        evidence.markTiming(id, timing);
      }
    }
    if (timing == Timing.LATE) {
      countLate(ref);
      String closed =
          closedAt == null
              ? null
              : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(CaseStatusService.beijing(closedAt));
      throw new ApiException(
              HttpStatus.CONFLICT,
              null,
              "evidence-late",
              "案件 " + caseNo + " 的举证期限已于 " + closed + "（北京时间）届满；本次证据已作为逾期证据保存在案件中",
              "the evidence window of case "
                  + caseNo
                  + " closed at "
                  + closed
                  + " (Beijing time); the evidence is kept on the case as late evidence")
          .with("closedAt", closed)
          .with("evidenceId", id)
          .with("timing", "late");
    }
    return ResponseEntity.status(HttpStatus.ACCEPTED)
        .body(new EvidenceReceipt(caseNo, id, party.code(), "outside-window", false));
  }

  /**
   * The instant the evidence window closed: its legal deadline once passed, else when the case
   * stopped waiting.
   */
  private Date closedAt(CaseAccess.CaseRef ref) {
    Object due = status.lastValue(ref.processInstanceId(), EVIDENCE_DUE);
    Date now = EngineClock.now();
    if (due instanceof Date deadline && !now.before(deadline)) {
      return deadline;
    }
    Date stoppedWaiting = messages.lastClosed(ref, MSG_EVIDENCE_SUBMITTED);
    if (stoppedWaiting != null) {
      return stoppedWaiting;
    }
    if (ref.ended()) {
      return status.endedAt(ref.processInstanceId());
    }
    return null;
  }

  private void countLate(CaseAccess.CaseRef ref) {
    if (ref.ended()) {
      return;
    }
    try {
      Object count =
          runtime.getVariable(ref.processInstanceId(), IntakeVariables.LATE_EVIDENCE_COUNT);
      runtime.setVariable(
          ref.processInstanceId(),
          IntakeVariables.LATE_EVIDENCE_COUNT,
          count instanceof Integer n ? n + 1 : 1);
    } catch (RuntimeException endedMeanwhile) {
      // the evidence table keeps it either way
    }
  }

  private static Party party(CaseAccess.CaseRef ref, String from) {
    if (from == null || from.isBlank()) {
      return ref.is(Role.CLAIMANT) ? Party.CONSUMER : Party.MERCHANT;
    }
    Party party =
        switch (from) {
          case "consumer" -> Party.CONSUMER;
          case "merchant" -> Party.MERCHANT;
          default ->
              throw ApiException.badRequest(
                  "from",
                  "one-of",
                  "「from」须为以下之一：consumer、merchant",
                  "'from' must be one of [consumer, merchant]");
        };
    if (party == Party.CONSUMER ? !ref.is(Role.CLAIMANT) : !ref.is(Role.MERCHANT)) {
      throw new ApiException(
          HttpStatus.FORBIDDEN,
          "from",
          "not-your-party",
          "您不代表本案的" + (party == Party.CONSUMER ? "消费者" : "经营者"),
          "the caller does not act for the " + from + " of this case");
    }
    return party;
  }

  /**
   * The process variables a filing starts the case with (also used by the benchmark's in-process
   * starts).
   */
  public Map<String, Object> variables(DisputeFiling f, ApiCaller caller) {
    var purchase = f.purchase();
    Map<String, Object> v = new HashMap<>();
    v.put(CONSUMER_NAME, f.consumer().name());
    v.put(CONSUMER_PHONE, f.consumer().phone());
    v.put(CONSUMER_EMAIL, f.consumer().email());
    v.put(MERCHANT_NAME, f.merchant().name());
    v.put(MERCHANT_EMAIL, f.merchant().email());
    v.put(PLATFORM, f.merchant().platform() == null ? null : f.merchant().platform().code());
    v.put(SHOP_ID, f.merchant().shopId());
    v.put(PURCHASE_CHANNEL, purchase.channel().code());
    v.put(ITEM_NAME, purchase.item());
    v.put(PRICE, AmountCheck.yuan(purchase.price()).toPlainString());
    v.put(QUANTITY, purchase.quantity());
    v.put(PAID_AT, EngineClock.startOf(purchase.paidAt()));
    v.put(RECEIVED_AT, EngineClock.startOf(purchase.receivedAt()));
    if (purchase.receivedAt() != null
        && purchase.receivedAt().isBefore(purchase.paidAt().minusYears(1))) {
      throw ApiException.badRequest(
          "purchase.receivedAt",
          "before-payment",
          "「purchase.receivedAt」早于付款日一年以上",
          "'purchase.receivedAt' lies more than a year before paidAt");
    }
    v.put(CATEGORY, f.category().code());
    v.put(DESCRIPTION, f.description());
    v.put(CLAIM_REFUND, Boolean.TRUE.equals(f.claims().refund()));
    v.put(CLAIM_REPLACE, Boolean.TRUE.equals(f.claims().replace()));
    v.put(CLAIM_REPAIR, Boolean.TRUE.equals(f.claims().repair()));
    BigDecimal compensation = AmountCheck.yuan(f.claims().compensation());
    v.put(
        CLAIM_AMOUNT,
        (compensation == null ? BigDecimal.ZERO.setScale(2) : compensation).toPlainString());
    v.put(HARM_KNOWN_ON, EngineClock.startOf(f.harmKnownOn()));
    v.put(ARBITRATION_AGREEMENT, Boolean.TRUE.equals(f.arbitrationAgreement()));
    boolean report = Boolean.TRUE.equals(f.reportViolation());
    v.put(REPORT_VIOLATION, report);
    if (report && f.reporter() == null) {
      throw ApiException.badRequest(
          "reporter",
          "required",
          "举报违法行为（reportViolation 为 true）时，「reporter」为必填项",
          "'reporter' is required when reportViolation is true");
    }
    if (f.reporter() != null) {
      v.put(REPORTER_NAME, f.reporter().name());
      v.put(REPORTER_PHONE, f.reporter().phone());
      v.put(REPORTER_EMAIL, f.reporter().email());
    }
    if (f.evidence() != null && !f.evidence().isEmpty()) {
      v.put(IntakeVariables.EVIDENCE_REFERENCES, String.join("\n", f.evidence()));
    }
    v.put(IntakeVariables.EXTERNAL_REFERENCE, f.externalReference());
    v.put(IntakeVariables.FILED_BY, caller.userId());
    v.put(IntakeVariables.REGISTERED_BY, caller.userId());
    String merchantUser = merchantUser(f.merchant());
    if (merchantUser != null) {
      v.put(IntakeVariables.MERCHANT_USER, merchantUser);
    }
    return v;
  }

  private String merchantUser(DisputeFiling.Merchant merchant) {
    String user = merchant.apiUser();
    if (user == null && merchant.shopId() != null) {
      user = properties.merchantUsers().get(merchant.shopId());
    }
    if (user != null
        && identity.createUserQuery().userId(user).memberOfGroup(WeiquanGroups.API_CLIENTS).count()
            == 0) {
      throw ApiException.badRequest(
          "merchant.apiUser",
          "unknown-client",
          "「merchant.apiUser」不是维权平台的接口客户端",
          "'merchant.apiUser' names no Weiquan api client");
    }
    return user;
  }
}
