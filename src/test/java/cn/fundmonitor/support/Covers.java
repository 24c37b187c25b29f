package cn.fundmonitor.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The processes a {@link ProcessTest} class is about: after the class, every flow node and sequence
 * flow of each must have been passed ({@link CoverageGate}). Other processes the class happens to
 * start (a filing raising a problem) are reported but not judged here; their own class judges them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface Covers {
  String[] value();
}
