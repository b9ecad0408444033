package dev.switchboard.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.support.RunningJar;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release archive the build makes, installed as docs/operations.md says: unpacked, started
 * through its bin/switchboard with the directories its systemd unit gives, on a fresh data
 * directory. Healthy; the generated admin key on the console and in data/admin.key (0600) only,
 * not in the launcher's training log; the unit's sandbox rated by systemd itself.
 */
class ReleaseArchiveIT {
  private static final Pattern KEY_LINE = Pattern.compile("Generated admin key .*: (sba_\\S+)");

  @TempDir Path workDir;

  private Path unpacked() throws Exception {
    Path archive = Path.of(System.getProperty("switchboard.test.release-archive",
        "target/switchboard-0.1.0-SNAPSHOT-release.tar.gz"));
    assertThat(archive).as("the release archive (./mvnw package)").exists();
    Path opt = Files.createDirectories(workDir.resolve("opt"));
    run(List.of("tar", "-xzf", archive.toAbsolutePath().toString(), "-C", opt.toString()));
    try (var entries = Files.list(opt)) {
      return entries.findFirst().orElseThrow();
    }
  }

  @Test
  void theArchiveHoldsWhatAServerNeedsAndStartsThroughItsLauncher() throws Exception {
    Path home = unpacked();
    assertThat(home.resolve("switchboard.jar")).isRegularFile();
    assertThat(home.resolve("config/switchboard.env.sample")).isRegularFile();
    assertThat(home.resolve("systemd/switchboard.sysusers.conf")).isRegularFile();
    assertThat(Files.isExecutable(home.resolve("bin/switchboard"))).isTrue();

    Path data = workDir.resolve("var/lib/switchboard");
    Path cache = workDir.resolve("var/cache/switchboard");
    Map<String, String> env = Map.of(
        "JAVA_HOME", System.getProperty("java.home"),
        "SWITCHBOARD_DATA_DIR", data.toString(),
        "SWITCHBOARD_APP_DIR", cache.resolve("app").toString());
    try (RunningJar server = RunningJar.start(workDir, env,
        List.of("bash", home.resolve("bin/switchboard").toString()))) {
      Matcher key = KEY_LINE.matcher(server.log());
      assertThat(key.find()).as("the admin key on the console:\n%s", server.log()).isTrue();
      Path keyFile = data.resolve("admin.key");
      assertThat(Files.readString(keyFile).strip()).isEqualTo(key.group(1));
      assertThat(Files.getPosixFilePermissions(keyFile))
          .isEqualTo(PosixFilePermissions.fromString("rw-------"));
      Path training = cache.resolve("app/training.log");
      assertThat(training).isRegularFile();
      assertThat(Files.getPosixFilePermissions(training))
          .isEqualTo(PosixFilePermissions.fromString("rw-------"));
      assertThat(Files.readString(training)).contains("Generated an admin key into")
          .doesNotContain(key.group(1));
      assertThat(cache.resolve("app/switchboard.aot")).isRegularFile();
    }
  }

  @Test
  void theSystemdUnitIsSandboxed() throws Exception {
    Path home = unpacked();
    Path root = workDir.resolve("root");
    Path units = Files.createDirectories(root.resolve("etc/systemd/system"));
    Files.copy(home.resolve("systemd/switchboard.service"), units.resolve("switchboard.service"));
    String unit = Files.readString(units.resolve("switchboard.service"));
    assertThat(unit).contains("User=switchboard", "NoNewPrivileges=yes", "ProtectSystem=strict",
        "PrivateTmp=yes", "ReadWritePaths=/var/lib/switchboard", "StateDirectory=switchboard",
        "ExecStart=/opt/switchboard/bin/switchboard");
    String rating = run(List.of("systemd-analyze", "security", "--offline=true",
        "--root=" + root, "switchboard.service"));
    Matcher level = Pattern.compile("Overall exposure level for switchboard.service: ([0-9.]+)")
        .matcher(rating);
    assertThat(level.find()).as(rating).isTrue();
    // systemd's scale: 0 (locked down) to 10 (unprotected); below 2 it calls a service "OK".
    assertThat(Double.parseDouble(level.group(1))).as(rating).isLessThan(2.0);
  }

  private static String run(List<String> command) throws Exception {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as("%s:\n%s", command, output).isZero();
    return output;
  }
}
