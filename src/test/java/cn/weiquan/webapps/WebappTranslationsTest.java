package cn.weiquan.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Our Chinese translation of the Camunda webapps (locales/zh.json beside each app's
 * scripts/config.js, served in front of Camunda's webjar) against the English one the webjar
 * bundles: every key, every placeholder, nothing left in English, one word per concept, and
 * moment.js date names with Monday as the first day of the week.
 */
class WebappTranslationsTest {

  private static final String LOCALES = "META-INF/resources/webjars/camunda/app/%s/locales/%s.json";

  /** Values that are the same in Chinese: product and format names, identifiers, literal values. */
  private static final Set<String> SAME_IN_CHINESE =
      Set.of(
          "Camunda",
          "Optimize",
          "ID",
          "ID*",
          "CSV",
          "JSON",
          "null",
          "<null>",
          "<undefined>",
          "YYYY-MM-DDTHH:mm:ss");

  /** An English plural ending ("instance" + "s"): Chinese has none, so its translation is empty. */
  private static final String PLURAL_ENDING = "s";

  /**
   * What the webapps substitute or render: {{…}}, {} (pluralisation), %s/%d, HTML tags and
   * entities.
   */
  private static final Pattern PLACEHOLDER =
      Pattern.compile(
          "\\{\\{[^}]*}}|\\{}|%[sd]|</?(?:a|b|br|code|em|i|li|p|span|strong|ul)\\b[^>]*>|&[a-z]+;");

  /** One Chinese word per Camunda concept: an English value naming the concept must use it. */
  private static final Map<String, String> GLOSSARY =
      Map.ofEntries(
          Map.entry("\\bincidents?\\b", "异常事件"),
          Map.entry("\\bclaim(s|ed|ing)?\\b", "认领"),
          Map.entry("\\bassignees?\\b", "处理人"),
          Map.entry("\\bprocess instances?\\b", "流程实例"),
          Map.entry("\\bprocess definitions?\\b", "流程定义"),
          Map.entry("\\bdeployments?\\b", "部署"),
          Map.entry("\\bdecision (definition|instance)s?\\b", "决策"),
          Map.entry("\\bbatch(es)?\\b", "批"),
          Map.entry("\\btenants?\\b", "租户"),
          Map.entry("\\bauthorizations?\\b", "授权"),
          Map.entry("\\bdashboard\\b", "仪表盘"),
          Map.entry("\\bvariables?\\b", "变量"),
          Map.entry("\\bdue dates?\\b", "到期日"),
          Map.entry("\\bfollow[- ]?up\\b", "跟进"),
          Map.entry("\\bhistory\\b", "历史"),
          Map.entry("\\bcandidate groups?\\b", "候选组"),
          Map.entry("\\bjobs?\\b", "作业"),
          Map.entry("\\buser tasks?\\b", "用户任务"),
          Map.entry("\\bexternal tasks?\\b", "外部任务"));

  private static final ObjectMapper JSON = new ObjectMapper();

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void chineseCoversEveryEnglishKey_withItsPlaceholders_andNothingLeftInEnglish(String app)
      throws IOException {
    JsonNode english = locale(app, "en").path("labels");
    JsonNode chinese = locale(app, "zh").path("labels");

    List<String> missing = new ArrayList<>();
    List<String> empty = new ArrayList<>();
    List<String> lostPlaceholders = new ArrayList<>();
    List<String> untranslated = new ArrayList<>();
    List<String> offGlossary = new ArrayList<>();
    int covered = 0;
    for (Iterator<Map.Entry<String, JsonNode>> it = english.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      String key = entry.getKey();
      String en = entry.getValue().asText();
      if (!chinese.hasNonNull(key)) {
        missing.add(key);
        continue;
      }
      covered++;
      String zh = chinese.get(key).asText();
      if (zh.isBlank() && !en.equals(PLURAL_ENDING)) {
        empty.add(key);
      }
      for (String placeholder : placeholders(en)) {
        if (!zh.contains(placeholder)) {
          lostPlaceholders.add(key + " " + placeholder + " → " + zh);
        }
      }
      if (zh.equals(en) && en.matches("(?s).*[A-Za-z]{2,}.*") && !SAME_IN_CHINESE.contains(en)) {
        untranslated.add(key + " = " + en);
      }
      String words = PLACEHOLDER.matcher(en).replaceAll(" ");
      GLOSSARY.forEach(
          (concept, term) -> {
            if (Pattern.compile(concept, Pattern.CASE_INSENSITIVE).matcher(words).find()
                && !zh.contains(term)) {
              offGlossary.add(key + " (" + term + ") → " + zh);
            }
          });
    }
    System.out.printf(
        "%s: %d/%d keys translated (zh.json has %d)%n",
        app, covered, english.size(), chinese.size());

    SoftAssertions.assertSoftly(
        softly -> {
          softly
              .assertThat(missing)
              .as("%s: keys of en.json without a Chinese value", app)
              .isEmpty();
          softly.assertThat(empty).as("%s: empty Chinese values", app).isEmpty();
          softly
              .assertThat(lostPlaceholders)
              .as("%s: placeholders lost in translation", app)
              .isEmpty();
          softly.assertThat(untranslated).as("%s: values still in English", app).isEmpty();
          softly
              .assertThat(offGlossary)
              .as("%s: a concept not in its glossary word", app)
              .isEmpty();
        });
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void chineseDates_mondayFirst_withChineseNamesAndRelativeTimes(String app) throws IOException {
    JsonNode dates = locale(app, "zh").path("dateLocales");
    JsonNode englishDates = locale(app, "en").path("dateLocales");

    englishDates
        .fieldNames()
        .forEachRemaining(
            field -> assertThat(dates.has(field)).as("%s: dateLocales.%s", app, field).isTrue());
    assertThat(dates.path("week").path("dow").asInt(-1))
        .as("first day of the week: Monday")
        .isEqualTo(1);
    assertThat(texts(dates.path("months"))).hasSize(12).startsWith("一月").endsWith("十二月");
    assertThat(texts(dates.path("weekdays"))).hasSize(7).startsWith("星期日", "星期一");
    assertThat(texts(dates.path("weekdaysShort"))).hasSize(7).startsWith("周日", "周一");
    assertThat(texts(dates.path("weekdaysMin"))).hasSize(7);
    JsonNode relative = dates.path("relativeTime");
    // moment.js: "in 4 days" = future with dd, "a minute ago" = past with m
    assertThat(
            relative
                .path("future")
                .asText()
                .replace("%s", relative.path("dd").asText().replace("%d", "4")))
        .isEqualTo("4天后");
    assertThat(relative.path("past").asText().replace("%s", relative.path("m").asText()))
        .isEqualTo("1分钟前");
    assertThat(dates.path("longDateFormat").path("LL").asText()).isEqualTo("YYYY年M月D日");
  }

  private static JsonNode locale(String app, String language) throws IOException {
    String path = LOCALES.formatted(app, language);
    try (InputStream in = WebappTranslationsTest.class.getClassLoader().getResourceAsStream(path)) {
      assertThat(in).as("%s on the classpath", path).isNotNull();
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return JSON.readTree(
          text.startsWith("\uFEFF") ? text.substring(1) : text); // Camunda's files carry a BOM
    }
  }

  private static Set<String> placeholders(String text) {
    Set<String> found = new LinkedHashSet<>();
    Matcher matcher = PLACEHOLDER.matcher(text);
    while (matcher.find()) {
      found.add(matcher.group());
    }
    return found;
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(node -> texts.add(node.asText()));
    return texts;
  }
}
