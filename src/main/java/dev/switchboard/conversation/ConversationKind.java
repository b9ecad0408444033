package dev.switchboard.conversation;

public enum ConversationKind {
  /** Exactly two members; at most one per pair of users. */
  DIRECT,
  /** Any number of members. */
  GROUP,
  /** A channel anyone of the domain may join (Amity "community"). */
  COMMUNITY,
  /** A channel attached to a live event (Amity "live"). */
  LIVE,
  /** A channel where only moderators post (Amity "broadcast"). */
  BROADCAST,
  /**
   * An SMS session: its owner's messages leave through the SMS carrier and replies from the
   * phone numbers on the other side arrive in it (NetSapiens "sms" / "mms" sessions).
   */
  SMS;

  /** Whether users may join by themselves (DIRECT and GROUP are invitation-only). */
  public boolean isOpen() {
    return this == COMMUNITY || this == LIVE || this == BROADCAST;
  }
}
