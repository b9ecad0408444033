package dev.switchboard.api.web;

import java.util.List;
import org.springframework.stereotype.Component;

/** Finds the dialect that owns a path; the native envelope answers everything else. */
@Component
public class DialectErrorRouter {
  private final List<DialectErrors> dialects;
  private final NativeErrors fallback;

  public DialectErrorRouter(List<DialectErrors> dialects, NativeErrors fallback) {
    this.dialects = dialects;
    this.fallback = fallback;
  }

  public DialectErrors forPath(String path) {
    return dialects.stream()
        .filter(d -> d != fallback && d.owns(path))
        .findFirst()
        .orElse(fallback);
  }
}
