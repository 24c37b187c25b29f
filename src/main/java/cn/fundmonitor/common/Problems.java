package cn.fundmonitor.common;

import cn.fundmonitor.common.InvalidInputException.FieldError;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Collects the problems of one command's input, each with its field, so that a command reports every
 * wrong value at once and says where each is. {@link #at(String)} is the list the {@link Inputs}
 * readers write to: {@code Inputs.amount(raw, "累计支付金额", problems.at("paidToDate"))}.
 */
public final class Problems {

  private final List<FieldError> errors = new ArrayList<>();

  /** A problem with the input as a whole. */
  public void add(String message) {
    errors.add(new FieldError(null, message));
  }

  public void add(String field, String message) {
    errors.add(new FieldError(field, message));
  }

  /** The problems of one field, as the list {@link Inputs} adds to. */
  public List<String> at(String field) {
    return view(field, "");
  }

  /** The same, each problem added with a prefix that names the place ("第2条指标："). */
  public List<String> at(String field, String prefix) {
    return view(field, prefix);
  }

  /** The problems of the input as a whole (no field), as a list to add to. */
  public List<String> general() {
    return view(null, "");
  }

  private List<String> view(String field, String prefix) {
    return new AbstractList<>() {
      private List<String> mine() {
        return errors.stream().filter(e -> Objects.equals(field, e.field()))
            .map(FieldError::message).toList();
      }

      @Override
      public String get(int index) {
        return mine().get(index);
      }

      @Override
      public int size() {
        return mine().size();
      }

      @Override
      public boolean add(String message) {
        errors.add(new FieldError(field, prefix + message));
        return true;
      }
    };
  }

  public boolean isEmpty() {
    return errors.isEmpty();
  }

  public List<FieldError> errors() {
    return List.copyOf(errors);
  }

  /** The texts of all problems, in order. */
  public List<String> messages() {
    return errors.stream().map(FieldError::message).toList();
  }

  /** Throws {@link InvalidInputException} with the title when any problem was found. */
  public void throwIfAny(String title) {
    if (!errors.isEmpty()) {
      throw InvalidInputException.of(title, errors);
    }
  }
}
