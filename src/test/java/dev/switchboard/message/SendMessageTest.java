package dev.switchboard.message;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.shared.DomainException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The message limits at their boundaries, including those too large for an HTTP test body. */
class SendMessageTest {
  private static SendMessage custom(String data) {
    return new SendMessage("c", null, MessageType.CUSTOM, null, data, null, List.of(), null, List.of(), null);
  }

  @Test
  void customDataMayTake100KilobytesAndNotOneByteMore() {
    String wrapper = "{\"b\":\"\"}";
    String exact = "{\"b\":\"" + "x".repeat(100 * 1024 - wrapper.length()) + "\"}";
    assertThatCode(() -> custom(exact).validate()).doesNotThrowAnyException();
    String over = "{\"b\":\"" + "x".repeat(100 * 1024 - wrapper.length() + 1) + "\"}";
    assertThatThrownBy(() -> custom(over).validate())
        .isInstanceOf(DomainException.class)
        .hasFieldOrPropertyWithValue("details", List.of("data must be at most 102400 bytes"));
  }

  @Test
  void bytesNotCharactersCount() {
    String wrapper = "{\"b\":\"\"}";
    String twoByteChars = "{\"b\":\"" + "é".repeat((100 * 1024 - wrapper.length()) / 2 + 1) + "\"}";
    assertThatThrownBy(() -> custom(twoByteChars).validate()).isInstanceOf(DomainException.class);
  }

  @Test
  void aCustomMessageNeedsDataAndATextMessageText() {
    assertThatThrownBy(() -> custom(null).validate()).isInstanceOf(DomainException.class);
    assertThatThrownBy(() -> new SendMessage("c", null, MessageType.TEXT, " ", null, null, null, null, null, null)
        .validate()).isInstanceOf(DomainException.class);
    assertThatThrownBy(() -> new SendMessage("c", null, MessageType.CREDIT_TRANSFER, "x", null, null, null,
        null, null, null).validate()).isInstanceOf(DomainException.class);
  }

  @Test
  void mediaMessagesNeedAFileAndOthersCannotCarryOne() {
    assertThatThrownBy(() -> new SendMessage("c", null, MessageType.IMAGE, null, null, null, null,
        null, null, null).validate())
        .hasFieldOrPropertyWithValue("details", List.of("fileId must be given for type image"));
    assertThatThrownBy(() -> new SendMessage("c", null, MessageType.TEXT, "hi", null, null, null,
        null, null, "65f0c0ffee0ddba11c0ffee0").validate())
        .hasFieldOrPropertyWithValue("details",
            List.of("only image, video, audio and file messages carry a fileId"));
    assertThatCode(() -> new SendMessage("c", null, MessageType.FILE, null, null, null, null, null,
        null, "65f0c0ffee0ddba11c0ffee0").validate()).doesNotThrowAnyException();
  }
}
