package dev.switchboard;

import dev.switchboard.migration.MigrateCommand;
import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class SwitchboardApplication {
  public static void main(String[] args) {
    // A command runs once, without the server (see docs/operations.md).
    if (args.length > 0 && args[0].equals("migrate")) {
      System.exit(new MigrateCommand(System.out, System.err, System.getenv())
          .run(Arrays.asList(args).subList(1, args.length)));
    }
    SpringApplication.run(SwitchboardApplication.class, args);
  }
}
