package dev.switchboard.message;

/** Breaks a rule on purpose, for ArchitectureProbesTest: a second class named MessageService. */
class ProbeSharingASimpleName {
  static class MessageService {}
}
