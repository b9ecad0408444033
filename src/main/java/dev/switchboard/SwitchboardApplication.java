package dev.switchboard;

import dev.switchboard.backup.RestoreCommand;
import dev.switchboard.migration.MigrateCommand;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class SwitchboardApplication {
  public static void main(String[] args) {
    // A command runs once, without the server (see docs/operations.md).
    List<String> rest = Arrays.asList(args).subList(Math.min(1, args.length), args.length);
    if (args.length > 0 && args[0].equals("migrate")) {
      System.exit(new MigrateCommand(System.out, System.err, System.getenv()).run(rest));
    }
    if (args.length > 0 && args[0].equals("restore-h2")) {
      System.exit(new RestoreCommand(System.out, System.err).run(rest));
    }
    SpringApplication.run(SwitchboardApplication.class, args);
  }
}
