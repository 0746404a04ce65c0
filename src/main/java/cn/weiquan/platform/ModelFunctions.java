package cn.weiquan.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a Weiquan bean whose public methods a model may call, e.g. {@code
 * ${deadlines.reminderBefore(mediationDue)}}. A designer's deployment may call no other bean's
 * methods (cn.weiquan.platform.modelguard).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ModelFunctions {}
