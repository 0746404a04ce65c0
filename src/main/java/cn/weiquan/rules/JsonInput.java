package cn.weiquan.rules;

import cn.weiquan.api.BadRequestException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a JSON request body field by field, exactly: money as a JSON string or number read by {@link Money}
 * without passing through double. Every fault is a {@link BadRequestException} naming the field.
 */
public final class JsonInput {
  /** Larger claims are typing errors, not cases: {@link Money#MAX}. */
  public static final BigDecimal MAX_MONEY = Money.MAX;
  private static final ObjectMapper EXACT = JsonMapper.builder()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
      .build();

  private final JsonNode root;

  private JsonInput(JsonNode root) {
    this.root = root;
  }

  public static JsonInput parse(String body) {
    JsonNode root;
    try {
      root = body == null || body.isBlank() ? null : EXACT.readTree(body);
    } catch (JsonProcessingException e) {
      root = null;
    }
    if (root == null || !root.isObject()) {
      throw new BadRequestException("body", "the request body must be a JSON object");
    }
    return new JsonInput(root);
  }

  public JsonInput object(String field) {
    return new JsonInput(root.get(field));
  }

  private JsonNode present(String field) {
    JsonNode node = root.get(field);
    return node == null || node.isNull() ? null : node;
  }

  public String text(String field, List<String> allowed, boolean required) {
    JsonNode node = present(field);
    if (node == null) {
      return missing(field, required);
    }
    if (!node.isTextual() || !allowed.contains(node.asText())) {
      throw new BadRequestException(field, "'" + field + "' must be one of " + allowed);
    }
    return node.asText();
  }

  public BigDecimal money(String field, boolean required) {
    JsonNode node = present(field);
    if (node == null) {
      return missing(field, required);
    }
    try {
      if (node.isTextual()) {
        return Money.parse(node.asText());
      }
      if (node.isNumber()) {
        return Money.of(node.decimalValue());
      }
    } catch (Money.InvalidMoney e) {
      throw new BadRequestException(field, e.message(field));
    }
    throw new BadRequestException(field, "'" + field + "' must be an amount in yuan such as \"100.00\"");
  }

  public Integer integer(String field, int min, int max, boolean required) {
    JsonNode node = present(field);
    if (node == null) {
      return missing(field, required);
    }
    if (!node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() < min || node.intValue() > max) {
      throw new BadRequestException(field, "'" + field + "' must be a whole number from " + min + " to " + max);
    }
    return node.intValue();
  }

  public Boolean bool(String field, boolean required) {
    JsonNode node = present(field);
    if (node == null) {
      return missing(field, required);
    }
    if (!node.isBoolean()) {
      throw new BadRequestException(field, "'" + field + "' must be true or false");
    }
    return node.booleanValue();
  }

  public LocalDate date(String field, boolean required) {
    JsonNode node = present(field);
    if (node == null) {
      return missing(field, required);
    }
    try {
      LocalDate day = LocalDate.parse(node.asText());
      if (!node.isTextual() || day.getYear() < 1900 || day.getYear() > 2200) {
        throw new DateTimeParseException("out of range", node.asText(), 0);
      }
      return day;
    } catch (DateTimeParseException e) {
      throw new BadRequestException(field, "'" + field + "' must be a date such as \"2026-03-05\"");
    }
  }

  public List<String> textList(String field, List<String> allowed, int maxSize) {
    JsonNode node = present(field);
    if (node == null) {
      return List.of();
    }
    if (!node.isArray() || node.size() > maxSize) {
      throw new BadRequestException(field, "'" + field + "' must be a list of at most " + maxSize + " of " + allowed);
    }
    List<String> values = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      JsonNode item = node.get(i);
      if (!item.isTextual() || !allowed.contains(item.asText())) {
        throw new BadRequestException(field + "[" + i + "]", "'" + field + "[" + i + "]' must be one of " + allowed);
      }
      values.add(item.asText());
    }
    return values;
  }

  /** The elements of an array field, each readable as an object; null if absent. */
  public List<JsonInput> objects(String field, int maxSize, boolean required) {
    JsonNode node = present(field);
    if (node == null) {
      return missing(field, required);
    }
    if (!node.isArray() || node.isEmpty() || node.size() > maxSize) {
      throw new BadRequestException(field, "'" + field + "' must be a list of 1 to " + maxSize + " items");
    }
    List<JsonInput> items = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      if (!node.get(i).isObject()) {
        throw new BadRequestException(field + "[" + i + "]", "'" + field + "[" + i + "]' must be an object");
      }
      items.add(new JsonInput(node.get(i)));
    }
    return items;
  }

  private static <T> T missing(String field, boolean required) {
    if (required) {
      throw new BadRequestException(field, "'" + field + "' is required");
    }
    return null;
  }
}
