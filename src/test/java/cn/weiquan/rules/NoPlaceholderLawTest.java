package cn.weiquan.rules;

import static org.assertj.core.api.Assertions.assertThat;

import cn.weiquan.calendar.Deadlines;
import cn.weiquan.calendar.PeriodVersion;
import cn.weiquan.calendar.StatutoryPeriod;
import cn.weiquan.calendar.StatutoryPeriods;
import cn.weiquan.rules.compensation.BreakdownLine;
import cn.weiquan.rules.compensation.CompensationQuote;
import cn.weiquan.rules.compensation.CompensationService;
import cn.weiquan.rules.compensation.LitigationClaims;
import cn.weiquan.rules.compensation.QuoteRequest;
import cn.weiquan.rules.compensation.QuoteRequest.ClaimItem;
import cn.weiquan.rules.eligibility.EligibilityFacts;
import cn.weiquan.rules.eligibility.EligibilityResult;
import cn.weiquan.rules.eligibility.EligibilityService;
import cn.weiquan.rules.periods.DisputePeriods;
import cn.weiquan.rules.periods.PeriodCheck;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * No placeholder law: every legal basis, label and message that a party or a staff member can read
 * in the rules and the legal clock cites a law, a regulation or a published platform rule, or says
 * plainly that it is the platform's or the company's own rule. None carries a note from the
 * material it was written from.
 */
class NoPlaceholderLawTest {
  /** Words that mark a draft, not a rule a person may rely on. */
  static final List<String> PLACEHOLDERS =
      List.of(
          "种子",
          "待核实",
          "待确认",
          "可配置",
          "待定",
          "待补充",
          "占位",
          "seed",
          "todo",
          "tbd",
          "fixme",
          "placeholder",
          "lorem",
          "xxx");

  /** A text that a person reads, and where it comes from (for the failure message). */
  record Text(String where, String text) {}

  static List<String> placeholdersIn(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    return PLACEHOLDERS.stream().filter(lower::contains).toList();
  }

  private static void assertNoPlaceholders(List<Text> texts, int atLeast) {
    assertThat(texts).as("texts found to check").hasSizeGreaterThanOrEqualTo(atLeast);
    List<String> offending = new ArrayList<>();
    for (Text t : texts) {
      if (t.text() == null || t.text().isBlank()) {
        offending.add(t.where() + ": empty");
      } else if (!placeholdersIn(t.text()).isEmpty()) {
        offending.add(t.where() + ": " + placeholdersIn(t.text()) + " in \"" + t.text() + "\"");
      }
    }
    assertThat(offending).as("texts with a placeholder instead of a basis").isEmpty();
  }

  @Test
  void periodTable_labelsAndBasesOfEveryVersion() {
    List<Text> texts = new ArrayList<>();
    for (StatutoryPeriod period : new StatutoryPeriods().all()) {
      texts.add(new Text("periods.yaml " + period.name() + " label", period.label()));
      for (PeriodVersion version : period.versions()) {
        texts.add(
            new Text(
                "periods.yaml " + period.name() + " from " + version.inForceFrom(),
                version.basis()));
      }
    }
    assertNoPlaceholders(texts, 20);
  }

  @Test
  void provisionalDeadlines_sayWhatIsMissing_withoutAPlaceholder() {
    assertNoPlaceholders(
        List.of(new Text("Deadlines.provisionalNote", Deadlines.provisionalNote(2100))), 1);
  }

  @Test
  void decisionTables_namesLabelsDescriptionsAndOutputTexts() throws Exception {
    List<Text> texts = new ArrayList<>();
    Resource[] tables =
        new PathMatchingResourcePatternResolver().getResources("classpath*:processes/*.dmn");
    assertThat(tables).as("decision tables on the classpath").hasSizeGreaterThanOrEqualTo(4);
    for (Resource table : tables) {
      Document dmn;
      try (InputStream in = table.getInputStream()) {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        dmn = factory.newDocumentBuilder().parse(in);
      }
      String file = table.getFilename();
      collect(dmn, "description", file, texts, e -> e.getTextContent());
      collect(dmn, "decision", file, texts, e -> e.getAttribute("name"));
      collect(dmn, "input", file, texts, e -> e.getAttribute("label"));
      collect(dmn, "output", file, texts, e -> e.getAttribute("label"));
      // output entries are FEEL: the strings among them are what the process stores and shows
      NodeList outputs = dmn.getElementsByTagNameNS("*", "outputEntry");
      for (int i = 0; i < outputs.getLength(); i++) {
        Element entry = (Element) outputs.item(i);
        texts.add(new Text(file + " " + entry.getAttribute("id"), entry.getTextContent().trim()));
      }
    }
    assertNoPlaceholders(texts, 50);
  }

