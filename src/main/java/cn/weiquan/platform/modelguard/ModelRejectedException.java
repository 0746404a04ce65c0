package cn.weiquan.platform.modelguard;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.ResourceReport;

/**
 * A designer's deployment that breaks the {@link ModelPolicy}. A {@link ParseException}, so the
 * engine REST answers 400 with the message and, under {@code details}, each resource's problems
 * with their element ids, as for a model that does not parse; Camunda Modeler shows both.
 */
public class ModelRejectedException extends ParseException {
  private static final long serialVersionUID = 1L;

  public ModelRejectedException(String userId, List<Violation> violations) {
    super(
        message(userId, violations),
        violations.get(0).resource(),
        List.copyOf(violations),
        List.of());
    this.resorceReports = reports(violations);
  }

  private static String message(String userId, List<Violation> violations) {
    return "Deployment refused: "
        + userId
        + " is not an administrator, and designers may deploy models, not code ("
        + violations.size()
        + (violations.size() == 1 ? " problem" : " problems")
        + "): "
        + violations.stream().map(Violation::toString).collect(Collectors.joining("; "));
  }

  private static List<ResourceReport> reports(List<Violation> violations) {
    Map<String, List<Problem>> byResource = new LinkedHashMap<>();
    for (Violation violation : violations) {
      byResource.computeIfAbsent(violation.resource(), name -> new ArrayList<>()).add(violation);
    }
    List<ResourceReport> reports = new ArrayList<>();
    byResource.forEach((resource, problems) -> reports.add(new Report(resource, problems)));
    return reports;
  }

  private record Report(String resource, List<Problem> errors) implements ResourceReport {
    @Override
    public String getResourceName() {
      return resource;
    }

    @Override
    public List<Problem> getErrors() {
      return errors;
    }

    @Override
    public List<Problem> getWarnings() {
      return List.of();
    }
  }
}
