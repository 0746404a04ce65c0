package cn.weiquan.intake.complaint;

import cn.weiquan.api.AmountCheck;
import cn.weiquan.api.ApiCaller;
import cn.weiquan.api.ApiJson;
import cn.weiquan.intake.CaseAccess;
import cn.weiquan.intake.CaseStarter;
import cn.weiquan.intake.CaseStatus;
import cn.weiquan.intake.CaseStatusService;
import cn.weiquan.intake.Filings;
import cn.weiquan.intake.IntakeVariables;
import cn.weiquan.platform.ProcessKeys;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The parties' channel for enterprise complaints: file one (starts enterprise-complaint) and read
 * its status.
 */
@RestController
@RequestMapping("/api/complaints")
public class ComplaintController {
  static final String PROCESS_KEY = ProcessKeys.ENTERPRISE_COMPLAINT;
  // enterprise-complaint's start variables (helper-contracts.md, complaint-register)
  static final String COMPLAINANT_NAME = "complainantName";
  static final String COMPLAINANT_PHONE = "complainantPhone";
  static final String COMPLAINANT_EMAIL = "complainantEmail";
  static final String CONTACT_CHANNEL = "contactChannel";
  static final String TRANSFER_NO = "transferNo";
  static final String OCCURRED_ON = "occurredOn";
  static final String LOCATION = "location";
  static final String CATEGORY = "category";
  static final String DESCRIPTION = "description";
  static final String CLAIM = "claim";
  static final String AMOUNT_CLAIMED = "amountClaimed";
  static final String SAFETY_HAZARD = "safetyHazard";
  static final String PERSONAL_INJURY = "personalInjury";
  static final String MEDIA_EXPOSURE = "mediaExposure";
  static final String REPEAT_COMPLAINT = "repeatComplaint";

  private final ApiJson json;
  private final CaseStarter starter;
  private final CaseAccess access;
  private final CaseStatusService status;

  public ComplaintController(
      ApiJson json, CaseStarter starter, CaseAccess access, CaseStatusService status) {
    this.json = json;
    this.starter = starter;
    this.access = access;
    this.status = status;
  }

  @Operation(
      summary = "File a complaint (starts enterprise-complaint)",
      description =
          "201 with the complaint number (TS-...) and Location; a retry with the same Idempotency-Key "
              + "(or externalReference) answers 200 with the same complaint.")
  @PostMapping(
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<Filings.Filed> file(
      @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content = @Content(schema = @Schema(implementation = ComplaintFiling.class)))
          @RequestBody
          byte[] body,
      @RequestHeader(name = Filings.IDEMPOTENCY_KEY, required = false) String idempotencyKey,
      ApiCaller caller) {
    CaseAccess.requireApiClient(caller);
    ComplaintFiling filing = json.read(body, ComplaintFiling.class);
    Map<String, Object> variables = variables(filing, caller);
    CaseStarter.StartedCase started =
        starter.start(
            PROCESS_KEY,
            caller,
            Filings.key(idempotencyKey, filing.externalReference()),
            Filings.fingerprint(json, filing),
            variables);
    return Filings.answer("/api/complaints/", started);
  }

  @Operation(
      summary = "Where a complaint stands: stage, status, deadlines, steps done, what it waits for")
  @GetMapping(path = "/{caseNo}", produces = MediaType.APPLICATION_JSON_VALUE)
  public CaseStatus read(@PathVariable String caseNo, ApiCaller caller) {
    return status.status(access.read(PROCESS_KEY, caseNo, caller), Map.of());
  }

  static Map<String, Object> variables(ComplaintFiling f, ApiCaller caller) {
    Map<String, Object> v = new HashMap<>();
    v.put(COMPLAINANT_NAME, f.complainant().name());
    v.put(COMPLAINANT_PHONE, f.complainant().phone());
    v.put(COMPLAINANT_EMAIL, f.complainant().email());
    v.put(CONTACT_CHANNEL, f.contactChannel().code());
    v.put(TRANSFER_NO, f.transferNo());
    v.put(OCCURRED_ON, f.occurredOn().toString()); // the start form keeps it as text
    v.put(LOCATION, f.location());
    v.put(CATEGORY, f.category().code());
    v.put(DESCRIPTION, f.description());
    v.put(CLAIM, f.claim());
    BigDecimal claimed = AmountCheck.yuan(f.amountClaimed());
    v.put(
        AMOUNT_CLAIMED, (claimed == null ? BigDecimal.ZERO.setScale(2) : claimed).toPlainString());
    v.put(SAFETY_HAZARD, Boolean.TRUE.equals(f.safetyHazard()));
    v.put(PERSONAL_INJURY, Boolean.TRUE.equals(f.personalInjury()));
    v.put(MEDIA_EXPOSURE, Boolean.TRUE.equals(f.mediaExposure()));
    v.put(REPEAT_COMPLAINT, Boolean.TRUE.equals(f.repeatComplaint()));
    v.put(IntakeVariables.EXTERNAL_REFERENCE, f.externalReference());
    v.put(IntakeVariables.FILED_BY, caller.userId());
    v.put(IntakeVariables.REGISTERED_BY, caller.userId());
    return v;
  }
}
