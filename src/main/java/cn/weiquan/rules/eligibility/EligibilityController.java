package cn.weiquan.rules.eligibility;

import cn.weiquan.rules.JsonInput;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** POST /api/eligibility: can the case be accepted, may punitive sums be claimed, and why. */
@RestController
public class EligibilityController {
  private final EligibilityService eligibility;

  public EligibilityController(EligibilityService eligibility) {
    this.eligibility = eligibility;
  }

  @PostMapping(path = "/api/eligibility", consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  public EligibilityResult check(@RequestBody(required = false) String body) {
    return eligibility.check(read(JsonInput.parse(body)));
  }

  static EligibilityFacts read(JsonInput in) {
    String channel = in.text("channel", EligibilityFacts.CHANNELS, true);
    String platformComplaint = in.text("platformComplaint", EligibilityFacts.PLATFORM_COMPLAINTS, false);
    boolean windowed = "platform".equals(channel)
        && ("malicious-review".equals(platformComplaint) || "harassment".equals(platformComplaint));
    return new EligibilityFacts(
        in.bool("naturalPerson", true),
        in.text("purpose", EligibilityFacts.PURPOSES, true),
        in.date("harmKnownOn", true),
        in.date("filedOn", false),
        channel,
        in.textList("pendingBefore", EligibilityFacts.PENDING_BODIES, EligibilityFacts.PENDING_BODIES.size()),
        platformComplaint,
        in.date("tradeCompletedOn", windowed))
        .withPurchase(in.integer("quantity", 1, 1_000_000, false), orZero(in.integer("earlierFilings", 0, 100_000, false)),
            Boolean.TRUE.equals(in.bool("foodOrDrug", false)));
  }

  private static int orZero(Integer value) {
    return value == null ? 0 : value;
  }
}
