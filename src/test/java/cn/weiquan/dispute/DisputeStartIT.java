package cn.weiquan.dispute;

import static org.assertj.core.api.Assertions.assertThat;

import cn.weiquan.support.ApplicationIT;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A mediator starts a consumer dispute over the engine's REST API, as Tasklist's start form does,
 * in the full application.
 */
class DisputeStartIT extends ApplicationIT {

  @Test
  void mediatorStartsACase_itHasACaseNumberAsBusinessKeyItsStageAndTheMerchantDeadline() {
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("consumerName", string("张小明"));
    variables.put("consumerPhone", string("13800000000"));
    variables.put("merchantName", string("某家电旗舰店"));
    variables.put("purchaseChannel", string("offline"));
    variables.put("itemName", string("滚筒洗衣机"));
    variables.put("price", string("1999.00"));
    variables.put("quantity", Map.of("value", 1, "type", "Integer"));
    // the start form's date fields arrive as text
    variables.put("paidAt", string(today.minusDays(10).toString()));
    variables.put("harmKnownOn", string(today.minusDays(5).toString()));
    variables.put("category", string("quality"));
    variables.put("description", string("收到货物后发现洗衣机漏水严重"));

    ResponseEntity<Map<String, Object>> started =
        as("mediator")
            .post()
            .uri("/engine-rest/process-definition/key/consumer-dispute/start")
            .contentType(MediaType.APPLICATION_JSON)
            .body(Map.of("variables", variables))
            .retrieve()
            .toEntity(new ParameterizedTypeReference<>() {});

    assertThat(started.getStatusCode().value()).isEqualTo(200);
    String businessKey = (String) started.getBody().get("businessKey");
    assertThat(businessKey).matches("WQ-" + today.getYear() + "-\\d{6}");
    Map<String, Map<String, Object>> stored =
        as("mediator")
            .get()
            .uri("/engine-rest/process-instance/{id}/variables", started.getBody().get("id"))
            .retrieve()
            .body(new ParameterizedTypeReference<>() {});
    assertThat(stored.get("caseNo").get("value")).isEqualTo(businessKey);
    assertThat(stored.get("stage").get("value")).isEqualTo("协商和解");
    assertThat(stored.get("merchantResponseDue").get("type")).isEqualTo("Date");
    assertThat(stored.get("merchantResponseDueBasis").get("value")).isNotNull();
  }

  @Test
  void concurrentStartsInTheApplication_getDistinctConsecutiveCaseNumbers() throws Exception {
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    Map<String, Object> facts = new java.util.HashMap<>(DisputeCases.washingMachineCase());
    facts.put("harmKnownOn", today.minusDays(5).toString());
    facts.remove("consumerEmail");
    facts.remove("merchantEmail");
    facts.remove("mediatorEmail");
    int starts = 12;
    var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      // the case number is taken in the engine's Spring transaction: concurrent starts queue on the
      // counter row
      var futures =
          pool.invokeAll(
              java.util.stream.IntStream.range(0, starts)
                  .<java.util.concurrent.Callable<String>>mapToObj(
                      i ->
                          () ->
                              engine
                                  .getRuntimeService()
                                  .startProcessInstanceByKey(DisputeVariables.PROCESS_KEY, facts)
                                  .getBusinessKey())
                  .toList());
      java.util.List<Integer> numbers = new java.util.ArrayList<>();
      for (var future : futures) {
        numbers.add(Integer.parseInt(future.get().substring(8)));
      }
      java.util.Collections.sort(numbers);
      assertThat(numbers).doesNotHaveDuplicates().hasSize(starts);
      assertThat(numbers.get(starts - 1) - numbers.get(0)).isEqualTo(starts - 1);
    } finally {
      pool.shutdownNow();
    }
  }

  private static Map<String, Object> string(String value) {
    return Map.of("value", value, "type", "String");
  }
}
