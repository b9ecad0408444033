package dev.switchboard.file;

import java.nio.file.Path;
import java.util.Set;

/**
 * Limits and policy for uploads ({@code switchboard.files.*}).
 *
 * @param maxBytes the largest file accepted; larger uploads are refused while streaming
 * @param allowedTypes detected MIME types accepted (subtypes of an allowed type are accepted too)
 * @param shareGps whether other users may see where a photo was taken, for domains that have not
 *     chosen for themselves (off by default)
 * @param stagingDir where uploads are spooled while they are inspected
 */
public record FileSettings(long maxBytes, Set<String> allowedTypes, boolean shareGps, Path stagingDir) {
  public FileSettings {
    allowedTypes = Set.copyOf(allowedTypes);
  }
}
