package cn.fundmonitor.common;

import java.util.Arrays;
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
    E chosen;
    try {
      chosen = choice.get();
    } catch (InvalidInputException notAChoice) {
      chosen = null;
    }
    if (chosen == null) {
      throw new InvalidInputException(title, prompt);
    }
    return chosen;
  }

  /** Refuses a blank {@code reason} when {@code needed}. */
  public static void reasonRequired(boolean needed, String reason, String title, String problem) {
    if (needed && (reason == null || reason.isBlank())) {
      throw new InvalidInputException(title, problem);
    }
  }

  /** The longest reason a decision keeps (a configurable default of the forms, not of a seed). */
  public static final int MAX_REASON = 2000;

  /** Refuses a {@code reason} longer than {@link #MAX_REASON}, naming it {@code label}. */
  public static void reasonWithin(String reason, String title, String label) {
    if (reason != null && reason.length() > MAX_REASON) {
      throw new InvalidInputException(title, label + "不能超过 " + MAX_REASON + " 个字");
    }
  }
}
