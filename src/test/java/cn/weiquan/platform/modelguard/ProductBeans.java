package cn.weiquan.platform.modelguard;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.annotation.ClassPathBeanDefinitionScanner;

/**
 * The application's beans as the checker sees them, without starting the application: Weiquan's
 * components by scanning cn.weiquan (definitions only, nothing is created) and the engine beans the
 * Camunda starter adds.
 */
final class ProductBeans {
  private ProductBeans() {}

  static SpringBeanCatalog catalog() {
    DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
    new ClassPathBeanDefinitionScanner(beans).scan("cn.weiquan");
    beans.registerBeanDefinition("processEngine", new RootBeanDefinition(ProcessEngine.class));
    beans.registerBeanDefinition("identityService", new RootBeanDefinition(IdentityService.class));
    beans.registerBeanDefinition(
        "authorizationService", new RootBeanDefinition(AuthorizationService.class));
    beans.registerBeanDefinition("runtimeService", new RootBeanDefinition(RuntimeService.class));
    beans.registerBeanDefinition(
        "repositoryService", new RootBeanDefinition(RepositoryService.class));
    return new SpringBeanCatalog(beans);
  }
}
