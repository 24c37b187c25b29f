package cn.fundmonitor.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A Spring bean that process models may name in an expression (e.g. a timer's
 * {@code ${quarterlyFilingSchedule.cron}}). Delegates and listeners are allowed by their type; any
 * other bean is invisible to models unless it carries this annotation ({@link ModelSandbox}).
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface ModelBean {}
