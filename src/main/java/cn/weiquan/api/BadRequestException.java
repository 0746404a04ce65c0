package cn.weiquan.api;

/** Bad input a caller can correct: answered as 400 problem details naming the field at fault. */
public class BadRequestException extends RuntimeException {
  private final String field;

  public BadRequestException(String field, String detail) {
    super(detail);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
