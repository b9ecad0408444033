package dev.switchboard.message;

import dev.switchboard.conversation.internal.JdbcConversations;

/** Breaks a rule on purpose, for ArchitectureProbesTest: the message module holding another's storage. */
class ProbeHoldingConversationStorage {
  JdbcConversations storage;
}
