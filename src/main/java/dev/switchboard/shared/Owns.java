package dev.switchboard.shared;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The tables a module owns, on its {@code package-info}: only the module's own {@code internal}
 * storage writes them, and other modules read them through its ports or through a {@link
 * ReadModel} that names them. {@code ArchitectureTest} checks the SQL of every storage class
 * against these lists, and that every table of the schema has exactly one owner.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PACKAGE)
public @interface Owns {
  String[] value();
}
