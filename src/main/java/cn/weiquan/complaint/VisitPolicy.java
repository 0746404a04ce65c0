package cn.weiquan.complaint;

/**
 * What an unsatisfied follow-up visit leads to: the seed says 直到业主满意为止, the company caps the loop
 * (weiquan.complaint.max-reopen) and hands the case to supervisors instead.
 */
public final class VisitPolicy {
  public static final String SATISFIED = "satisfied";
  public static final String REOPEN = "reopen";
  public static final String ESCALATE = "escalate";

  private VisitPolicy() {}

  public static boolean satisfied(int satisfaction, ComplaintProperties properties) {
    return satisfaction >= properties.satisfiedFrom();
  }

  public static String outcome(int satisfaction, int reopenCount, ComplaintProperties properties) {
    if (satisfaction < 1 || satisfaction > 5) {
      throw new IllegalArgumentException("满意度应为 1–5 分: " + satisfaction);
    }
    if (satisfied(satisfaction, properties)) {
      return SATISFIED;
    }
    return reopenCount < properties.maxReopen() ? REOPEN : ESCALATE;
  }
}
