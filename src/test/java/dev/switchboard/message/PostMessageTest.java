package dev.switchboard.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.conversation.ConversationRef;
import dev.switchboard.shared.DomainException;
import dev.switchboard.shared.Term;
import dev.switchboard.shared.Vocabulary;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one message command's limits at their boundaries, including those too large for an HTTP body. */
class PostMessageTest {
  private static final ConversationRef HERE = new ConversationRef.Id("65f0c0ffee0ddba11c0ffee1");
  private static final String FILE_ID = "65f0c0ffee0ddba11c0ffee0";

  private static PostMessage custom(String data) {
    return PostMessage.to(HERE).type(MessageType.CUSTOM).data(data).build();
  }

  private static List<String> problems(PostMessage command, Vocabulary words) {
    try {
      command.validate();
    } catch (DomainException e) {
      return e.details(words);
    }
    return List.of();
  }

  @Test
  void customDataMayTake100KilobytesAndNotOneByteMore() {
    String wrapper = "{\"b\":\"\"}";
    String exact = "{\"b\":\"" + "x".repeat(100 * 1024 - wrapper.length()) + "\"}";
    assertThatCode(() -> custom(exact).validate()).doesNotThrowAnyException();
    String over = "{\"b\":\"" + "x".repeat(100 * 1024 - wrapper.length() + 1) + "\"}";
    assertThat(problems(custom(over), Vocabulary.NATIVE)).containsExactly("data must be at most 102400 bytes");
  }

  @Test
  void bytesNotCharactersCount() {
    String wrapper = "{\"b\":\"\"}";
    String twoByteChars = "{\"b\":\"" + "é".repeat((100 * 1024 - wrapper.length()) / 2 + 1) + "\"}";
    assertThatThrownBy(() -> custom(twoByteChars).validate()).isInstanceOf(DomainException.class);
  }

  @Test
  void aCustomMessageNeedsDataATextMessageTextAndCreditNotesComeOnlyFromTheLedger() {
    assertThatThrownBy(() -> custom(null).validate()).isInstanceOf(DomainException.class);
    assertThatThrownBy(() -> PostMessage.to(HERE).type(MessageType.TEXT).text(" ").build().validate())
        .isInstanceOf(DomainException.class);
    assertThatThrownBy(() -> PostMessage.to(HERE).type(MessageType.CREDIT_TRANSFER).text("x").build().validate())
        .isInstanceOf(DomainException.class);
    assertThatCode(() -> PostMessage.creditNote("bob", new CreditNote(5, "alice", "bob")).validate())
        .doesNotThrowAnyException();
  }

  @Test
  void mediaMessagesNeedAFileAndOthersCannotCarryOne() {
    assertThat(problems(PostMessage.to(HERE).type(MessageType.IMAGE).build(), Vocabulary.NATIVE))
        .containsExactly("fileId must be given for type image");
    assertThat(problems(PostMessage.to(HERE).type(MessageType.TEXT).text("hi").storedFile(FILE_ID).build(),
            Vocabulary.NATIVE))
        .containsExactly("only image, video, audio and file messages carry a fileId");
    assertThatCode(() -> PostMessage.to(HERE).type(MessageType.FILE).storedFile(FILE_ID).build().validate())
        .doesNotThrowAnyException();
  }

  @Test
  void everyProblemIsReportedAtOnceInTheCallersOwnWords() {
    PostMessage nothing = PostMessage.to(null).text(" ").build();
    Vocabulary allmine =
        Vocabulary.of(Map.of(Term.CONVERSATION_ID, "chatId", Term.RECIPIENT_ID, "targetUserId"));
    assertThat(problems(nothing, allmine))
        .containsExactly("chatId or targetUserId must be given", "type must not be blank");
    Vocabulary amity = Vocabulary.of(Map.of(Term.TEXT, "data.text", Term.CLIENT_KEY, "messageId"));
    PostMessage blank = PostMessage.to(HERE).type(MessageType.TEXT).text("").clientKey(" ").build();
    assertThat(problems(blank, amity))
        .containsExactly("data.text must not be blank", "messageId must not be blank");
  }
}
