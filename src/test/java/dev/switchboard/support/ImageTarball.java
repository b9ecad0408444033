package dev.switchboard.support;

import java.nio.file.Path;

/**
 * The container image suite's switch: the profile {@code image} (which {@code .ci/run} turns on)
 * builds the OCI image tarball and passes its path as {@code -Dswitchboard.test.image-tar}.
 */
public final class ImageTarball extends ExternalService {
  public static final String PROPERTY = "switchboard.test.image-tar";

  public ImageTarball() {
    super(PROPERTY, "Container image (./mvnw -Pimage)");
  }

  public static Path path() {
    return Path.of(new ImageTarball().address());
  }
}
