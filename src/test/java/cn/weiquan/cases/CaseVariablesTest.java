package cn.weiquan.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.weiquan.rules.Money;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.junit.jupiter.api.Test;

/** The one typed reader of case variables, as both processes' delegates use it. */
class CaseVariablesTest {

  /** A scope that answers getVariable from the map, as a delegate execution does. */
  private static VariableScope scope(Map<String, Object> values) {
    return (VariableScope)
        Proxy.newProxyInstance(
            VariableScope.class.getClassLoader(),
            new Class<?>[] {VariableScope.class},
            (proxy, method, args) -> {
              if (method.getName().equals("getVariable") && args.length == 1) {
                return values.get((String) args[0]);
              }
              throw new UnsupportedOperationException(method.getName());
            });
  }

  @Test
  void amountsAreYuanWithTwoDecimals_absentIsZero_negativeOrMalformedRefusedNamingTheField() {
    var scope =
        scope(
            Map.of(
                "a",
                "120",
                "b",
                new BigDecimal("3.5"),
                "c",
                7,
                "blank",
                " ",
                "fine",
                "49.999",
                "negative",
                "-1",
                "words",
                "十元"));

    assertThat(Money.text(CaseVariables.yuan(scope, "a"))).isEqualTo("120.00");
    assertThat(Money.text(CaseVariables.yuan(scope, "b"))).isEqualTo("3.50");
    assertThat(Money.text(CaseVariables.yuan(scope, "c"))).isEqualTo("7.00");
    assertThat(Money.text(CaseVariables.yuan(scope, "missing"))).isEqualTo("0.00");
    assertThat(Money.text(CaseVariables.yuan(scope, "blank"))).isEqualTo("0.00");
    // never rounded across the ¥50 approval boundary: a finer-than-fen amount is refused
    assertThatThrownBy(() -> CaseVariables.yuan(scope, "fine"))
        .hasMessageContaining("最多两位小数")
        .hasMessageContaining("fine");
    assertThatThrownBy(() -> CaseVariables.yuan(scope, "negative"))
        .hasMessageContaining("negative");
    assertThatThrownBy(() -> CaseVariables.yuan(scope, "words")).hasMessageContaining("不是有效金额");
  }
}
