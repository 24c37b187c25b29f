package cn.fundmonitor.common;

import java.util.Arrays;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The checks every decision task makes before its gateway routes: the choice is one the gateway
 * knows, and a reason is given where the decision needs one (a return, a refusal, ...).
 */
public final class Choices {

  private Choices() {}

  /** The choice named by {@code value}; refused with {@code prompt} when it is none of them. */
  public static <E extends Enum<E>> E required(String value, Class<E> type, String title,
      String prompt) {
    return Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(value)).findFirst()
        .orElseThrow(() -> new InvalidInputException(title, prompt));
  }

  /**
   * The choice a typed variable reads ({@code () -> OUTCOME.get(execution)}); refused with
   * {@code prompt} when there is none or it is none of the choices.
   */
  public static <E extends Enum<E>> E required(Supplier<E> choice, String title, String prompt) {
    return required(choice, title, null, prompt);
  }

  private static <E extends Enum<E>> E required(Supplier<E> choice, String title, String field,
      String prompt) {
    E chosen;
    try {
      chosen = choice.get();
    } catch (InvalidInputException notAChoice) {
      chosen = null;
    }
    if (chosen == null) {
      throw InvalidInputException.of(title, field, prompt);
    }
    return chosen;
  }

  /** The longest reason a decision keeps (a configurable default of the forms, not of a seed). */
  public static final int MAX_REASON = 2000;

  /**
   * The rule of a decision task, in one place: a choice the gateway knows ({@code prompt} when
   * there is none), a reason where the choice needs one ({@code reasonProblem}), and a reason of at
   * most {@link #MAX_REASON} characters, named {@code reasonLabel} (null where the task checks the
   * length of its texts itself). Problems carry {@code title}.
   */
  public record Decision<E extends Enum<E>>(String title, String prompt, Predicate<E> needsReason,
      String reasonProblem, String reasonLabel) {

    /**
     * The choice, once it and the reason pass; the problems point at {@code choiceField} and
     * {@code reasonField} (the form's keys).
     */
    public E check(Supplier<E> choice, String choiceField, String reason, String reasonField) {
      var chosen = required(choice, title, choiceField, prompt);
      if (needsReason.test(chosen) && (reason == null || reason.isBlank())) {
        throw InvalidInputException.of(title, reasonField, reasonProblem);
      }
      if (reasonLabel != null && reason != null && reason.length() > MAX_REASON) {
        throw InvalidInputException.of(title, reasonField,
            reasonLabel + "不能超过 " + MAX_REASON + " 个字");
      }
      return chosen;
    }
  }
}
