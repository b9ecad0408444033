package dev.switchboard.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.support.ImageTarball;
import dev.switchboard.support.RunningJar;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OCI image the build makes, started as a container engine would start it, without one: its
 * layers unpacked into a root file system, a fresh directory mounted as its data volume, /proc
 * and /dev mounted, then its entrypoint run under chroot as the image's user with the image's
 * environment (and the SERVER_PORT the test chose). Healthy, its files owned by that user, the admin key on the
 * console; then stopped. Needs root (mounts, chroot), as CI has.
 */
@ExtendWith(ImageTarball.class)
class ImageIT {
  private static final Pattern KEY_LINE = Pattern.compile("Generated admin key .*: (sba_\\S+)");
  private static final String DATA = "/var/lib/switchboard";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @TempDir Path workDir;

  @Test
  void theImageRunsAsItsUserOnItsDataVolumeAndBecomesHealthy() throws Exception {
    Path layout = Files.createDirectories(workDir.resolve("oci"));
    run("tar", "-xf", ImageTarball.path().toAbsolutePath().toString(), "-C", layout.toString());
    JsonNode index = JSON.readTree(layout.resolve("index.json").toFile());
    JsonNode manifest = blob(layout, index.path("manifests").get(0).path("digest").asString());
    JsonNode config = blob(layout, manifest.path("config").path("digest").asString())
        .path("config");

    Path rootfs = Files.createDirectories(workDir.resolve("rootfs"));
    for (JsonNode layer : manifest.path("layers")) {
      run("tar", "--numeric-owner", "-xf", blobPath(layout, layer.path("digest").asString())
          .toString(), "-C", rootfs.toString());
    }
    assertThat(config.path("User").asString()).isEqualTo("10001:10001");
    assertThat(config.path("Volumes").has(DATA)).isTrue();
    assertThat(Files.getAttribute(rootfs.resolve(DATA.substring(1)), "unix:uid")).isEqualTo(10001);

    Path volume = Files.createDirectories(workDir.resolve("volume"));
    run("chown", "10001:10001", volume.toString());
    Files.setPosixFilePermissions(volume, PosixFilePermissions.fromString("rwx------"));

    List<String> command = new ArrayList<>(List.of("unshare", "--mount", "--pid", "--fork",
        "--kill-child=SIGTERM", "bash", "-c", """
            set -e
            root=$1 volume=$2 user=$3; shift 3
            mount --bind "$root" "$root" # the root is a mount point, as in a container
            mount -t proc proc "$root/proc"
            mount --bind /dev "$root/dev"
            mount --bind "$volume" "$root%s"
            # This shell stays the namespace's first process: stopped, it stops the server and
            # waits for it (the server itself, having changed user, does not get the stop signal
            # of unshare --kill-child); when it ends, the kernel ends whatever is left.
            env -i SERVER_PORT="$SERVER_PORT" "$@" &
            server=$!
            trap 'kill -TERM "$server"; wait "$server"' TERM
            wait "$server"
            """.formatted(DATA), "container", rootfs.toString(), volume.toString(),
        config.path("User").asString()));
    for (JsonNode variable : config.path("Env")) {
      command.add(variable.asString());
    }
    command.addAll(List.of("/usr/sbin/chroot", "--userspec=" + config.path("User").asString(),
        rootfs.toString()));
    for (JsonNode argument : config.path("Entrypoint")) {
      command.add(argument.asString());
    }
    for (JsonNode argument : config.path("Cmd")) {
      command.add(argument.asString());
    }
    try (RunningJar container = RunningJar.start(workDir, Map.of(), command)) {
      Matcher key = KEY_LINE.matcher(container.log());
      assertThat(key.find()).as("the admin key on the console:\n%s", container.log()).isTrue();
      Path keyFile = volume.resolve("admin.key");
      assertThat(Files.readString(keyFile).strip()).isEqualTo(key.group(1));
      assertThat(Files.getAttribute(keyFile, "unix:uid")).isEqualTo(10001);
      assertThat(Files.getPosixFilePermissions(keyFile))
          .isEqualTo(PosixFilePermissions.fromString("rw-------"));
      assertThat(volume.resolve("db")).isDirectory();
      assertThat(Files.getAttribute(volume.resolve("db"), "unix:uid")).isEqualTo(10001);
    }
  }

  private static Path blobPath(Path layout, String digest) {
    return layout.resolve("blobs").resolve(digest.replace(':', '/'));
  }

  private static JsonNode blob(Path layout, String digest) {
    return JSON.readTree(blobPath(layout, digest).toFile());
  }

  private static void run(String... command) throws Exception {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
    assertThat(process.exitValue()).as("%s:\n%s", List.of(command), output).isZero();
  }
}
