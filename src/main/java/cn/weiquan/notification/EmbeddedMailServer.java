package cn.weiquan.notification;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The local profile's own SMTP server (GreenMail, in memory), so a start on a bare machine needs no
 * mail host; GET /api/mailbox shows what it received. Other profiles use spring.mail.*.
 */
@Configuration
@Profile("local")
public class EmbeddedMailServer {

  @Bean(initMethod = "start", destroyMethod = "stop")
  GreenMail embeddedSmtpServer(
      @Value("${weiquan.mail.embedded.host:127.0.0.1}") String host,
      @Value("${weiquan.mail.embedded.port:3025}") int port) {
    ServerSetup smtp = new ServerSetup(port, host, ServerSetup.PROTOCOL_SMTP);
    // port 0: any free port (tests); the sender below asks the started server which one
    return new GreenMail(port == 0 ? smtp.dynamicPort() : smtp)
        .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
  }

  /**
   * Replaces Spring Boot's spring.mail sender in this profile: it points at the embedded server.
   */
  @Bean
  JavaMailSender javaMailSender(
      GreenMail embeddedSmtpServer, @Value("${weiquan.mail.embedded.host:127.0.0.1}") String host) {
    JavaMailSenderImpl sender = new JavaMailSenderImpl();
    sender.setHost(host);
    sender.setPort(embeddedSmtpServer.getSmtp().getPort());
    sender.setDefaultEncoding(StandardCharsets.UTF_8.name());
    Properties properties = new Properties();
    properties.put("mail.smtp.connectiontimeout", "5000");
    properties.put("mail.smtp.timeout", "5000");
    properties.put("mail.smtp.writetimeout", "5000");
    sender.setJavaMailProperties(properties);
    return sender;
  }
}
