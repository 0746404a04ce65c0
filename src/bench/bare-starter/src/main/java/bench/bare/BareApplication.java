package bench.bare;

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
            System.exit(SpringApplication.exit(context, () -> 0));
          }
        });
    application.run(args);
  }
}
