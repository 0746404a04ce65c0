package cn.weiquan.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Reads a party's JSON body strictly into a request record and bean-validates it. No coercion: "1.5" is no
 * quantity, "true" no boolean, 1.5 no whole number, an unknown code no enum; money stays text until
 * {@link Yuan} parses it exactly. Every fault is a 400 naming the field by its JSON path (purchase.price).
 */
@Component
public class StrictJson {

  private final ObjectMapper mapper;
  private final Validator validator;

  public StrictJson(Validator validator) {
    this.validator = validator;
    JsonMapper strict = JsonMapper.builder()
        .addModule(new JavaTimeModule())
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .build();
    strict.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.String, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
    strict.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.String, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
    strict.coercionConfigFor(LogicalType.Enum).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
    strict.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    // a number of a million digits is no amount: refuse it while parsing, not after
    strict.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNumberLength(40).maxNestingDepth(20).build());
    this.mapper = strict;
  }

  public ObjectMapper mapper() {
    return mapper;
  }

  public <T> T read(byte[] body, Class<T> type) {
    if (body == null || body.length == 0) {
      throw IntakeException.badRequest("body", "the request body is missing; a JSON object is required");
    }
    T value;
    try {
      value = mapper.readValue(body, type);
    } catch (JsonMappingException e) {
      throw fieldProblem(e);
    } catch (JsonProcessingException e) {
      throw IntakeException.badRequest("body", "the request body is not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw IntakeException.badRequest("body", "the request body cannot be read");
    }
    if (value == null) {
      throw IntakeException.badRequest("body", "the request body must be a JSON object");
    }
    validate(value);
    return value;
  }

  public <T> void validate(T value) {
    Set<ConstraintViolation<T>> violations = validator.validate(value);
    if (violations.isEmpty()) {
      return;
    }
    List<Map<String, String>> errors = violations.stream()
        .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
        .map(v -> Map.of("field", v.getPropertyPath().toString(), "message", v.getMessage()))
        .collect(Collectors.toList());
    String detail = errors.stream().map(e -> e.get("field") + ": " + e.get("message")).collect(Collectors.joining("; "));
    throw new IntakeException(HttpStatus.BAD_REQUEST, errors.get(0).get("field"), detail, errors);
  }

  private static IntakeException fieldProblem(JsonMappingException e) {
    String field = path(e);
    if (field.isEmpty()) {
      return IntakeException.badRequest("body", "the request body must be a JSON object");
    }
    String detail = e instanceof InvalidFormatException invalid
        ? "'" + field + "' has an invalid value: " + shorten(String.valueOf(invalid.getValue()))
        : "'" + field + "' has the wrong type or format";
    return IntakeException.badRequest(field, detail);
  }

  static String path(JsonMappingException e) {
    return e.getPath().stream()
        .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
        .collect(Collectors.joining("."))
        .replace(".[", "[");
  }

  private static String shorten(String value) {
    return value.length() > 60 ? value.substring(0, 60) + "…" : value;
  }
}
