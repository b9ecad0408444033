package dev.switchboard.sms.internal;

import java.time.Duration;

/**
 * How to reach and bind to the SMSC. TON/NPI are the SMPP codes (1/1 = international/E.164).
 * {@link #toString()} hides the password, so the settings can be logged.
 *
 * @param binds transmitting sessions (transceivers or transmitters) per node
 * @param receiverBinds receiver sessions per node, with {@link SmppBindType#TRANSMITTER_RECEIVER}
 * @param window submit_sm a transmitting session may have waiting for their answer at once
 * @param responseTimeout how long an answer may take; a submit without one is of unknown outcome
 */
public record SmppSettings(
    String host,
    int port,
    String systemId,
    String password,
    String systemType,
    byte sourceTon,
    byte sourceNpi,
    byte destTon,
    byte destNpi,
    Duration enquireLinkInterval,
    Duration reconnectMaxDelay,
    SmppBindType bindType,
    int binds,
    int receiverBinds,
    int window,
    Duration responseTimeout) {

  public SmppSettings {
    if (binds < 1 || window < 1 || receiverBinds < 0) {
      throw new IllegalArgumentException("SMPP needs binds >= 1, window >= 1, receiver-binds >= 0");
    }
    if (bindType == SmppBindType.TRANSMITTER_RECEIVER && receiverBinds < 1) {
      throw new IllegalArgumentException(
          "transmitter-receiver binds need receiver-binds >= 1, or receipts have nowhere to come");
    }
  }

  @Override
  public String toString() {
    return "SmppSettings[host=" + host + ", port=" + port + ", systemId=" + systemId
        + ", password=***, systemType=" + systemType + ", bindType=" + bindType + ", binds="
        + binds + ", receiverBinds=" + receiverBinds + ", window=" + window
        + ", responseTimeout=" + responseTimeout + "]";
  }
}
