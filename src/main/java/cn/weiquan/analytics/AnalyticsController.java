package cn.weiquan.analytics;

import cn.weiquan.api.ApiCaller;
import cn.weiquan.api.ApiException;
import cn.weiquan.api.ApiJson;
import cn.weiquan.api.Day;
import cn.weiquan.platform.EngineClock;
import cn.weiquan.platform.ProcessKeys;
import cn.weiquan.platform.WeiquanGroups;
import com.fasterxml.jackson.annotation.JsonValue;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 案件看板: aggregates of the cases for analysts, supervisors and camunda-admin (README "Access model":
 * aggregates without personal data); every other caller gets 403 before anything is counted.
 */
@RestController
public class AnalyticsController {
  /** Who may read the aggregates. */
  static final List<String> READERS =
      List.of(WeiquanGroups.ANALYSTS, WeiquanGroups.SUPERVISORS, WeiquanGroups.ADMIN);

  /** Default range: the last year of cases. Longer than ten years is a typing mistake. */
  static final int DEFAULT_DAYS = 365;

  static final int MAX_DAYS = 3660;

  /** The processes whose cases are counted: the two spines. */
  public enum CaseProcess {
    CONSUMER_DISPUTE(ProcessKeys.CONSUMER_DISPUTE),
    ENTERPRISE_COMPLAINT(ProcessKeys.ENTERPRISE_COMPLAINT);
    private final String key;

    CaseProcess(String key) {
      this.key = key;
    }

    @JsonValue
    public String key() {
      return key;
    }
  }

  /**
   * The query parameters, read and checked like every /api input (ApiJson): a bad one is a 400
   * naming it.
   */
  public record SummaryQuery(
      @NotNull CaseProcess process,
      @Day LocalDate from,
      @Day LocalDate to,
      @Min(1) @Max(1000) Integer minGroupSize) {}

  /** Cockpit's door: the webapp session instead of HTTP Basic. */
  public static final String WEBAPP_PATH = "/webapp-api/analytics/summary";

  private final CaseAnalytics analytics;
  private final ApiJson json;
  private final WebappSessionCaller webappSession;

  public AnalyticsController(
      CaseAnalytics analytics, ApiJson json, WebappSessionCaller webappSession) {
    this.analytics = analytics;
    this.json = json;
    this.webappSession = webappSession;
  }

  @Operation(
      summary =
          "案件看板: counts by stage, channel, category, level and department; deadlines due within 7 days and "
              + "overdue (case numbers only); durations per channel and path (median, p90); outcome shares; the complaint desk's "
              + "SLA compliance; cases per ISO week. Analysts, supervisors, camunda-admin; no personal data.",
      description =
          "Cases are the process's root instances started from 'from' to 'to' (days in Asia/Shanghai; default "
              + "the last 365 days up to today). Groupings of fewer than minGroupSize cases (at least "
              + "weiquan.analytics.min-group-size) are left out and counted in 'suppressed'. 400 for a bad parameter, 403 "
              + "for any other group.")
  @GetMapping(path = "/api/analytics/summary", produces = MediaType.APPLICATION_JSON_VALUE)
  public Summary summary(
      ApiCaller caller,
      @Parameter(
              required = true,
              schema = @Schema(allowableValues = {"consumer-dispute", "enterprise-complaint"}))
          @RequestParam(required = false)
          String process,
      @Parameter(description = "first day of the cases' start (YYYY-MM-DD)")
          @RequestParam(required = false)
          String from,
      @Parameter(description = "last day of the cases' start (YYYY-MM-DD), default today")
          @RequestParam(required = false)
          String to,
      @Parameter(
              description =
                  "leave out groupings of fewer cases (never below the configured minimum)")
          @RequestParam(required = false)
          String minGroupSize) {
    return answer(caller.groups(), process, from, to, minGroupSize);
  }

  /**
   * The same summary for Cockpit's 案件看板 plugin, which has the webapp's login session and no HTTP
   * Basic password: the caller is the user the Camunda webapp logged in for the default engine,
   * with the groups the engine has for them now (not the session's copy). Not under /api (whose
   * filter demands HTTP Basic) and not in the OpenAPI description; the same readers, parameters and
   * answers.
   */
  @GetMapping(path = WEBAPP_PATH, produces = MediaType.APPLICATION_JSON_VALUE)
  public Summary summaryForCockpit(
      HttpServletRequest request,
      @RequestParam(required = false) String process,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String minGroupSize) {
    return answer(webappSession.groups(request), process, from, to, minGroupSize);
  }

  private Summary answer(
      Set<String> groups, String process, String from, String to, String minGroupSize) {
    if (READERS.stream().noneMatch(groups::contains)) {
      throw ApiException.forbidden(
          "案件看板只供分析员、主管和系统管理员查看",
          "the case dashboard is for analysts, supervisors and camunda-admin only");
    }
    Map<String, String> parameters = new HashMap<>();
    parameters.put("process", process);
    parameters.put("from", from);
    parameters.put("to", to);
    parameters.put("minGroupSize", minGroupSize);
    SummaryQuery query = json.parameters(parameters, SummaryQuery.class);
    LocalDate last = query.to() == null ? EngineClock.today() : query.to();
    LocalDate first = query.from() == null ? last.minusDays(DEFAULT_DAYS - 1) : query.from();
    if (first.isAfter(last)) {
      throw ApiException.badRequest(
          "from",
          "invalid-value",
          "「from」不能晚于「to」",
          "'from' (" + first + ") must not be after 'to' (" + last + ")");
    }
    if (ChronoUnit.DAYS.between(first, last) >= MAX_DAYS) {
      throw ApiException.badRequest(
          "from",
          "out-of-range",
          "统计区间最长 " + MAX_DAYS + " 天",
          "the range may span at most " + MAX_DAYS + " days");
    }
    return analytics.summary(query.process().key(), first, last, query.minGroupSize());
  }
}
