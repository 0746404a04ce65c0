package cn.weiquan.support;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

/**
 * The registration variables of a consumer dispute over a purchase on an e-commerce platform
 * (taobao), filed through the demo api client: paid 10 days before {@code today}, received 8 days
 * before, the harm known 7 days before, a quality problem, a refund claimed. The tests name the
 * consumer, the contact data and the item, which they look for (or must not find) in what they
 * read; the map is theirs to change.
 */
public final class DisputeFacts {
  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  private DisputeFacts() {}

  public static Map<String, Object> onlinePurchase(
      LocalDate today,
      String consumerName,
      String consumerPhone,
      String consumerEmail,
      String itemName,
      String description) {
    Map<String, Object> v = new HashMap<>();
    v.put("consumerName", consumerName);
    v.put("consumerPhone", consumerPhone);
    v.put("consumerEmail", consumerEmail);
    v.put("merchantName", "某家电旗舰店");
    v.put("merchantEmail", "shop@example.cn");
    v.put("platform", "taobao");
    v.put("purchaseChannel", "online-platform");
    v.put("itemName", itemName);
    v.put("price", "1999.00");
    v.put("quantity", 1);
    v.put("paidAt", daysBefore(today, 10));
    v.put("receivedAt", daysBefore(today, 8));
    v.put("harmKnownOn", daysBefore(today, 7));
    v.put("category", "quality");
    v.put("description", description);
    v.put("claimRefund", true);
    v.put("filedBy", "api");
    v.put("registeredBy", "api");
    return v;
  }

  private static Date daysBefore(LocalDate today, int days) {
    return Date.from(today.minusDays(days).atStartOfDay(CHINA).toInstant());
  }
}
