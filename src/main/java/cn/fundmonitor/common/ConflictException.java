package cn.fundmonitor.common;

/** The request does not fit the record's current state (e.g. reviewing a withdrawn application). */
public class ConflictException extends RuntimeException {
  public ConflictException(String message) {
    super(message);
  }
}
