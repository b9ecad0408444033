package dev.switchboard.messagesession;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of session messages, by their NetSapiens names. */
public enum MessageKind {
  CHAT("chat"),
  CHAT_MEDIA("chat-media"),
  SMS("sms"),
  MMS("mms");

  private final String wireName;

  MessageKind(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public SessionChannel channel() {
    return this == SMS || this == MMS ? SessionChannel.SMS : SessionChannel.CHAT;
  }

  public boolean carriesMedia() {
    return this == CHAT_MEDIA || this == MMS;
  }

  public static Optional<MessageKind> fromWireName(String name) {
    return Arrays.stream(values()).filter(k -> k.wireName.equals(name)).findFirst();
  }
}
