package cn.weiquan.analytics;

import cn.weiquan.platform.EngineClock;
import cn.weiquan.platform.ProcessKeys;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Something to look at on first start (local profile, {@code weiquan.demo-data=true}): three dozen
 * cases after the seed's examples, run through the real processes as if they had happened over the
 * past eight weeks (the engine clock is moved for each step, then put back), so the 案件看板 and
 * Tasklist are not empty: withdrawn cases, cases waiting for the merchant or for the consumer's
 * choice of channel (some of them past the deadline), cases in each channel, and complaints
 * answered on time, late, or not yet. Made once: a database that has them already gets none again.
 * The people are invented (演示 names, 139-0000 numbers, example.cn addresses).
 */
@Component
@Profile("local")
@ConditionalOnProperty(name = "weiquan.demo-data", havingValue = "true")
public class DemoData {
  static final String MARKER = "demoData";
  private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);

  /** A dispute of the seed's kind: what was bought, and what happened to it how many days ago. */
  record Dispute(
      String item, String price, String category, String platform, int daysAgo, String path) {}

  /**
   * A complaint to a company's desk: category, when, and after how many hours it got its first
   * response (-1: not yet).
   */
  record Complaint(String category, boolean safetyHazard, int daysAgo, int answeredAfterHours) {}

  static final List<Dispute> DISPUTES =
      List.of(
          new Dispute("电热水壶", "199.00", "quality", "tmall", 55, "withdraw:3"),
          new Dispute("滚筒洗衣机", "2999.00", "quality", "jd", 50, "withdraw:12"),
          new Dispute("运动鞋", "459.00", "not-as-described", "taobao", 46, "withdraw:5"),
          new Dispute("健身年卡", "3680.00", "service", "other", 40, "withdraw:20"),
          new Dispute("空气净化器", "899.00", "false-advertising", "jd", 33, "withdraw:7"),
          new Dispute("婴儿奶粉", "328.00", "quality", "tmall", 27, "withdraw:2"),
          new Dispute("蓝牙耳机", "249.00", "after-sales", "pdd", 21, "withdraw:9"),
          new Dispute("羽绒服", "1299.00", "quality", "taobao", 2, "merchant"),
          new Dispute("智能手表", "1599.00", "not-as-described", "jd", 1, "merchant"),
          new Dispute("床垫", "2680.00", "logistics", "tmall", 0, "merchant"),
          new Dispute("电饭煲", "399.00", "quality", "tmall", 18, "choice"),
          new Dispute("扫地机器人", "1899.00", "after-sales", "jd", 12, "choice"),
          new Dispute("在线课程", "1980.00", "service", "other", 4, "choice"),
          new Dispute("手机", "4999.00", "quality", "jd", 1, "choice"),
          new Dispute("护肤套装", "568.00", "false-advertising", "taobao", 16, "channel:platform"),
          new Dispute("电动牙刷", "299.00", "quality", "pdd", 6, "channel:platform"),
          new Dispute("冰箱", "3999.00", "quality", "tmall", 25, "channel:association"),
          new Dispute("装修服务", "28000.00", "service", "other", 14, "channel:association"),
          new Dispute("过期零食礼盒", "168.00", "quality", "taobao", 30, "channel:regulator"),
          new Dispute("二手车检测", "600.00", "false-advertising", "other", 9, "channel:regulator"),
          new Dispute("笔记本电脑", "6999.00", "quality", "jd", 35, "channel:arbitration"),
          new Dispute("定制家具", "15800.00", "not-as-described", "other", 42, "channel:court"),
          new Dispute("快递丢失的相机", "5200.00", "logistics", "taobao", 8, "channel:court"),
          new Dispute("美容卡", "5000.00", "service", "other", 3, "channel:association"));

  static final List<Complaint> COMPLAINTS =
      List.of(
          new Complaint("lift-failure", true, 20, 1),
          new Complaint("lift-failure", true, 13, 30),
          new Complaint("burst-pipe", true, 9, 2),
          new Complaint("staff-attitude", false, 15, 4),
          new Complaint("staff-attitude", false, 6, 96),
          new Complaint("unreasonable-fees", false, 11, 20),
          new Complaint("cleaning", false, 5, -1),
          new Complaint("power-outage", true, 2, -1),
          new Complaint("product-quality", false, 24, 6),
          new Complaint("delivery", false, 1, -1),
          new Complaint("food-safety", true, 3, 5),
          new Complaint("security", true, 0, -1));

  private final ProcessEngine engine;

  public DemoData(ProcessEngine engine) {
    this.engine = engine;
  }

  @EventListener(ApplicationReadyEvent.class)
  public void createOnce() {
    if (engine
            .getHistoryService()
            .createHistoricVariableInstanceQuery()
            .variableName(MARKER)
            .count()
        > 0) {
      LOG.info("Demo data: already there");
      return;
    }
    Instant now = EngineClock.instant();
    int made = 0;
    try {
      for (int i = 0; i < DISPUTES.size(); i++) {
        made += dispute(DISPUTES.get(i), i, now) ? 1 : 0;
      }
      for (int i = 0; i < COMPLAINTS.size(); i++) {
        made += complaint(COMPLAINTS.get(i), i, now) ? 1 : 0;
      }
    } finally {
      EngineClock.resetToSystemTime();
    }
    LOG.info("Demo data: {} of {} cases made", made, DISPUTES.size() + COMPLAINTS.size());
  }

  private boolean dispute(Dispute d, int n, Instant now) {
    Instant start = now.minus(Duration.ofDays(d.daysAgo())).minus(Duration.ofHours(n % 7));
    try {
      at(start);
      ProcessInstance instance =
          engine
              .getRuntimeService()
              .startProcessInstanceByKey(ProcessKeys.CONSUMER_DISPUTE, disputeFacts(d, n, start));
      runAsync(instance.getId());
      String path = d.path();
      if (path.startsWith("withdraw:")) {
        at(start.plus(Duration.ofDays(Integer.parseInt(path.substring(9)))));
        engine
            .getRuntimeService()
            .createMessageCorrelation("Withdraw")
            .processInstanceId(instance.getId())
            .setVariable("withdrawReason", "已与商家私下和解")
            .correlate();
        runAsync(instance.getId());
        return true;
      }
      if (path.equals("merchant")) {
        return true;
      }
      at(start.plus(Duration.ofHours(20)));
      engine
          .getRuntimeService()
          .createMessageCorrelation("MerchantResponse")
          .processInstanceId(instance.getId())
          .setVariable("merchantAnswer", "reject")
          .correlate();
      runAsync(instance.getId());
      if (path.equals("choice")) {
        return true;
      }
      at(start.plus(Duration.ofDays(2)));
      Task choice =
          engine
              .getTaskService()
              .createTaskQuery()
              .processInstanceId(instance.getId())
              .taskDefinitionKey("Task_RecordChannelChoice")
              .singleResult();
      engine
          .getTaskService()
          .complete(choice.getId(), Map.of("nextChannel", path.substring("channel:".length())));
      runAsync(instance.getId());
      return true;
    } catch (RuntimeException e) {
      LOG.warn("Demo data: dispute {} ({}) not made: {}", n, d.path(), e.getMessage());
      return false;
    }
  }

  private boolean complaint(Complaint c, int n, Instant now) {
    Instant received = now.minus(Duration.ofDays(c.daysAgo())).minus(Duration.ofHours(2 + n % 5));
    try {
      at(received);
      Map<String, Object> v = new HashMap<>();
      v.put("complainantName", "演示投诉人" + (n + 1));
      v.put("complainantPhone", String.format("1390000%04d", 100 + n));
      v.put("complainantEmail", "demo.complainant" + (n + 1) + "@example.cn");
      v.put("contactChannel", List.of("phone", "email", "walk-in", "platform", "12315").get(n % 5));
      v.put("occurredOn", LocalDate.ofInstant(received, EngineClock.CHINA).minusDays(1).toString());
      v.put("location", (n % 6 + 1) + "号楼");
      v.put("category", c.category());
      v.put("description", "演示投诉：" + c.category());
      v.put("claim", "尽快处理并说明原因");
      v.put("amountClaimed", "0.00");
      v.put("safetyHazard", c.safetyHazard());
      v.put("personalInjury", false);
      v.put("mediaExposure", false);
      v.put("repeatComplaint", false);
      v.put("filedBy", "demo");
      v.put("registeredBy", "demo");
      v.put(MARKER, true);
      ProcessInstance instance =
          engine.getRuntimeService().startProcessInstanceByKey(ProcessKeys.ENTERPRISE_COMPLAINT, v);
      runAsync(instance.getId());
      if (c.answeredAfterHours() >= 0) {
        at(received.plus(Duration.ofHours(c.answeredAfterHours())));
        Task accept =
            engine
                .getTaskService()
                .createTaskQuery()
                .processInstanceId(instance.getId())
                .taskDefinitionKey("Task_AcceptComplaint")
                .singleResult();
        engine
            .getFormService()
            .submitTaskForm(accept.getId(), Map.of("firstContactNote", "已致电投诉人说明处理安排"));
        runAsync(instance.getId());
      }
      return true;
    } catch (RuntimeException e) {
      LOG.warn("Demo data: complaint {} not made: {}", n, e.getMessage());
      return false;
    }
  }

  private static Map<String, Object> disputeFacts(Dispute d, int n, Instant start) {
    LocalDate day = LocalDate.ofInstant(start, EngineClock.CHINA);
    Map<String, Object> v = new HashMap<>();
    v.put("consumerName", "演示消费者" + (n + 1));
    v.put("consumerPhone", String.format("1390000%04d", n));
    v.put("consumerEmail", "demo.consumer" + (n + 1) + "@example.cn");
    v.put("merchantName", "演示商家" + (n % 8 + 1) + "号店");
    v.put("merchantEmail", "demo.shop" + (n % 8 + 1) + "@example.cn");
    v.put("platform", d.platform());
    v.put("purchaseChannel", "other".equals(d.platform()) ? "offline" : "online-platform");
    v.put("itemName", d.item());
    v.put("price", d.price());
    v.put("quantity", 1);
    v.put("paidAt", EngineClock.startOf(day.minusDays(10)));
    v.put("receivedAt", EngineClock.startOf(day.minusDays(8)));
    v.put("harmKnownOn", EngineClock.startOf(day.minusDays(5)));
    v.put("category", d.category());
    v.put("description", "演示案件：" + d.item() + "出现问题");
    v.put("claimRefund", true);
    v.put("arbitrationAgreement", d.path().endsWith("arbitration"));
    v.put("filedBy", "demo");
    v.put("registeredBy", "demo");
    v.put(MARKER, true);
    return v;
  }

  /**
   * The steps a case takes at once (mails, stage changes) run now, at the demo's moment, not later
   * by the executor.
   */
  private void runAsync(String processInstanceId) {
    List<String> ids = new ArrayList<>(List.of(processInstanceId));
    for (int i = 0; i < ids.size(); i++) {
      engine
          .getRuntimeService()
          .createProcessInstanceQuery()
          .superProcessInstanceId(ids.get(i))
          .list()
          .forEach(called -> ids.add(called.getId()));
    }
    for (int round = 0; round < 20; round++) {
      List<Job> due = new ArrayList<>();
      for (String id : ids) {
        due.addAll(
            engine
                .getManagementService()
                .createJobQuery()
                .processInstanceId(id)
                .messages()
                .executable()
                .list());
      }
      if (due.isEmpty()) {
        return;
      }
      for (Job job : due) {
        try {
          engine.getManagementService().executeJob(job.getId());
        } catch (RuntimeException alreadyTaken) {
          // the job executor may have run it meanwhile
        }
      }
    }
  }

  private static void at(Instant instant) {
    EngineClock.moveTo(Date.from(instant));
  }
}
