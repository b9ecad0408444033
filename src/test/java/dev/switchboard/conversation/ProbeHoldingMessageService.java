package dev.switchboard.conversation;

import dev.switchboard.message.MessageService;

/** Breaks a rule on purpose, for ArchitectureProbesTest: conversation -> message closes a cycle. */
class ProbeHoldingMessageService {
  MessageService messages;
}
