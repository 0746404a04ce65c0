package cn.weiquan.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.weiquan.rules.Money.Fault;
import java.math.BigDecimal;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The one money type: exact yuan at scale 2, one limit, refusal instead of rounding across a tier
 * boundary.
 */
class MoneyTest {

  @ParameterizedTest(name = "\"{0}\" → {1}")
  @CsvSource({
    "0, 0.00",
    "49.99, 49.99",
    "50, 50.00",
    "50.0, 50.00",
    "500.00, 500.00",
    " 120.5 , 120.50",
    "0.01, 0.01",
    "007, 7.00",
    "100000000, 100000000.00",
    "100000000.00, 100000000.00"
  })
  void textIsReadExactly(String text, String expected) {
    BigDecimal amount = Money.parse(text);
    assertThat(amount).isEqualTo(new BigDecimal(expected));
    assertThat(amount.scale()).isEqualTo(2);
  }

  @ParameterizedTest(name = "\"{0}\" → {1}")
  @CsvSource({
    // 49.999 is refused, never rounded to 50.00 (which would move a claim into the ¥50–500 approval
    // tier)
    "49.999, TOO_MANY_DECIMALS",
    "499.995, TOO_MANY_DECIMALS",
    "1.500, TOO_MANY_DECIMALS",
    "-1, NEGATIVE",
    "-0.01, NEGATIVE",
    "100000000.01, TOO_LARGE",
    "999999999, TOO_LARGE",
    "99999999999, TOO_LARGE",
    "abc, MALFORMED",
    "1e3, MALFORMED",
    "'1,000', MALFORMED",
    "0x10, MALFORMED",
    "NaN, MALFORMED",
    "'', MALFORMED",
    "1., MALFORMED",
    ".5, MALFORMED",
    "+1, MALFORMED",
    "十元, MALFORMED"
  })
  void badTextIsRefusedWithItsReason(String text, Fault fault) {
    assertThatThrownBy(() -> Money.parse(text))
        .isInstanceOfSatisfying(
            Money.InvalidMoney.class, e -> assertThat(e.fault()).isEqualTo(fault));
  }

  @Test
  void numbersAreHeldToTheSameRules() {
    assertThat(Money.of(new BigDecimal("50"))).isEqualTo(new BigDecimal("50.00"));
    assertThat(Money.of((Object) 500)).isEqualTo(new BigDecimal("500.00"));
    assertThat(Money.of((Object) 500L)).isEqualTo(new BigDecimal("500.00"));
    assertThat(Money.of((Object) BigInteger.TEN)).isEqualTo(new BigDecimal("10.00"));
    // what the engine's REST API makes of a JSON number: read by its shortest decimal form
    assertThat(Money.of((Object) 49.99)).isEqualTo(new BigDecimal("49.99"));
    assertThat(Money.of((Object) 1.0E8)).isEqualTo(new BigDecimal("100000000.00"));
    assertThat(Money.of((Object) "500.00")).isEqualTo(new BigDecimal("500.00"));
    assertThatThrownBy(() -> Money.of(new BigDecimal("49.999")))
        .isInstanceOf(Money.InvalidMoney.class);
    assertThatThrownBy(() -> Money.of((Object) 49.999)).isInstanceOf(Money.InvalidMoney.class);
    assertThatThrownBy(() -> Money.of((Object) Double.NaN)).isInstanceOf(Money.InvalidMoney.class);
    // a JSON number such as 1e100000000 is refused without being written out
    assertThatThrownBy(() -> Money.of(new BigDecimal("1e100000000")))
        .isInstanceOfSatisfying(
            Money.InvalidMoney.class, e -> assertThat(e.fault()).isEqualTo(Fault.TOO_LARGE));
    assertThatThrownBy(() -> Money.of(new BigDecimal("-1e-100000000")))
        .isInstanceOfSatisfying(
            Money.InvalidMoney.class, e -> assertThat(e.fault()).isEqualTo(Fault.NEGATIVE));
  }

  @Test
  void onlyComputedSumsAreRounded_halfUpToTheFen_once() {
    assertThat(Money.times(new BigDecimal("20.10"), "0.05"))
        .isEqualTo(new BigDecimal("1.01")); // 1.005 → 1.01
    assertThat(Money.times(new BigDecimal("19.89"), "0.05"))
        .isEqualTo(new BigDecimal("0.99")); // 0.9945 → 0.99
    assertThat(Money.round(new BigDecimal("49.995"))).isEqualTo(new BigDecimal("50.00"));
    assertThat(Money.times(new BigDecimal("1999.00"), 22)).isEqualTo(new BigDecimal("43978.00"));
    // a sum passed on (not typed by a person) may exceed the input limit, but never carries a
    // fraction of a fen
    assertThat(Money.exact(new BigDecimal("200000000.5")))
        .isEqualTo(new BigDecimal("200000000.50"));
    assertThatThrownBy(() -> Money.exact(new BigDecimal("0.005")))
        .isInstanceOf(Money.InvalidMoney.class);
    assertThatThrownBy(() -> Money.text(new BigDecimal("49.999")))
        .isInstanceOf(Money.InvalidMoney.class);
    assertThat(Money.text(new BigDecimal("50"))).isEqualTo("50.00");
  }

  @Test
  void faultsNameTheField_inEnglishForApisAndChineseForPeople() {
    Money.InvalidMoney e =
        (Money.InvalidMoney)
            org.assertj.core.api.Assertions.catchThrowable(() -> Money.parse("-1"));
    assertThat(e.message("price")).isEqualTo("'price' must not be negative");
    assertThat(e.chinese("compensationAmount")).isEqualTo("compensationAmount 不能为负数: -1");
  }
}
