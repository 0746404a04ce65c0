package cn.weiquan.api;

import cn.weiquan.platform.EngineClock;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.MessageInterpolator;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The one way every /api endpoint reads its input: a JSON body (or query parameters) strictly into
 * a request record, then Bean Validation. No coercion: "1.5" is no quantity, "true" no boolean, 1.5
 * no whole number, an unknown code no enum; money stays text ({@link Amount}) until it is read
 * exactly. Every fault is an {@link ApiException} (400) naming the field by its JSON path
 * (purchase.price), with a machine code and a Chinese text.
 */
@Component
public class ApiJson {
  // the Chinese texts of patterns whose English message the records give
  private static final Map<String, String> PATTERNS =
      Map.of(
          "must be a phone number", "须为电话号码",
          "must be a user id", "须为用户名（字母、数字或 _.@-，以字母或数字开头）",
          "must be printable ASCII without spaces", "须为不含空格的可打印 ASCII 字符");

  private final ObjectMapper mapper;
  private final ObjectMapper parameters;
  private final Validator validator;

  public ApiJson() {
    this.mapper = strict();
    // query parameters are always text: there, and only there, "5" is the number 5
    this.parameters = strict();
    parameters
        .coercionConfigFor(LogicalType.Integer)
        .setCoercion(CoercionInputShape.String, CoercionAction.TryConvert);
    this.validator = validator();
  }

