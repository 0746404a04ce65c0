package bench.bare;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Camunda's starter as its guide shows it: engine, REST, webapps, an admin user; nothing of
 * Weiquan.
 */
@SpringBootApplication
public class BareApplication {
  public static void main(String[] args) {
    SpringApplication.run(BareApplication.class, args);
  }
}
