package dev.switchboard.shared;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A storage class that reads (never writes) tables of other modules in one query, where going
 * through their ports would cost a round trip per row or lose an index: it names every foreign
 * table it reads. The owners' schema changes must keep these queries working.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ReadModel {
  /** The other modules' tables this read model joins. */
  String[] reads();
}
