package cn.weiquan.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Which candidate groups get no per-task grant from the engine: only where the access model lets
 * the group read and work every task of the process.
 */
class ModelTaskGrantsTest {
  private static final List<AccessModel.Grant> MODEL = AccessModel.grants();

  @Test
  void mediators_onTheDisputeAndItsMediatedChannels_areCoveredByTheModel() {
    assertThat(ModelTaskGrants.coversEveryTask(MODEL, "mediators", ProcessKeys.CONSUMER_DISPUTE))
        .isTrue();
    for (String channel : ProcessKeys.MEDIATED_CHANNELS) {
      assertThat(ModelTaskGrants.coversEveryTask(MODEL, "mediators", channel)).as(channel).isTrue();
    }
    assertThat(
            ModelTaskGrants.coversEveryTask(MODEL, "supervisors", ProcessKeys.ENTERPRISE_COMPLAINT))
        .as("supervisors may work any task")
        .isTrue();
  }

  @Test
  void groupsThatSeeOnlyTheTasksGivenToThem_keepTheEnginesPerTaskGrant() {
    assertThat(ModelTaskGrants.coversEveryTask(MODEL, "mediators", ProcessKeys.DISPUTE_PLATFORM))
        .as("the platform's review is the reviewers'")
        .isFalse();
    assertThat(
            ModelTaskGrants.coversEveryTask(
                MODEL, "platform-reviewers", ProcessKeys.DISPUTE_PLATFORM))
        .isFalse();
    assertThat(
            ModelTaskGrants.coversEveryTask(
                MODEL, "dept-engineering", ProcessKeys.ENTERPRISE_COMPLAINT))
        .isFalse();
    assertThat(
            ModelTaskGrants.coversEveryTask(
                MODEL, "complaint-handlers", ProcessKeys.COMPLAINT_PAYOUT_APPROVAL))
        .isFalse();
    assertThat(
            ModelTaskGrants.coversEveryTask(
                MODEL, "headquarters", ProcessKeys.COMPLAINT_PAYOUT_APPROVAL))
        .isFalse();
  }
}
