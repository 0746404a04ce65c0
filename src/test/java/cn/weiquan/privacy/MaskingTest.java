package cn.weiquan.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The one masking rule of log lines: what it masks, and what it must leave readable (case numbers,
 * dates, sums, ids).
 */
class MaskingTest {

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "mail sent to li.ming@example.com (consumer)            | mail sent to l***@example.com (consumer)",
        "联系人邮箱 zhang.san+shop@mail.example.cn，请回复         | 联系人邮箱 z***@mail.example.cn，请回复",
        "complainant phone 13812345678 called                  | complainant phone 138****5678 called",
        "电话：+86 138 1234 5678                                 | 电话：+86 138****5678",
        "固话 010-62751234 或 0755 8888 6666                     | 固话 010-****1234 或 0755-****6666",
        "身份证 11010519491231002X 已核验                          | 身份证 1101**********002X 已核验",
        "order 1234567890123 shipped                           | order 123*****123 shipped",
        "case WQ-2026-000123 entered stage 消协调解 on 2026-12-04 | case WQ-2026-000123 entered stage 消协调解 on 2026-12-04",
        "amount 1999.00 basis 消法第五十五条 due 2026-12-04T16:00:00Z | amount 1999.00 basis 消法第五十五条 due 2026-12-04T16:00:00Z",
        "instance 8f1c2a34-5b6d-11ef-9a00-0242ac120002 job 1234567 | instance 8f1c2a34-5b6d-11ef-9a00-0242ac120002 job 1234567",
      })
  void logLines(String line, String masked) {
    assertThat(Masking.text(line)).isEqualTo(masked);
  }

  @Test
  void deliberateMasks_forTheLinesThatMustTellPeopleApart() {
    assertThat(Masking.phone("13812345678")).isEqualTo("138****5678");
    assertThat(Masking.phone("12315")).isEqualTo("***15");
    assertThat(Masking.phone(null)).isEqualTo("-");
    assertThat(Masking.email("zhang.san@example.com")).isEqualTo("z***@example.com");
    assertThat(Masking.name("王小明")).isEqualTo("王**");
    assertThat(Masking.name(" ")).isEqualTo("-");
    assertThat(Masking.text(null)).isNull();
  }
}
