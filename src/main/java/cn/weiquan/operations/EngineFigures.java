package cn.weiquan.operations;

import cn.weiquan.cases.EnterStage;
import cn.weiquan.platform.EngineClock;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * What the database says about the whole installation, as gauges for /actuator/prometheus: the
 * engine's jobs (due, failed with no retry left, timers) and open incidents, and the product's open
 * cases per stage and overdue tasks. One refresh every 15 s (a handful of count queries), not per
 * scrape, so a scrape never waits for the database. Every node of a cluster reports the same
 * figures: take max(), not sum(), across nodes. The per-node counters (weiquan_cases_filed_total,
 * weiquan_mails_*_total) are counted where the work happens.
 */
@Component
public class EngineFigures {
  private static final Logger LOG = LoggerFactory.getLogger(EngineFigures.class);

  private final ProcessEngine engine;
  private final AtomicLong jobsDue = new AtomicLong();
  private final AtomicLong jobsFailed = new AtomicLong();
  private final AtomicLong timers = new AtomicLong();
  private final AtomicLong incidents = new AtomicLong();
  private final AtomicLong overdue = new AtomicLong();
  private final MultiGauge openCases;

  public EngineFigures(ProcessEngine engine, MeterRegistry registry) {
    this.engine = engine;
    Gauge.builder("camunda.jobs.due", jobsDue, AtomicLong::get)
        .description("jobs the job executor may run now (due, retries left, not suspended)")
        .register(registry);
    Gauge.builder("camunda.jobs.failed", jobsFailed, AtomicLong::get)
        .description("jobs with no retry left (each is an incident in Cockpit)")
        .register(registry);
    Gauge.builder("camunda.jobs.timers", timers, AtomicLong::get)
        .description("timer jobs waiting")
        .register(registry);
    Gauge.builder("camunda.incidents.open", incidents, AtomicLong::get)
        .description("open incidents")
        .register(registry);
    Gauge.builder("weiquan.deadlines.overdue", overdue, AtomicLong::get)
        .description("open tasks past their due date (Tasklist's 已逾期)")
        .register(registry);
    openCases =
        MultiGauge.builder("weiquan.cases.open")
            .description("running cases per stage")
            .register(registry);
  }

  @Scheduled(initialDelay = 1_000, fixedDelay = 15_000)
  public void refresh() {
    try {
      var jobs = engine.getManagementService();
      jobsDue.set(jobs.createJobQuery().executable().count());
      jobsFailed.set(jobs.createJobQuery().noRetriesLeft().count());
      timers.set(jobs.createJobQuery().timers().count());
      incidents.set(engine.getRuntimeService().createIncidentQuery().count());
      overdue.set(
          engine.getTaskService().createTaskQuery().active().dueBefore(EngineClock.now()).count());
      Map<String, Long> perStage = new TreeMap<>();
      for (VariableInstance stage :
          engine
              .getRuntimeService()
              .createVariableInstanceQuery()
              .variableName(EnterStage.STAGE)
              .disableBinaryFetching()
              .disableCustomObjectDeserialization()
              .list()) {
        perStage.merge(String.valueOf(stage.getValue()), 1L, Long::sum);
      }
      List<MultiGauge.Row<?>> rows = new ArrayList<>();
      perStage.forEach(
          (label, count) -> rows.add(MultiGauge.Row.of(Tags.of("stage", label), count)));
      openCases.register(rows, true);
    } catch (RuntimeException e) {
      // the database is away: the readiness probe says so; the figures keep their last values
      LOG.debug("engine figures not refreshed: {}", e.toString());
    }
  }
}
