package cn.weiquan.notification;

import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

/** Wires the plain notification service to the application's mail sender. */
@Configuration
public class NotificationConfiguration {

  @Bean
  MailTemplates mailTemplates() {
    return new MailTemplates();
  }

  @Bean
  MailLedger mailLedger(DataSource dataSource) {
    return new MailLedger(dataSource);
  }

  @Bean
  NotificationService notificationService(
      JavaMailSender mailSender,
      MailTemplates templates,
      @Value("${weiquan.mail.from}") String from,
      MailLedger ledger) {
    return new NotificationService(mailSender, templates, from, ledger);
  }
}
