package cn.weiquan.support;

import java.util.Properties;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The mail sender of the engine-only tests and benchmarks: the in-process SMTP server on a port,
 * short timeouts.
 */
public final class TestSmtp {

  private TestSmtp() {}

  public static JavaMailSenderImpl sender(int port) {
    var sender = new JavaMailSenderImpl();
    sender.setHost("127.0.0.1");
    sender.setPort(port);
    sender.setDefaultEncoding("UTF-8");
    Properties timeouts = new Properties();
    timeouts.put("mail.smtp.connectiontimeout", "2000");
    timeouts.put("mail.smtp.timeout", "2000");
    sender.setJavaMailProperties(timeouts);
    return sender;
  }
}
