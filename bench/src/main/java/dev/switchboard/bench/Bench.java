package dev.switchboard.bench;

/**
 * The benchmark's load generator and report writer; bench/run drives it. Commands: prepare,
 * load, ceiling, realtime, idle-websockets, sms, webhooks, mqtt, report, median (see bench/README.md).
 */
public final class Bench {
  public static void main(String[] argv) throws Exception {
    Args args = Args.parse(argv);
    switch (args.command()) {
      case "prepare" -> Prepare.run(args);
      case "load" -> LoadRun.run(args);
      case "ceiling" -> Ceiling.run(args);
      case "realtime" -> RealtimeRun.run(args);
      case "idle-websockets" -> IdleSockets.run(args);
      case "sms" -> SmsRun.run(args);
      case "webhooks" -> WebhookRun.run(args);
      case "mqtt" -> MqttRun.run(args);
      case "report" -> Report.run(args);
      case "median" -> Median.run(args);
      case "scenarios" -> Scenario.REGISTRY.keySet().forEach(System.out::println);
      default -> throw new IllegalArgumentException("unknown command " + args.command());
    }
    System.exit(0);
  }

  private Bench() {}
}
