package cn.weiquan.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A fresh database with a random name on the PostgreSQL at 127.0.0.1:5432 (trust auth; CI and the
 * developers' machines have one), dropped on close. The test is skipped only when nothing listens
 * there; a server that answers but refuses is a failure.
 */
public final class ThrowawayPostgres implements AutoCloseable {
  private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";

  private final String user;
  private final String name;

  private ThrowawayPostgres(String user, String name) {
    this.user = user;
    this.name = name;
  }

  public static ThrowawayPostgres create() {
    assumeTrue(listening(), "no PostgreSQL on 127.0.0.1:5432");
    String user = acceptedUser();
    String name = "wq_test_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
    try (Connection admin = DriverManager.getConnection(SERVER + "test", user, "");
        Statement statement = admin.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create a database on the local PostgreSQL", e);
    }
    return new ThrowawayPostgres(user, name);
  }

  public String url() {
    return SERVER + name;
  }

  public String user() {
    return user;
  }

  public DataSource dataSource() {
    return new DriverManagerDataSource(url(), user, "");
  }

  @Override
  public void close() {
    try (Connection admin = DriverManager.getConnection(SERVER + "test", user, "");
        Statement statement = admin.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot drop the throwaway database " + name, e);
    }
  }

  /** postgres, else the user running the tests (a developer's own role). */
  private static String acceptedUser() {
    SQLException refused = null;
    for (String candidate : List.of("postgres", System.getProperty("user.name"))) {
      try (Connection connection = DriverManager.getConnection(SERVER + "test", candidate, "")) {
        return candidate;
      } catch (SQLException e) {
        refused = e;
      }
    }
    throw new IllegalStateException(
        "PostgreSQL on 127.0.0.1:5432 accepts neither postgres nor the current user", refused);
  }

  private static boolean listening() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", 5432), 500);
      return true;
    } catch (Exception e) {
      return false;
    }
  }
}
