package dev.switchboard.api.admin;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an admin endpoint whose every call — successful or not — is written to the audit log
 * under {@link #value} (e.g. {@code user.disable}), by {@link AuditInterceptor}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Audited {
  String value();
}
