package cn.weiquan.operations;

import cn.weiquan.platform.IdentitySetup;
import cn.weiquan.platform.SecurityProperties;
import cn.weiquan.platform.TasklistFilters;
import cn.weiquan.platform.WeiquanGroups;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * The "weiquan" part of /actuator/health/readiness: the engine runs, the administrator (and in the
 * local profile every demo user and the demo api client) exists, and the Tasklist filters exist.
 * Before IdentitySetup has made them a node would answer 401 to the first filings (issue 15), so a
 * load balancer must not send it traffic yet.
 */
@Component("weiquanHealthIndicator")
public class ReadinessCheck extends AbstractHealthIndicator {

  private final ProcessEngine engine;
  private final SecurityProperties security;

  public ReadinessCheck(ProcessEngine engine, SecurityProperties security) {
    super(
        "readiness check failed"); // the database away: DOWN, with the exception logged by the base
    // class
    this.engine = engine;
    this.security = security;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    List<String> missing = new ArrayList<>();
    String admin = security.admin().id();
    if (engine
            .getIdentityService()
            .createUserQuery()
            .userId(admin)
            .memberOfGroup(WeiquanGroups.ADMIN)
            .count()
        == 0) {
      missing.add("administrator " + admin);
    }
    if (security.demoUsers()) {
      List<String> demo =
          new ArrayList<>(
              IdentitySetup.DEMO_USERS.stream().map(IdentitySetup.DemoUser::id).toList());
      demo.add(IdentitySetup.DEMO_API_CLIENT.id());
      long present =
          engine
              .getIdentityService()
              .createUserQuery()
              .userIdIn(demo.toArray(String[]::new))
              .count();
      if (present < demo.size()) {
        missing.add((demo.size() - present) + " demo users");
      }
    }
    for (String filter :
        List.of(
            TasklistFilters.MY_TASKS, TasklistFilters.MY_GROUP_TASKS, TasklistFilters.OVERDUE)) {
      if (engine.getFilterService().createFilterQuery().filterName(filter).count() == 0) {
        missing.add("Tasklist filter " + filter);
      }
    }
    if (missing.isEmpty()) {
      builder.up().withDetail("engine", engine.getName());
    } else {
      builder.outOfService().withDetail("missing", missing);
    }
  }
}
