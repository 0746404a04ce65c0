package cn.weiquan.api;

/**
 * One fault of a request, as an item of a problem's {@code errors}: the field at fault (its JSON
 * path, parameter or header name), a stable machine code (required, future-date, too-large, ...),
 * the Chinese text a person reads and the English one for developers and logs.
 */
public record ApiError(String field, String code, String detail, String message) {}
