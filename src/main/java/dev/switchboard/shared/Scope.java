package dev.switchboard.shared;

import java.util.Arrays;
import java.util.Optional;

/** Privilege levels, in ascending order, named as NetSapiens names them. */
public enum Scope {
  BASIC_USER("Basic User"),
  OFFICE_MANAGER("Office Manager"),
  RESELLER("Reseller"),
  SUPER_USER("Super User");

  private final String label;

  Scope(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public boolean atLeast(Scope other) {
    return compareTo(other) >= 0;
  }

  public static Optional<Scope> fromLabel(String label) {
    return Arrays.stream(values()).filter(s -> s.label.equals(label)).findFirst();
  }
}
