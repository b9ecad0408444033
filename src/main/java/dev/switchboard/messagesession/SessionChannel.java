package dev.switchboard.messagesession;

/** How a session's messages travel: between users of the domain, or by SMS to phone numbers. */
public enum SessionChannel {
  CHAT,
  SMS
}
