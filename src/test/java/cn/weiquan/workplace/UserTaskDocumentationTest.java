package cn.weiquan.workplace;

import static org.assertj.core.api.Assertions.assertThat;

import cn.weiquan.support.ProjectFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.Documentation;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;

/**
 * Every user task says what the step asks of the person (Tasklist's Description tab shows a user
 * task's documentation): what to check, on which law or rule, and what happens after. Laws are
 * cited only where the rules already cite them.
 */
class UserTaskDocumentationTest {
  /**
   * An article, e.g. 第三十九条, which follows the law's name (or another article of the same law after
   * 、).
   */
  static final Pattern ARTICLE = Pattern.compile("第[一二三四五六七八九十百千零]+条");

  /** The laws and regulations the product's rules cite (periods, decision tables, README). */
  static final List<String> LAWS =
      List.of(
          "消费者权益保护法",
          "民法典",
          "民事诉讼法",
          "仲裁法",
          "人民调解法",
          "电子商务法",
          "个人信息保护法",
          "快递暂行条例",
          "市场监督管理投诉举报处理暂行办法",
          "市场监督管理投诉举报处理办法",
          "市场监督管理行政处罚程序规定");

  /** The company's or the platform's own rule, said plainly. */
  static final List<String> OWN_RULES = List.of("本公司投诉处理制度", "本平台规则");

  /** Words for what comes next. */
  static final Pattern AFTER = Pattern.compile("完成后|之后|随后|后进入|进入|结案|等待|回到|转主管|报批|通知");

  record Doc(String file, String task, String text) {}

  @Test
  void everyUserTaskOfEveryProcess_saysWhatToCheck_onWhichBasis_andWhatComesNext()
      throws Exception {
    List<Doc> docs = documentation();
    assertThat(docs).as("user tasks found").hasSizeGreaterThanOrEqualTo(28);
    for (Doc doc : docs) {
      String where = doc.file() + " " + doc.task();
      assertThat(doc.text()).as(where + " has documentation").isNotBlank();
      assertThat(doc.text().length())
          .as(where + ": a paragraph a person reads, not a label or an essay")
          .isBetween(60, 400);
      assertThat(
              !citations(doc.text()).isEmpty() || OWN_RULES.stream().anyMatch(doc.text()::contains))
          .as(
              where
                  + " names the law or says it is the company's or the platform's own rule: "
                  + doc.text())
          .isTrue();
      assertThat(AFTER.matcher(doc.text()).find())
          .as(where + " says what happens after: " + doc.text())
          .isTrue();
      assertThat(doc.text())
          .as(where + ": plain text (an expression would be evaluated)")
          .doesNotContain("${", "#{");
      assertThat(placeholders())
          .as(where)
          .noneMatch(word -> doc.text().toLowerCase().contains(word));
    }
  }

  @Test
  void everyLawCitedInATask_isOneTheRulesAlreadyCite() throws Exception {
    List<String> rules = citations(ruleTexts());
    List<String> cited = new ArrayList<>();
    for (Doc doc : documentation()) {
      for (String citation : citations(doc.text())) {
        cited.add(citation);
        assertThat(rules)
            .as(
                doc.task()
                    + " cites "
                    + citation
                    + ", which no period, decision table or README cites")
            .contains(citation);
        assertThat(citation).as(doc.task()).doesNotStartWith("（未知法律）");
      }
    }
    assertThat(cited).as("the tasks cite laws at all").contains("消费者权益保护法第三十九条", "民事诉讼法第二百五十条");
  }

  @Test
  void citations_nameTheLawOfEachArticle_andAnUnknownLawIsNoCitation() {
    assertThat(citations("依据：《仲裁法》第四条、第五条；消费者仍可依民事诉讼法第一百二十二条起诉"))
        .containsExactly("仲裁法第四条", "仲裁法第五条", "民事诉讼法第一百二十二条");
    assertThat(citations("依据：某某条例第三条")).containsExactly("（未知法律）第三条");
  }

  /** Each article cited, with its law's name; an article after no known law is reported as such. */
  static List<String> citations(String text) {
    List<String> found = new ArrayList<>();
    String law = null;
    Matcher m = ARTICLE.matcher(text);
    while (m.find()) {
      String before = text.substring(0, m.start()).replaceAll("》$", "");
      String named = LAWS.stream().filter(before::endsWith).findFirst().orElse(null);
      if (named != null) {
        law = named;
      } else if (!(before.endsWith("、") && law != null)) {
        law = "（未知法律）";
      }
      found.add(law + m.group());
    }
    return found;
  }

  static List<Doc> documentation() throws IOException {
    List<Doc> docs = new ArrayList<>();
    try (Stream<Path> files = Files.list(ProjectFiles.path("processes"))) {
      for (Path file : files.filter(p -> p.toString().endsWith(".bpmn")).sorted().toList()) {
        for (UserTask task :
            Bpmn.readModelFromFile(file.toFile()).getModelElementsByType(UserTask.class)) {
          String text =
              task.getDocumentations().stream()
                  .map(Documentation::getTextContent)
                  .reduce("", String::concat);
          docs.add(new Doc(file.getFileName().toString(), task.getId(), text.strip()));
        }
      }
    }
    return docs;
  }

  /**
   * Where the product's rules cite laws: the statutory periods, the decision tables and the README.
   */
  static String ruleTexts() throws IOException {
    StringBuilder all =
        new StringBuilder(
            Files.readString(ProjectFiles.path("src/main/resources/calendar/periods.yaml")));
    all.append(Files.readString(ProjectFiles.path("README.md")));
    try (Stream<Path> files = Files.list(ProjectFiles.path("processes"))) {
      for (Path dmn : files.filter(p -> p.toString().endsWith(".dmn")).toList()) {
        all.append(Files.readString(dmn));
      }
    }
    return all.toString();
  }

  /** The words NoPlaceholderLawTest refuses in the rules' texts: one list. */
  @SuppressWarnings("unchecked")
  static List<String> placeholders() throws Exception {
    var field =
        Class.forName("cn.weiquan.rules.NoPlaceholderLawTest").getDeclaredField("PLACEHOLDERS");
    field.setAccessible(true);
    return (List<String>) field.get(null);
  }
}
