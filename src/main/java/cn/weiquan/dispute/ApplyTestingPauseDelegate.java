package cn.weiquan.dispute;

import static cn.weiquan.cases.CaseVariables.*;
import static cn.weiquan.dispute.DisputeVariables.*;

import cn.weiquan.calendar.ChineseDates;
import cn.weiquan.calendar.DeadlinePause;
import java.util.Date;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_ApplyTestingPause: product testing or appraisal during mediation is not counted in the
 * mediation period (SAMR Order 20 Art. 20), so the mediation limit moves by the paused working
 * days; the engine re-evaluates the limit's timer and its reminder's from the moved deadline.
 */
@Component("applyTestingPause")
public class ApplyTestingPauseDelegate implements JavaDelegate {

  private final DeadlinePause deadlinePause;

  public ApplyTestingPauseDelegate(DeadlinePause deadlinePause) {
    this.deadlinePause = deadlinePause;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Date from = date(execution, PAUSED_FROM);
    Date to = date(execution, PAUSED_TO);
    if (from == null || to == null) {
      throw new BadUserRequestException("请填写检测、鉴定的开始日期和结束日期（pausedFrom、pausedTo）");
    }
    if (to.before(from)) {
      // the form cannot compare two dates (form-js): refused here, the task stays open, Tasklist
      // shows this
      throw new BadUserRequestException(
          "检测、鉴定的结束日期（"
              + ChineseDates.dateTime(to)
              + "）不能早于开始日期（"
              + ChineseDates.dateTime(from)
              + "）");
    }
    deadlinePause.apply(execution.getProcessInstanceId(), MEDIATION_DUE, from, to);
  }
}
