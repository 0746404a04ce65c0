package cn.weiquan.complaint;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * weiquan.complaint.*: the company's own complaint-desk policy.
 *
 * @param maxReopen reopenings after an unsatisfied visit before the case goes to supervisors
 *     instead
 * @param satisfiedFrom the lowest visit score (1–5) that counts as satisfied
 * @param visitPeriod the calendar period (deadlines) from the response to the follow-up visit
 */
@ConfigurationProperties("weiquan.complaint")
public record ComplaintProperties(
    @DefaultValue("2") int maxReopen,
    @DefaultValue("4") int satisfiedFrom,
    @DefaultValue("follow-up-visit") String visitPeriod) {

  public static ComplaintProperties defaults() {
    return new ComplaintProperties(2, 4, "follow-up-visit");
  }
}