  private static ObjectMapper strict() {
    JsonMapper strict =
        JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    strict
        .coercionConfigFor(LogicalType.Boolean)
        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
    strict
        .coercionConfigFor(LogicalType.Integer)
        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
    strict
        .coercionConfigFor(LogicalType.Enum)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
    strict
        .coercionConfigFor(LogicalType.Textual)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    // a number of a million digits is no amount: refuse it while parsing, not after
    strict
        .getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder().maxNumberLength(40).maxNestingDepth(20).build());
    return strict;
  }

  /**
   * Bean Validation with the engine clock in Beijing (@PastOrPresent) and English messages whatever
   * the JVM's locale.
   */
  private static Validator validator() {
    var configuration = Validation.byDefaultProvider().configure();
    MessageInterpolator interpolator = configuration.getDefaultMessageInterpolator();
    return configuration
        .clockProvider(EngineClock::clock)
        .messageInterpolator(
            new MessageInterpolator() {
              @Override
              public String interpolate(String template, Context context) {
                return interpolator.interpolate(template, context, Locale.ROOT);
              }

              @Override
              public String interpolate(String template, Context context, Locale locale) {
                return interpolator.interpolate(template, context, locale);
              }
            })
        .buildValidatorFactory()
        .getValidator();
  }

  /**
   * The mapper requests are read with; a request written back with it is the request as read
   * (idempotency).
   */
  public ObjectMapper mapper() {
    return mapper;
  }

  /** The body as a valid {@code type}; 400 naming the field otherwise. */
  public <T> T read(byte[] body, Class<T> type) {
    if (body == null || body.length == 0) {
      throw ApiException.badRequest(
          "body",
          "required",
          "请求体为空：须为一个 JSON 对象",
          "the request body is missing; a JSON object is required");
    }
    T value;
    try {
      value = mapper.readValue(body, type);
    } catch (JsonMappingException e) {
      throw mappingProblem(e);
    } catch (JsonProcessingException e) {
      throw ApiException.badRequest(
          "body",
          "invalid-json",
          "请求体不是有效的 JSON",
          "the request body is not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw ApiException.badRequest(
          "body", "invalid-json", "请求体无法读取", "the request body cannot be read");
    }
    if (value == null) {
      throw notAnObject();
    }
    validate(value);
    return value;
  }

  /**
   * Query parameters (text; blank is absent) as a valid {@code type}; 400 naming the parameter
   * otherwise.
   */
  public <T> T parameters(Map<String, String> values, Class<T> type) {
    ObjectNode node = parameters.createObjectNode();
    values.forEach(
        (name, value) -> {
          if (value != null && !value.isBlank()) {
            node.put(name, value.trim());
          }
        });
    T value;
    try {
      value = parameters.treeToValue(node, type);
    } catch (JsonMappingException e) {
      throw mappingProblem(e);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of text is always readable", e);
    }
    validate(value);
    return value;
  }

  /**
   * Bean Validation of the default group and of the {@code groups} given (the fields a chosen rule
   * needs).
   */
  public <T> void validate(T value, Class<?>... groups) {
    Class<?>[] all = new Class<?>[groups.length + 1];
    all[0] = jakarta.validation.groups.Default.class;
    System.arraycopy(groups, 0, all, 1, groups.length);
    Set<ConstraintViolation<T>> violations = validator.validate(value, all);
    if (!violations.isEmpty()) {
      throw ApiException.invalid(
          violations.stream()
              .sorted(
                  Comparator.comparing((ConstraintViolation<T> v) -> field(v))
                      .thenComparing(v -> code(v)))
              .map(ApiJson::error)
              .toList());
    }
  }

  private static ApiException notAnObject() {
    return ApiException.badRequest(
        "body", "not-an-object", "请求体须为一个 JSON 对象", "the request body must be a JSON object");
  }

  private ApiException mappingProblem(JsonMappingException e) {
    String field = path(e);
    if (field.isEmpty()) {
      return notAnObject();
    }
    if (e instanceof InvalidFormatException invalid) {
      Class<?> target = invalid.getTargetType();
      String value = shorten(String.valueOf(invalid.getValue()));
      if (target != null && target.isEnum()) {
        List<String> codes =
            Arrays.stream(target.getEnumConstants())
                .map(c -> mapper.convertValue(c, String.class))
                .toList();
        return ApiException.badRequest(
            field,
            "one-of",
            "「" + field + "」须为以下之一：" + String.join("、", codes),
            "'" + field + "' must be one of " + codes + ", was '" + value + "'");
      }
      if (target == LocalDate.class) {
        return ApiException.badRequest(
            field,
            "invalid-date",
            "「" + field + "」须为 YYYY-MM-DD 格式的日期，例如 \"2026-03-05\"",
            "'" + field + "' must be a date such as \"2026-03-05\", was '" + value + "'");
      }
      return ApiException.badRequest(
          field,
          "invalid-value",
          "「" + field + "」的值无效：" + value,
          "'" + field + "' has an invalid value: " + value);
    }
    Class<?> target =
        e instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
    return ApiException.badRequest(
        field,
        "wrong-type",
        "「" + field + "」的类型不对" + expected(target),
        "'" + field + "' has the wrong type or format");
  }

  private static String expected(Class<?> target) {
    if (target == null) {
      return "";
    }
    if (target == Boolean.class || target == boolean.class) {
      return "：须为 true 或 false";
    }
    if (target == Integer.class
        || target == int.class
        || target == Long.class
        || target == long.class) {
      return "：须为整数";
    }
    if (target == String.class) {
      return "：须为文本";
    }
    if (target == LocalDate.class) {
      return "：须为 YYYY-MM-DD 格式的日期";
    }
    if (Collection.class.isAssignableFrom(target)) {
      return "：须为列表";
    }
    return target.isEnum() ? "" : "：须为对象";
  }

  static String path(JsonMappingException e) {
    return e.getPath().stream()
        .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
        .collect(Collectors.joining("."))
        .replace(".[", "[");
  }

  private static String field(ConstraintViolation<?> v) {
    // "evidence[0].<list element>" names the list's item: "evidence[0]"
    return v.getPropertyPath().toString().replaceAll("\\.<[^>]*>", "");
  }

  private static Class<? extends Annotation> constraint(ConstraintViolation<?> v) {
    return v.getConstraintDescriptor().getAnnotation().annotationType();
  }

  private static String code(ConstraintViolation<?> v) {
    Class<? extends Annotation> type = constraint(v);
    if (type == NotNull.class || type == NotBlank.class || type == NotEmpty.class) {
      return "required";
    }
    if (type == Size.class) {
      int max = (Integer) v.getConstraintDescriptor().getAttributes().get("max");
      return length(v.getInvalidValue()) > max
          ? (v.getInvalidValue() instanceof CharSequence ? "too-long" : "too-many")
          : (v.getInvalidValue() instanceof CharSequence ? "too-short" : "too-few");
    }
    if (type == Min.class || type == Max.class) {
      return "out-of-range";
    }
    if (type == PastOrPresent.class) {
      return "future-date";
    }
    if (type == Day.class) {
      return "date-out-of-range";
    }
    if (type == Amount.class) {
      return "money";
    }
    if (type == Email.class) {
      return "email";
    }
    if (type == jakarta.validation.constraints.Pattern.class) {
      return "format";
    }
    return "invalid";
  }

  private static int length(Object value) {
    if (value instanceof CharSequence text) {
      return text.length();
    }
    return value instanceof Collection<?> items ? items.size() : 0;
  }

  static ApiError error(ConstraintViolation<?> v) {
    String field = field(v);
    String code = code(v);
    Map<String, Object> attributes = v.getConstraintDescriptor().getAttributes();
    String name = "「" + field + "」";
    String chinese =
        switch (code) {
          case "required" -> name + "为必填项";
          case "too-long" -> name + "最多 " + attributes.get("max") + " 个字符";
          case "too-short" -> name + "至少 " + attributes.get("min") + " 个字符";
          case "too-many" -> name + "最多 " + attributes.get("max") + " 项";
          case "too-few" -> name + "至少 " + attributes.get("min") + " 项";
          case "out-of-range" ->
              name + (constraint(v) == Min.class ? "不能小于 " : "不能大于 ") + attributes.get("value");
          case "future-date" -> name + "不能晚于今天（北京时间 " + EngineClock.today() + "）";
          case "date-out-of-range" -> name + "须在 " + Day.FIRST + " 至 " + Day.LAST + " 之间";
          case "money" ->
              name
                  + "须为以元计的金额：不为负数、最多两位小数、不超过 "
                  + cn.weiquan.rules.Money.MAX.toPlainString()
                  + "，例如 \"199.00\"";
          case "email" -> name + "不是有效的电子邮件地址";
          case "format" -> name + PATTERNS.getOrDefault(v.getMessage(), "的格式不正确");
          default -> name + "的值无效";
        };
    return new ApiError(field, code, chinese, "'" + field + "' " + v.getMessage());
  }

  private static String shorten(String value) {
    return value.length() > 60 ? value.substring(0, 60) + "…" : value;
  }
}
