package dev.switchboard.message;

import dev.switchboard.shared.Term;
import dev.switchboard.shared.Violations;
import java.util.List;

/**
 * An edit of a message's content. A null field keeps its current value; {@code text} replaces
 * the text of a text message, {@code data} the structured payload of the other types.
 */
public record EditMessage(
    String text, String data, List<String> tags, String metadata, List<Mention> mentions) {
  public void validate() {
    Violations v = new Violations()
        .check(text == null || !text.isBlank(), Term.TEXT + " must not be blank");
    MessageContent.check(v, text, data, tags, metadata, mentions);
    v.throwIfAny();
  }
}
