package cn.weiquan.platform.modelguard;

import cn.weiquan.platform.ModelFunctions;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateVariableMapping;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.util.ClassUtils;

/**
 * The beans of the Spring application context, the same names the engine's expression manager
 * resolves (it exposes the whole context). Types are read from the bean definitions; nothing is
 * instantiated.
 */
public class SpringBeanCatalog implements BeanCatalog {
  private static final String PRODUCT_PACKAGE = "cn.weiquan.";
  private static final List<Class<?>> DELEGATE_TYPES =
      List.of(
          JavaDelegate.class,
          ExecutionListener.class,
          TaskListener.class,
          DelegateVariableMapping.class);

  private final BeanFactory beans;

  public SpringBeanCatalog(BeanFactory beans) {
    this.beans = beans;
  }

  @Override
  public boolean isBean(String name) {
    return beans.containsBean(name);
  }

  @Override
  public boolean isProductDelegate(String name) {
    Class<?> type = productType(name);
    return type != null
        && DELEGATE_TYPES.stream().anyMatch(delegate -> delegate.isAssignableFrom(type));
  }

  @Override
  public boolean isModelFunction(String bean, String method) {
    Class<?> type = productType(bean);
    return type != null
        && type.isAnnotationPresent(ModelFunctions.class)
        && Arrays.stream(type.getDeclaredMethods())
            .anyMatch(m -> m.getName().equals(method) && callable(m));
  }

  private static boolean callable(Method method) {
    int modifiers = method.getModifiers();
    return Modifier.isPublic(modifiers)
        && !Modifier.isStatic(modifiers)
        && !method.isSynthetic()
        && !method.isBridge();
  }

  /** The bean's own class (not a CGLIB subclass) when it is one of Weiquan's, else null. */
  private Class<?> productType(String name) {
    if (!beans.containsBean(name)) {
      return null;
    }
    Class<?> type = beans.getType(name, false);
    if (type == null) {
      return null;
    }
    Class<?> userType = ClassUtils.getUserClass(type);
    return userType.getName().startsWith(PRODUCT_PACKAGE) ? userType : null;
  }
}
