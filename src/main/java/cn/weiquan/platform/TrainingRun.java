package cn.weiquan.platform;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A start that ends itself once everything is ready ({@code --weiquan.training-run=true}): the
 * class-data-sharing archive of the fast start (README "A faster start") is written by the JVM when
 * such a run exits ({@code -XX:ArchiveClassesAtExit}), so it holds every class a real start loads —
 * the engine, the deployment of the models, the users and filters, and the webapps' first pages,
 * which this run asks for once over loopback. Runs last among the start-up listeners.
 */
@Component
@ConditionalOnProperty(name = "weiquan.training-run", havingValue = "true")
public class TrainingRun {
  private static final Logger LOG = LoggerFactory.getLogger(TrainingRun.class);
  private static final String[] PAGES = {
    "/camunda/app/tasklist/default/", "/camunda/app/cockpit/default/", "/actuator/health/readiness"
  };

  @EventListener(ApplicationReadyEvent.class)
  @Order(Ordered.LOWEST_PRECEDENCE)
  public void finish(ApplicationReadyEvent ready) {
    ConfigurableApplicationContext context = ready.getApplicationContext();
    String port = context.getEnvironment().getProperty("local.server.port");
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    for (String page : PAGES) {
      try {
        int status =
            http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + page))
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                    HttpResponse.BodyHandlers.discarding())
                .statusCode();
        LOG.info("Training run: {} answered {}", page, status);
      } catch (Exception e) {
        LOG.warn("Training run: {} not reached ({})", page, e.toString());
      }
    }
    LOG.info("Training run complete: stopping");
    System.exit(SpringApplication.exit(context, () -> 0));
  }
}
