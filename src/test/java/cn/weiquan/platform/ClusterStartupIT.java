package cn.weiquan.platform;

import static org.assertj.core.api.Assertions.assertThat;

import cn.weiquan.support.ThrowawayPostgres;
import cn.weiquan.support.WebappSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.RestClient;

/**
 * Two nodes in child JVMs on one fresh PostgreSQL database, started at the same moment, one real
 * SMTP server shared by both: each model deployed once, filings spread over both with distinct
 * numbers, the same Idempotency-Key at both at once gives one case, timers made due fire once each,
 * each mail leaves once, and after kill -9 of one node while it sends a mail the other finishes
 * every job within a minute without sending that mail a second time. Runs where PostgreSQL answers
 * on 127.0.0.1:5432.
 */
class ClusterStartupIT {
  private static final String ADMIN_PASSWORD = "cluster-admin-secret";
  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  private static final Duration START = Duration.ofMinutes(8);
  private final ObjectMapper json = new ObjectMapper();

  @TempDir Path work;

  @Test
  void twoNodesOnOneDatabase_startTogether_shareTheWork_andOneTakesOverWhenTheOtherIsKilled()
      throws Exception {
    try (ThrowawayPostgres db = ThrowawayPostgres.create()) {
      GreenMail smtp =
          new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort())
              .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
      smtp.start();
      Node a = null;
      Node b = null;
      try {
        a = Node.start("a", db, smtp.getSmtp().getPort(), work);
        b = Node.start("b", db, smtp.getSmtp().getPort(), work);
        a.awaitReady();
        b.awaitReady();
        JdbcTemplate sql = new JdbcTemplate(db.dataSource());

        // both started on the empty database; each model once, one set of filters
        assertThat(
                sql.queryForList(
                    "SELECT key_ FROM act_re_procdef GROUP BY key_ HAVING COUNT(*) > 1",
                    String.class))
            .as("process definitions deployed twice")
            .isEmpty();
        assertThat(sql.queryForObject("SELECT COUNT(*) FROM act_re_procdef", Integer.class))
            .isPositive();
        assertThat(
                sql.queryForList(
                    "SELECT name_ FROM act_ru_filter GROUP BY name_ HAVING COUNT(*) > 1",
                    String.class))
            .as("filters made twice")
            .isEmpty();

        // a Tasklist login made at one node holds at the other (sessions in the database, no sticky
        // sessions)
        WebappSession login =
            WebappSession.login(
                RestClient.builder()
                    .baseUrl(b.url())
                    .defaultStatusHandler(status -> true, (request, response) -> {})
                    .build(),
                "demo",
                ADMIN_PASSWORD,
                "tasklist");
        assertThat(login.status()).as("Tasklist login at node b").isEqualTo(200);
        assertThat(
                login
                    .with(
                        http().get().uri(a.url() + "/camunda/api/engine/engine/default/task/count"))
                    .retrieve()
                    .toBodilessEntity()
                    .getStatusCode()
                    .value())
            .as("the same session at node a")
            .isEqualTo(200);
        assertThat(
                http()
                    .get()
                    .uri(a.url() + "/camunda/api/engine/engine/default/task/count")
                    .retrieve()
                    .toBodilessEntity()
                    .getStatusCode()
                    .value())
            .as("node a without the session")
            .isEqualTo(401);

        String secret = apiClient(a);
        List<Node> nodes = List.of(a, b);

        // intake spread over both nodes: distinct case numbers
        Set<String> caseNos = new HashSet<>();
        for (int i = 0; i < 10; i++) {
          caseNos.add(file(nodes.get(i % 2), secret, "spread-" + i));
        }
        assertThat(caseNos).hasSize(10);

        // the same Idempotency-Key at both nodes at once: one case
        CountDownLatch go = new CountDownLatch(1);
        Node nodeA = a;
        Node nodeB = b;
        CompletableFuture<String> atA =
            CompletableFuture.supplyAsync(
                () -> {
                  await(go);
                  return file(nodeA, secret, "twin");
                });
        CompletableFuture<String> atB =
            CompletableFuture.supplyAsync(
                () -> {
                  await(go);
                  return file(nodeB, secret, "twin");
                });
        go.countDown();
        assertThat(atA.get()).as("both answers name one case").isEqualTo(atB.get());
        caseNos.add(atA.get());
        assertThat(
                sql.queryForObject(
                    "SELECT COUNT(*) FROM act_hi_procinst WHERE business_key_ = ? AND super_process_instance_id_ IS NULL",
                    Integer.class,
                    atA.get()))
            .as("cases started for the twin key")
            .isEqualTo(1);

        awaitNoDueJobs(sql, Duration.ofMinutes(3));
        // every timer due now: both job executors race for them
        List<String> timers =
            sql.queryForList("SELECT id_ FROM act_ru_job WHERE type_ = 'timer'", String.class);
        assertThat(timers).as("timers of the filed disputes").isNotEmpty();
        sql.update(
            "UPDATE act_ru_job SET duedate_ = ? WHERE type_ = 'timer'",
            new java.sql.Timestamp(System.currentTimeMillis() - 1000));
        awaitNoDueJobs(sql, Duration.ofMinutes(3));
        for (String timer : timers) {
          assertThat(
                  sql.queryForObject(
                      "SELECT COUNT(*) FROM act_hi_job_log WHERE job_id_ = ? AND job_state_ = 2",
                      Integer.class,
                      timer))
              .as("timer %s fired", timer)
              .isEqualTo(1);
        }

        // load on both, kill -9 node a the moment it holds a mail job: the job's lock (30 s) must
        // run out before node b may take it, and the mail ledger keeps a mail the SMTP server took
        // from node a from leaving a second time
        Node victim = a;
        AtomicLong killedAt = new AtomicLong();
        java.util.concurrent.atomic.AtomicBoolean killedAfterSend =
            new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.atomic.AtomicReference<String> mailJob =
            new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.atomic.AtomicBoolean victimDown =
            new java.util.concurrent.atomic.AtomicBoolean();
        CompletableFuture<List<String>> killer =
            CompletableFuture.supplyAsync(
                () -> {
                  try {
                    // best: after the SMTP server took the mails and before the job committed;
                    // else while it sends
                    String job = awaitLockedMailJob(sql, "node-a", "sent", Duration.ofSeconds(60));
                    killedAfterSend.set(job != null);
                    if (job == null) {
                      job = awaitLockedMailJob(sql, "node-a", "sending", Duration.ofSeconds(60));
                    }
                    if (job == null) {
                      return null;
                    }
                    mailJob.set(job);
                    victimDown.set(true);
                    victim.kill();
                    killedAt.set(System.nanoTime());
                    return sql.queryForList(
                        "SELECT id_ FROM act_ru_job WHERE lock_owner_ = 'node-a' AND lock_exp_time_ > now()",
                        String.class);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return null;
                  }
                });
        for (int i = 0; i < 100 && !killer.isDone(); i++) {
          Node node = victimDown.get() ? b : nodes.get(i % 2);
          try {
            caseNos.add(file(node, secret, "load-" + i));
          } catch (RuntimeException | AssertionError refused) {
            if (!(node == a && victimDown.get())) {
              throw refused;
            } // a filing in flight at node a when it died: not confirmed, so not counted
          }
          if (i % 5 == 4) { // timers due as well: they lead to more mails
            sql.update(
                "UPDATE act_ru_job SET duedate_ = ? WHERE type_ = 'timer'",
                new java.sql.Timestamp(System.currentTimeMillis() - 1000));
          }
        }
        List<String> lockedAtKill = killer.get(3, java.util.concurrent.TimeUnit.MINUTES);
        assertThat(lockedAtKill).as("node a held a mail job and was killed").isNotNull();
        long killed = killedAt.get();
        long left = awaitNoDueJobs(sql, Duration.ofSeconds(90));
        double takeOver = (left - killed) / 1e9;
        System.out.printf(
            "CLUSTER take-over: %d jobs locked by the killed node, all jobs done %.1f s after kill -9%n",
            lockedAtKill.size(), takeOver);
        assertThat(takeOver)
            .as("seconds until the surviving node had run every job")
            .isLessThan(60);
        for (String job : lockedAtKill) {
          assertThat(
                  sql.queryForObject(
                      "SELECT COUNT(*) FROM act_ru_job WHERE id_ = ?", Integer.class, job))
              .as("job %s locked by the killed node is done", job)
              .isZero();
        }

        // nothing lost: every confirmed filing is a case; nothing doubled: each job succeeded once,
        // each mail left once
        for (String caseNo : caseNos) {
          assertThat(
                  sql.queryForObject(
                      "SELECT COUNT(*) FROM act_hi_procinst WHERE business_key_ = ? AND super_process_instance_id_ IS NULL",
                      Integer.class,
                      caseNo))
              .as("case %s", caseNo)
              .isEqualTo(1);
        }
        assertThat(
                sql.queryForList( // the cases' jobs (the engine's history cleanup is one job that
                    // runs again and again in its window)
                    "SELECT job_id_ FROM act_hi_job_log WHERE job_state_ = 2 AND process_def_key_ IS NOT NULL GROUP BY job_id_ HAVING COUNT(*) > 1",
                    String.class))
            .as("jobs that succeeded twice")
            .isEmpty();
        assertThat(sql.queryForObject("SELECT COUNT(*) FROM act_ru_incident", Integer.class))
            .as("incidents")
            .isZero();
        // each mail once: never two different messages for one event and recipient; a mail the
        // server took in the few milliseconds before node a could record it comes again under its
        // own Message-ID, which a mail program shows once
        Map<String, Set<String>> mails = new HashMap<>();
        int received = 0;
        for (MimeMessage mail : smtp.getReceivedMessages()) {
          received++;
          mails
              .computeIfAbsent(
                  mail.getRecipients(Message.RecipientType.TO)[0] + " " + mail.getSubject(),
                  key -> new HashSet<>())
              .add(mail.getMessageID());
        }
        assertThat(mails).as("mails received").isNotEmpty();
        assertThat(
                mails.entrySet().stream()
                    .filter(e -> e.getValue().size() > 1)
                    .map(Map.Entry::getKey)
                    .toList())
            .as("mails sent twice as different messages")
            .isEmpty();
        long keptBack =
            Files.readAllLines(b.log()).stream()
                .filter(line -> line.contains("not sent again"))
                .count();
        // the mail job node a held when it died: if it had not committed, node b ran it again
        boolean rerun = lockedAtKill.contains(mailJob.get());
        List<String> itsMails =
            sql.queryForList(
                "SELECT message_id FROM wq_mail_sent WHERE send_key = ?",
                String.class,
                "job:" + mailJob.get());
        assertThat(itsMails).as("the mails of the job node a held").isNotEmpty();
        for (String messageId : itsMails) {
          long arrived =
              java.util.Arrays.stream(smtp.getReceivedMessages())
                  .filter(mail -> messageId.equals(messageId(mail)))
                  .count();
          if (killedAfterSend.get() && rerun) {
            assertThat(arrived)
                .as("mail %s, taken by the server from node a, after node b ran its job", messageId)
                .isEqualTo(1);
          } else {
            assertThat(arrived).as("mail %s of the job node a held", messageId).isBetween(1L, 2L);
          }
        }
        if (killedAfterSend.get() && rerun) {
          assertThat(keptBack).as("node b logged the mails it did not send again").isPositive();
        }
        System.out.printf(
            "CLUSTER mails: node a killed %s; %s; %d received, %d distinct; node b skipped %d"
                + " mail job(s) whose mails the server had taken from node a%n",
            killedAfterSend.get()
                ? "after the SMTP server took a job's mails, before the job committed"
                : "while a job sent its mails",
            rerun ? "node b ran that job again" : "the job had committed before the signal landed",
            received,
            mails.size(),
            keptBack);
      } finally {
        if (a != null) {
          a.kill();
        }
        if (b != null) {
          b.kill();
        }
        smtp.stop();
      }
    }
  }

  // ------------------------------------------------------------------ the nodes

  /** One node: the application in a child JVM, port read from its log. */
  record Node(String name, Process process, Path log) {

    static Node start(String name, ThrowawayPostgres db, int smtpPort, Path work)
        throws IOException {
      Path log = work.resolve(name + ".log");
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      Process process =
          new ProcessBuilder(
                  java,
                  "-Xmx512m",
                  "-Duser.timezone=UTC",
                  "-Dfile.encoding=UTF-8",
                  "-cp",
                  System.getProperty("java.class.path"),
                  "cn.weiquan.WeiquanApplication",
                  "--spring.profiles.active=postgres",
                  "--server.port=0",
                  "--spring.datasource.url=" + db.url(),
                  "--spring.datasource.username=" + db.user(),
                  "--spring.datasource.password=",
                  "--weiquan.security.admin.password=" + ADMIN_PASSWORD,
                  "--weiquan.data-dir=" + work.resolve(name),
                  "--weiquan.cluster.node-name=node-" + name,
                  "--weiquan.evidence.directory=" + work.resolve("evidence"),
                  "--spring.mail.host=127.0.0.1",
                  "--spring.mail.port=" + smtpPort)
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      return new Node(name, process, log);
    }

    String url() {
      try {
        Matcher port =
            Pattern.compile("Tomcat started on port (\\d+)").matcher(Files.readString(log));
        return port.find() ? "http://127.0.0.1:" + port.group(1) : null;
      } catch (IOException e) {
        return null;
      }
    }

    void awaitReady() throws Exception {
      long end = System.nanoTime() + START.toNanos();
      while (System.nanoTime() < end) {
        assertThat(process.isAlive()).as("node %s is running (log: %s)", name, tail()).isTrue();
        String url = url();
        if (url != null
            && http()
                    .get()
                    .uri(url + "/actuator/health/readiness")
                    .retrieve()
                    .toBodilessEntity()
                    .getStatusCode()
                    .value()
                == 200) {
          return;
        }
        Thread.sleep(500); // polling the probe, as a load balancer does
      }
      throw new AssertionError("node " + name + " not ready within " + START + ": " + tail());
    }

    void kill() throws InterruptedException {
      process.destroyForcibly(); // SIGKILL: no shutdown hook, no lock released
      process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
    }

    String tail() {
      try {
        String text = Files.readString(log);
        return text.substring(Math.max(0, text.length() - 3000));
      } catch (IOException e) {
        return "";
      }
    }
  }

  private static RestClient http() {
    return RestClient.builder()
        .defaultStatusHandler(status -> true, (request, response) -> {})
        .build();
  }

  private String apiClient(Node node) throws IOException {
    ResponseEntity<String> created =
        http()
            .post()
            .uri(node.url() + "/api/admin/api-clients")
            .headers(h -> h.setBasicAuth("demo", ADMIN_PASSWORD))
            .contentType(MediaType.APPLICATION_JSON)
            .body("{\"id\":\"cluster-api\",\"name\":\"集群测试\"}")
            .retrieve()
            .toEntity(String.class);
    assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
    return json.readTree(created.getBody()).path("secret").asText();
  }

  private String file(Node node, String secret, String key) {
    ResponseEntity<String> response =
        http()
            .post()
            .uri(node.url() + "/api/disputes")
            .headers(
                h -> {
                  h.setBasicAuth("cluster-api", secret);
                  h.set("Idempotency-Key", key);
                })
            .contentType(MediaType.APPLICATION_JSON)
            .body(filing())
            .retrieve()
            .toEntity(String.class);
    assertThat(response.getStatusCode().value())
        .as("filing %s at node %s: %s", key, node.name(), response.getBody())
        .isIn(200, 201);
    try {
      JsonNode body = json.readTree(response.getBody());
      return body.path("caseNo").asText();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static String filing() {
    LocalDate today = LocalDate.now(CHINA);
    return """
        {"consumer":{"name":"李明","phone":"13800138000","email":"li.ming@example.com"},
         "merchant":{"name":"某某电器旗舰店","email":"shop@example.com","platform":"tmall"},
         "purchase":{"item":"电热水壶","price":"199.00","quantity":1,"paidAt":"%s","receivedAt":"%s","channel":"online-platform"},
         "category":"quality","description":"使用三天后漏电","claims":{"refund":true},"harmKnownOn":"%s"}
        """
        .formatted(today.minusDays(10), today.minusDays(8), today.minusDays(5));
  }

  /**
   * Waits until no job is due (due now or without date, retries left); returns when that was
   * (nanoTime).
   */
  private static long awaitNoDueJobs(JdbcTemplate sql, Duration max) throws InterruptedException {
    long end = System.nanoTime() + max.toNanos();
    while (System.nanoTime() < end) {
      Integer due =
          sql.queryForObject(
              "SELECT COUNT(*) FROM act_ru_job WHERE retries_ > 0 AND suspension_state_ = 1 AND (duedate_ IS NULL OR duedate_ <= now())",
              Integer.class);
      if (due == 0) {
        return System.nanoTime();
      }
      Thread.sleep(250); // watching the database from outside; the nodes' job executors do the work
    }
    throw new AssertionError("jobs still due after " + max);
  }

  /**
   * The first mail job the node (its lock owner) holds with its mails in the ledger in {@code
   * state} (sending: claimed, the server may be taking them; sent: taken, the job not yet
   * committed), within {@code max}; null if none came.
   */
  private static String awaitLockedMailJob(
      JdbcTemplate sql, String owner, String state, Duration max) throws InterruptedException {
    long end = System.nanoTime() + max.toNanos();
    while (System.nanoTime() < end) {
      List<String> jobs =
          sql.queryForList(
              "SELECT j.id_ FROM act_ru_job j JOIN wq_mail_sent m ON m.send_key = 'job:' || j.id_"
                  + " WHERE m.state = ? AND j.lock_owner_ = ? AND j.lock_exp_time_ > now()",
              String.class,
              state,
              owner);
      if (!jobs.isEmpty()) {
        return jobs.get(0);
      }
      Thread.sleep(1); // watching the database from outside, to kill at the right moment
    }
    return null;
  }

  private static String messageId(MimeMessage mail) {
    try {
      return mail.getMessageID();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
