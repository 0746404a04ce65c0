package cn.weiquan.privacy;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/** %m in logback-spring.xml: the log message through {@link Masking#text}. */
public class MaskedMessageConverter extends MessageConverter {
  @Override
  public String convert(ILoggingEvent event) {
    return Masking.text(super.convert(event));
  }
}
