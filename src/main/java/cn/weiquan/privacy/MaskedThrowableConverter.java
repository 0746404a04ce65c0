package cn.weiquan.privacy;

import ch.qos.logback.classic.spi.IThrowableProxy;
import org.springframework.boot.logging.logback.ExtendedWhitespaceThrowableProxyConverter;

/**
 * %wEx in logback-spring.xml: stack traces through {@link Masking#text}, since exception messages
 * may quote input.
 */
public class MaskedThrowableConverter extends ExtendedWhitespaceThrowableProxyConverter {
  @Override
  protected String throwableProxyToString(IThrowableProxy tp) {
    return Masking.text(super.throwableProxyToString(tp));
  }
}
