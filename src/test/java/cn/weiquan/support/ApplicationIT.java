package cn.weiquan.support;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.client.RestClient;

/**
 * Base of the full-application tests: the real application on a random port, real HTTP, an
 * in-memory H2 per context and the local profile's demo users. Every *IT extends it and adds no
 * configuration of its own, so Spring builds one context for all of them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"local", "test"})
// process-test-coverage records which flow nodes the full-application tests pass (report under
// target/process-test-coverage)
@Import(ProcessEngineCoverageConfiguration.class)
public abstract class ApplicationIT {

  @LocalServerPort protected int port;

  @Autowired protected ProcessEngine engine;

  protected String baseUrl() {
    return "http://localhost:" + port;
  }

  /** A client that never throws on 4xx/5xx, so tests assert on the status themselves. */
  protected RestClient anonymous() {
    return RestClient.builder()
        .baseUrl(baseUrl())
        .defaultStatusHandler(status -> true, (request, response) -> {})
        .build();
  }

  /** The same, logged in by HTTP Basic as one of the demo users (README lists them). */
  protected RestClient as(String user, String password) {
    return RestClient.builder()
        .baseUrl(baseUrl())
        .defaultHeaders(h -> h.setBasicAuth(user, password))
        .defaultStatusHandler(status -> true, (request, response) -> {})
        .build();
  }

  protected RestClient as(String demoUser) {
    return as(demoUser, demoUser);
  }

  protected static String basic(String user, String password) {
    return HttpHeaders.encodeBasicAuth(user, password, java.nio.charset.StandardCharsets.UTF_8);
  }
}
