package cn.weiquan.platform.modelguard;

/**
 * What the expression checker needs to know about the application's beans, which a model's names
 * may reach.
 */
public interface BeanCatalog {

  /**
   * Whether a root name of an expression resolves to a bean (the engine resolves beans after
   * variables).
   */
  boolean isBean(String name);

  /**
   * A Weiquan delegate, listener or call activity variable mapping a model may name whole, as in
   * {@code camunda:delegateExpression="${notify}"}.
   */
  boolean isProductDelegate(String name);

  /** A public method a model may call, as in {@code ${deadlines.reminderBefore(mediationDue)}}. */
  boolean isModelFunction(String bean, String method);
}
