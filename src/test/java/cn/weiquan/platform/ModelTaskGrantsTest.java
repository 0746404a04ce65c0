package cn.weiquan.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Which candidate groups get no per-task grant from the engine: only where the access model lets
 * the group read and work every task of the process.
 */
class ModelTaskGrantsTest {
  private static final List<AccessModel.Grant> MODEL = AccessModel.grants();

  @ParameterizedTest(name = "{0} on {1}: covered {2}")
  @CsvSource({
    // mediators work every task of the dispute and of its mediated channels
    "mediators,          consumer-dispute,          true",
    "mediators,          dispute-association,       true",
    "mediators,          dispute-regulator,         true",
    "mediators,          dispute-arbitration,       true",
    "mediators,          dispute-court,             true",
    // supervisors may work any task
    "supervisors,        enterprise-complaint,      true",
    // groups that see only the tasks given to them keep the engine's per-task grant
    "mediators,          dispute-platform,          false",
    "platform-reviewers, dispute-platform,          false",
    "dept-engineering,   enterprise-complaint,      false",
    "complaint-handlers, complaint-payout-approval, false",
    "headquarters,       complaint-payout-approval, false"
  })
  void aCandidateGroupsPerTaskGrant_isLeftOutOnlyWhereTheModelCoversEveryTask(
      String group, String process, boolean covered) {
    assertThat(ModelTaskGrants.coversEveryTask(MODEL, group, process)).isEqualTo(covered);
  }
}