  private static void collect(
      Document dmn,
      String tag,
      String file,
      List<Text> texts,
      java.util.function.Function<Element, String> text) {
    NodeList nodes = dmn.getElementsByTagNameNS("*", tag);
    for (int i = 0; i < nodes.getLength(); i++) {
      Element element = (Element) nodes.item(i);
      String parentId = ((Element) element.getParentNode()).getAttribute("id");
      texts.add(
          new Text(
              file
                  + " "
                  + tag
                  + " of "
                  + (element.hasAttribute("id") ? element.getAttribute("id") : parentId),
              text.apply(element)));
    }
  }

  @Test
  void everyQuote_basisLabelsAndNotesOfEveryBranch() {
    CompensationService service = new CompensationService();
    List<CompensationQuote> quotes = new ArrayList<>();
    for (String price : List.of("0.00", "100.00", "1000.00")) {
      quotes.add(service.quote(QuoteRequest.fraud(new BigDecimal(price))));
    }
    for (String basis : new String[] {null, "price", "loss"}) {
      quotes.add(
          service.quote(
              QuoteRequest.foodSafety(new BigDecimal("50.00"), new BigDecimal("400.00"), basis)));
      quotes.add(
          service.quote(
              QuoteRequest.foodSafety(new BigDecimal("500.00"), new BigDecimal("0.00"), basis)));
    }
    for (String platform : QuoteRequest.Rules.PLATFORMS) {
      for (String price : List.of("0.00", "100.00", "100000.00")) {
        quotes.add(service.quote(QuoteRequest.lateShipment(platform, new BigDecimal(price))));
      }
    }
    for (String status : QuoteRequest.Rules.WORK_STATUSES) {
      quotes.add(service.quote(QuoteRequest.lostWages(new BigDecimal("300.00"), 10, status)));
    }
    quotes.add(service.quote(QuoteRequest.courierLoss("courier", new BigDecimal("100.00"), null)));
    quotes.add(
        service.quote(
            QuoteRequest.courierLoss(
                "postal-registered", new BigDecimal("100.00"), new BigDecimal("10.00"))));
    quotes.add(
        service.quote(
            QuoteRequest.courierLoss(
                "postal-registered", new BigDecimal("10.00"), new BigDecimal("10.00"))));
    quotes.add(
        service.quote(
            QuoteRequest.companyPolicy(
                QuoteRequest.Rules.ITEM_TYPES.stream()
                    .map(type -> new ClaimItem(type, new BigDecimal("10.00")))
                    .toList())));

    for (boolean allowed : new boolean[] {true, false}) {
      quotes.add(
          service.litigationClaims(
              new LitigationClaims(
                  new BigDecimal("300.00"),
                  2,
                  true,
                  new BigDecimal("100.00"),
                  "fraud",
                  allowed,
                  allowed ? null : "购买数量 22 件，明显超出生活消费需要。")));
      quotes.add(
          service.litigationClaims(
              new LitigationClaims(new BigDecimal("300.00"), 1, false, null, null, allowed, null)));
    }
    List<Text> texts = new ArrayList<>();
    for (CompensationQuote quote : quotes) {
      texts.add(new Text("basis", quote.basis()));
      for (BreakdownLine line : quote.breakdown()) {
        texts.add(new Text("label", line.label()));
        texts.add(new Text("note of " + line.label(), line.note()));
      }
    }
    assertNoPlaceholders(texts, 60);
  }

  @Test
  void everyEligibilityReason_messageAndBasis() {
    EligibilityService service = new EligibilityService(Deadlines.fromClasspath());
    LocalDate harm = LocalDate.of(2025, 6, 1);
    LocalDate filed = LocalDate.of(2026, 3, 2);
    List<EligibilityFacts> cases =
        List.of(
            new EligibilityFacts(
                false, "living-consumption", harm, filed, "association", List.of(), null, null),
            new EligibilityFacts(true, "resale", harm, filed, "regulator", List.of(), null, null),
            new EligibilityFacts(
                true,
                "living-consumption",
                LocalDate.of(2020, 1, 2),
                filed,
                "regulator",
                List.of(),
                null,
                null),
            new EligibilityFacts(
                true,
                "living-consumption",
                LocalDate.of(2020, 1, 2),
                filed,
                "court",
                List.of(),
                null,
                null),
            new EligibilityFacts(
                true,
                "living-consumption",
                harm,
                filed,
                "regulator",
                List.of("court", "arbitration", "other-mediator"),
                null,
                null),
            new EligibilityFacts(
                true,
                "living-consumption",
                harm,
                filed,
                "association",
                List.of("other-mediator"),
                null,
                null),
            new EligibilityFacts(
                true,
                "living-consumption",
                harm,
                filed,
                "platform",
                List.of(),
                "malicious-review",
                LocalDate.of(2026, 1, 2)),
            new EligibilityFacts(
                true,
                "living-consumption",
                harm,
                filed,
                "platform",
                List.of(),
                "harassment",
                LocalDate.of(2026, 3, 3)),
            new EligibilityFacts(
                    true, "living-consumption", harm, filed, "court", List.of(), null, null)
                .withPurchase(22, 9, false));
    List<Text> texts = new ArrayList<>();
    for (EligibilityFacts facts : cases) {
      for (EligibilityResult.Reason reason : service.check(facts).reasons()) {
        texts.add(new Text(reason.code() + " message", reason.message()));
        texts.add(new Text(reason.code() + " basis", reason.basis()));
      }
    }
    assertNoPlaceholders(texts, 20);
  }

