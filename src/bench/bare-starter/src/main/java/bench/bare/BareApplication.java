package bench.bare;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Camunda's starter as its guide shows it: engine, REST, webapps, an admin user; nothing of
 * Weiquan. With {@code --bare.training-run=true} it ends itself once ready, as Weiquan's training
 * run does, so the start-up benchmark can write its class-data-sharing archive the same way.
 */
@SpringBootApplication
public class BareApplication {
  public static void main(String[] args) {
    SpringApplication application = new SpringApplication(BareApplication.class);
    application.addListeners(
        (ApplicationReadyEvent ready) -> {
          ConfigurableApplicationContext context = ready.getApplicationContext();
          if (context.getEnvironment().getProperty("bare.training-run", Boolean.class, false)) {
            visit(context.getEnvironment().getProperty("local.server.port"));
            System.exit(SpringApplication.exit(context, () -> 0));
          }
        });
    application.run(args);
  }

  /**
   * The same pages Weiquan's training run asks for, so both archives hold the same kind of work.
   */
  private static void visit(String port) {
    HttpClient http = HttpClient.newHttpClient();
    for (String page :
        new String[] {"/camunda/app/tasklist/default/", "/camunda/app/cockpit/default/"}) {
      try {
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + page)).build(),
            HttpResponse.BodyHandlers.discarding());
      } catch (Exception e) {
        System.err.println("training run: " + page + " not reached: " + e);
      }
    }
  }
}
