package cn.weiquan.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import cn.weiquan.support.ApplicationIT;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The calendar API over real HTTP: answers, every kind of bad input as a 400 problem naming the
 * parameter, 401.
 */
class CalendarApiIT extends ApplicationIT {

  @Autowired WorkingCalendar calendar;

  private ResponseEntity<JsonNode> get(String uri) {
    return as("mediator").get().uri(uri).retrieve().toEntity(JsonNode.class);
  }

  @Test
  void workingDaysAcrossTheSpringFestival() {
    // 2026-02-13 + 7 working days: 02-14 (make-up Sat), 02-24…27, 02-28 (make-up Sat), 03-02
    ResponseEntity<JsonNode> response = get("/api/calendar/working-days?from=2026-02-13&days=7");
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(response.getBody().get("from").asText()).isEqualTo("2026-02-13");
    assertThat(response.getBody().get("days").asInt()).isEqualTo(7);
    assertThat(response.getBody().get("due").asText()).isEqualTo("2026-03-02");
  }

  @Test
  void calendarDeadlineRollsOverAHolidayButNotAMakeUpSaturday() {
    // 2026-02-12 + 3 days = 02-15, a Spring Festival rest day: rolls over to 02-24
    assertThat(get("/api/calendar/deadline?from=2026-02-12&days=3").getBody().get("due").asText())
        .isEqualTo("2026-02-24");
    // 2026-02-11 + 3 days = 02-14, a make-up working Saturday: no roll-over
    assertThat(get("/api/calendar/deadline?from=2026-02-11&days=3").getBody().get("due").asText())
        .isEqualTo("2026-02-14");
  }

  @Test
  void periodsListsTheTableWithBasisAndVersions() {
    ResponseEntity<JsonNode> response = get("/api/calendar/periods");
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode mediation = null;
    for (JsonNode period : response.getBody()) {
      if ("mediation-limit".equals(period.get("name").asText())) {
        mediation = period;
      }
    }
    assertThat(response.getBody().size()).isGreaterThanOrEqualTo(18);
    assertThat(mediation).isNotNull();
    assertThat(mediation.get("versions")).hasSize(2);
    assertThat(mediation.get("versions").get(0).get("unit").asText()).isEqualTo("WORKING_DAYS");
    assertThat(mediation.get("versions").get(1).get("inForceFrom").asText())
        .isEqualTo("2026-04-15");
    assertThat(mediation.get("versions").get(1).get("length").asInt()).isEqualTo(60);
    assertThat(mediation.get("versions").get(1).get("basis").asText()).isNotBlank();
  }

  @ParameterizedTest(name = "{0} → 400 naming {1}")
  @CsvSource({
    "/api/calendar/working-days?days=5, from",
    "/api/calendar/working-days?from=2026-02-30&days=5, from",
    "/api/calendar/working-days?from=13.02.2026&days=5, from",
    "/api/calendar/working-days?from=&days=5, from",
    "/api/calendar/working-days?from=2026-02-13, days",
    "/api/calendar/working-days?from=2026-02-13&days=-1, days",
    "/api/calendar/working-days?from=2026-02-13&days=3651, days",
    "/api/calendar/working-days?from=2026-02-13&days=seven, days",
    "/api/calendar/working-days?from=2026-02-13&days=99999999999, days",
    "/api/calendar/deadline?from=2026-02-13&days=-3, days",
    "/api/calendar/deadline?from=2026-2-13&days=3, from",
    "/api/calendar/deadline?from=-999999999-01-01&days=3, from",
    "/api/calendar/deadline?from=+999999999-12-31&days=3, from",
    "/api/calendar/deadline?from=0000-01-01&days=3, from",
    // a year before the official data
    "/api/calendar/deadline?from=2024-03-01&days=5, from"
  })
  void badInputIsAProblemNamingTheParameter(String uri, String field) {
    assertProblem(get(uri), field);
  }

  private static void assertProblem(ResponseEntity<JsonNode> response, String field) {
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(
            response
                .getHeaders()
                .getContentType()
                .isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .isTrue();
    assertThat(response.getBody().get("status").asInt()).isEqualTo(400);
    assertThat(response.getBody().get("field").asText()).isEqualTo(field);
  }

  /**
   * The year after the application's last year of data, whichever that is: adding next year's file
   * moves it.
   */
  private int yearWithoutData() {
    return java.util.Collections.max(calendar.coveredYears()) + 1;
  }

  @Test
  void aYearWithoutData_isAProblemNamingTheParameterThatReachesIt_andTheYear() {
    int missing = yearWithoutData();
    for (String endpoint : java.util.List.of("working-days", "deadline")) {
      ResponseEntity<JsonNode> startsThere =
          get("/api/calendar/" + endpoint + "?from=" + missing + "-03-01&days=5");
      assertThat(startsThere.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(startsThere.getBody().get("field").asText()).isEqualTo("from");
      assertThat(startsThere.getBody().get("code").asText()).isEqualTo("year-not-covered");
    }
    ResponseEntity<JsonNode> reachesIt =
        get("/api/calendar/working-days?from=" + (missing - 1) + "-12-15&days=30");
    assertThat(reachesIt.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(reachesIt.getBody().get("field").asText()).isEqualTo("days");
    assertThat(reachesIt.getBody().get("detail").asText()).contains(String.valueOf(missing));
  }

  @ParameterizedTest(name = "anonymous {0} → 401")
  @CsvSource({
    "/api/calendar/working-days?from=2026-02-13&days=7",
    "/api/calendar/deadline?from=2026-02-13&days=7",
    "/api/calendar/periods"
  })
  void anonymousCallersAreUnauthorized(String uri) {
    assertThat(anonymous().get().uri(uri).retrieve().toEntity(String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }
}