  @Test
  void everyPeriodCheck_messageAndBasis() {
    DisputePeriods periods = new DisputePeriods(Deadlines.fromClasspath());
    LocalDate received = LocalDate.of(2026, 3, 2);
    List<PeriodCheck> checks = new ArrayList<>();
    for (String channel : new String[] {"online-platform", "offline", "service", null}) {
      for (LocalDate asked :
          List.of(received.minusDays(1), received.plusDays(1), received.plusDays(30))) {
        checks.add(periods.noReasonReturn(channel, null, received, asked));
      }
    }
    for (String exception : DisputePeriods.RETURN_EXCEPTIONS.keySet()) {
      checks.add(periods.noReasonReturn("online-shop", exception, received, received));
    }
    for (String violation :
        new String[] {"malicious-review", "harassment", "late-shipment", null}) {
      checks.add(periods.platformFiling(violation, null, received));
      checks.add(periods.platformFiling(violation, received, received.plusDays(1)));
      checks.add(periods.platformFiling(violation, received, received.plusDays(30)));
    }
    List<Text> texts = new ArrayList<>();
    for (PeriodCheck check : checks) {
      texts.add(new Text(check.period() + " " + check.outcome() + " message", check.message()));
      texts.add(new Text(check.period() + " " + check.outcome() + " basis", check.basis()));
    }
    assertNoPlaceholders(texts, 50);
  }

  @Test
  void noStringLiteralOfTheRulesOrTheLegalClock_carriesAPlaceholder() throws IOException {
    Path base = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
    List<Text> texts = new ArrayList<>();
    for (String dir :
        List.of("src/main/java/cn/weiquan/rules", "src/main/java/cn/weiquan/calendar")) {
      Path root = base.resolve(dir);
      assertThat(root).as("source folder (run from the project folder)").isDirectory();
      try (Stream<Path> files = Files.walk(root)) {
        for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
          for (String literal : stringLiterals(Files.readString(file, StandardCharsets.UTF_8))) {
            texts.add(new Text(base.relativize(file).toString(), literal));
          }
        }
      }
    }
    // blank literals ("" as a separator) are no texts
    texts.removeIf(t -> t.text().isBlank());
    assertNoPlaceholders(texts, 100);
  }

  /**
   * The string literals of a Java source, comments skipped (text blocks are read as one literal).
   */
  static List<String> stringLiterals(String source) {
    List<String> literals = new ArrayList<>();
    int i = 0;
    int n = source.length();
    while (i < n) {
      char c = source.charAt(i);
      if (source.startsWith("//", i)) {
        i = source.indexOf('\n', i) < 0 ? n : source.indexOf('\n', i);
      } else if (source.startsWith("/*", i)) {
        i = source.indexOf("*/", i + 2) < 0 ? n : source.indexOf("*/", i + 2) + 2;
      } else if (source.startsWith("\"\"\"", i)) {
        int end = source.indexOf("\"\"\"", i + 3);
        literals.add(source.substring(i + 3, end));
        i = end + 3;
      } else if (c == '"' || c == '\'') {
        StringBuilder literal = new StringBuilder();
        int j = i + 1;
        while (j < n && source.charAt(j) != c) {
          if (source.charAt(j) == '\\') {
            j++;
          }
          literal.append(source.charAt(j));
          j++;
        }
        if (c == '"') {
          literals.add(literal.toString());
        }
        i = j + 1;
      } else {
        i++;
      }
    }
    return literals;
  }

  @Test
  void theCheckItselfFindsAPlaceholder() {
    assertThat(placeholdersIn("平台规则（种子材料）")).containsExactly("种子");
    assertThat(placeholdersIn("六十日（待核实）")).containsExactly("待核实");
    assertThat(placeholdersIn("默认期限（可配置）")).containsExactly("可配置");
    assertThat(
            stringLiterals(
                "// \"种子\"\nString a = \"依据\" + 'x'; /* \"待核实\" */ String b = \"第\\\"二\\\"条\";"))
        .containsExactly("依据", "第\"二\"条");
  }
}
