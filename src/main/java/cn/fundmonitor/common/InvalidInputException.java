package cn.fundmonitor.common;

import java.util.List;

/**
 * Input a user or client must correct: a title and one Chinese problem per wrong value, each with
 * the field it is about when known (a form field key or a JSON property, e.g. {@code paidToDate},
 * {@code indicators/2/actual}). REST answers carry the fields as RFC 9457 {@code errors[].pointer},
 * the Excel import maps them to cells, and no caller reads the message text to find the field.
 */
public class InvalidInputException extends RuntimeException {

  /** One problem; {@code field} is null when the problem is about the input as a whole. */
  public record FieldError(String field, String message) {
    /** The RFC 6901 JSON pointer into the request body, or null. */
    public String pointer() {
      return field == null ? null : "#/" + field;
    }
  }

  private final String title;
  private final List<FieldError> errors;

  public InvalidInputException(String title, List<String> problems) {
    this(title, problems.stream().map(p -> new FieldError(null, p)).toList(), true);
  }

  public InvalidInputException(String title, String problem) {
    this(title, List.of(problem));
  }

  /** The problems a command collected, with their fields. */
  public InvalidInputException(String title, Problems problems) {
    this(title, problems.errors(), true);
  }

  private InvalidInputException(String title, List<FieldError> errors, boolean ignored) {
    super(title + "：" + String.join("；", errors.stream().map(FieldError::message).toList()));
    this.title = title;
    this.errors = List.copyOf(errors);
  }

  /** Problems with the fields they are about (see {@link Problems}). */
  public static InvalidInputException of(String title, List<FieldError> errors) {
    return new InvalidInputException(title, errors, true);
  }

  /** One problem with one field. */
  public static InvalidInputException of(String title, String field, String problem) {
    return of(title, List.of(new FieldError(field, problem)));
  }

  public String title() {
    return title;
  }

  /** The problems' texts, in order. */
  public List<String> problems() {
    return errors.stream().map(FieldError::message).toList();
  }

  /** The problems with their fields, in order. */
  public List<FieldError> errors() {
    return errors;
  }
}
