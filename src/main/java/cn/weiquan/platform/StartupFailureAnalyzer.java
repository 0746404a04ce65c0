package cn.weiquan.platform;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.env.Environment;

/** Turns the start-up failures an operator causes into one line of what is wrong and what to do. */
public class StartupFailureAnalyzer implements FailureAnalyzer {
  private final Environment environment;

  public StartupFailureAnalyzer(Environment environment) {
    this.environment = environment;
  }

  @Override
  public FailureAnalysis analyze(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof ConfigurationProblem problem) {
        return new FailureAnalysis(problem.getMessage(), problem.action(), problem);
      }
    }
    SQLException sql = find(failure, SQLException.class);
    Throwable network = find(failure, ConnectException.class);
    if (network == null) {
      network = find(failure, UnknownHostException.class);
    }
    if (sql != null || network != null) {
      Throwable cause = network != null ? network : sql;
      return new FailureAnalysis(
          "The database " + databaseUrl() + " cannot be reached: " + cause.getMessage(),
          "Check WEIQUAN_DB_URL, WEIQUAN_DB_USER and WEIQUAN_DB_PASSWORD (postgres profile) or "
              + "WEIQUAN_DATA_DIR (embedded H2), and that the database server is running.",
          failure);
    }
    return null;
  }

  /** The configured JDBC URL without its parameters (they may carry credentials). */
  private String databaseUrl() {
    String url = environment.getProperty("spring.datasource.url", "");
    int parameters = url.indexOf('?');
    return parameters < 0 ? url : url.substring(0, parameters);
  }

  private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }
}
