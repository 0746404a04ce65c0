package cn.weiquan.platform.modelguard;

import cn.weiquan.platform.modelguard.JuelNode.FunctionCall;
import cn.weiquan.platform.modelguard.JuelNode.Identifier;
import cn.weiquan.platform.modelguard.JuelNode.Index;
import cn.weiquan.platform.modelguard.JuelNode.Literal;
import cn.weiquan.platform.modelguard.JuelNode.MethodCall;
import cn.weiquan.platform.modelguard.JuelNode.Operation;
import cn.weiquan.platform.modelguard.JuelNode.Property;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Parses the body of one {@code ${…}} (without the braces) into a {@link JuelNode}: literals, the
 * EL operators, property and index access, method and function calls. Anything else (assignment,
 * lambdas, {@code ;}, collection literals, {@code instanceof}) is a {@link SyntaxError}: what the
 * checker cannot read, it refuses.
 */
final class JuelParser {

  /** Thrown for text outside the subset; the message says where. */
  static final class SyntaxError extends RuntimeException {
    SyntaxError(String message) {
      super(message);
    }
  }

  private enum Kind {
    IDENTIFIER,
    KEYWORD,
    NUMBER,
    STRING,
    OPERATOR,
    END
  }

  private record Token(Kind kind, String text, Object value, int position) {
    boolean is(String symbol) {
      return (kind == Kind.OPERATOR || kind == Kind.KEYWORD) && text.equals(symbol);
    }
  }

  private static final Set<String> KEYWORDS =
      Set.of(
          "and",
          "or",
          "not",
          "eq",
          "ne",
          "lt",
          "gt",
          "le",
          "ge",
          "empty",
          "div",
          "mod",
          "true",
          "false",
          "null",
          "instanceof");
  private static final List<String> TWO_CHARACTER_OPERATORS =
      List.of("==", "!=", "<=", ">=", "&&", "||");
  private static final String ONE_CHARACTER_OPERATORS = "<>!?:()[].,+-*/%";

  private final String source;
  private final List<Token> tokens;
  private int next;

  private JuelParser(String source) {
    this.source = source;
    this.tokens = tokenize(source);
  }

  /** The tree of an expression body, e.g. {@code deadlines.reminderBefore(mediationDue)}. */
  static JuelNode parse(String body) {
    JuelParser parser = new JuelParser(body);
    if (parser.peek().kind == Kind.END) {
      throw new SyntaxError("empty expression");
    }
    JuelNode node = parser.expression();
    if (parser.peek().kind != Kind.END) {
      throw parser.unexpected();
    }
    return node;
  }

  // grammar, lowest precedence first ////////////////////////////////////////

  private JuelNode expression() {
    JuelNode condition = binary(0);
    if (accept("?")) {
      JuelNode then = expression();
      expect(":");
      JuelNode otherwise = expression();
      return new Operation("?:", List.of(condition, then, otherwise));
    }
    return condition;
  }

  /**
   * The binary operator levels of EL, lowest first; each symbol list holds the operator's
   * spellings.
   */
  private static final List<List<String>> LEVELS =
      List.of(
          List.of("||", "or"),
          List.of("&&", "and"),
          List.of("==", "!=", "eq", "ne"),
          List.of("<", ">", "<=", ">=", "lt", "gt", "le", "ge"),
          List.of("+", "-"),
          List.of("*", "/", "div", "%", "mod"));

  private JuelNode binary(int level) {
    if (level == LEVELS.size()) {
      return unary();
    }
    JuelNode left = binary(level + 1);
    while (LEVELS.get(level).stream().anyMatch(peek()::is)) {
      String operator = advance().text;
      left = new Operation(operator, List.of(left, binary(level + 1)));
    }
    return left;
  }

  private JuelNode unary() {
    for (String operator : List.of("-", "!", "not", "empty")) {
      if (accept(operator)) {
        return new Operation(operator, List.of(unary()));
      }
    }
    return value();
  }

  private JuelNode value() {
    JuelNode node = primary();
    while (true) {
      if (accept(".")) {
        Token name = advance();
        if (name.kind != Kind.IDENTIFIER) {
          throw new SyntaxError("a property name must follow '.' at " + name.position);
        }
        node =
            peek().is("(")
                ? new MethodCall(node, name.text, arguments())
                : new Property(node, name.text);
      } else if (accept("[")) {
        JuelNode index = expression();
        expect("]");
        String name =
            index instanceof Literal literal && literal.value() instanceof String text
                ? text
                : null;
        if (peek().is("(")) {
          node = new MethodCall(node, name, arguments());
        } else {
          node = name != null ? new Property(node, name) : new Index(node, index);
        }
      } else {
        return node;
      }
    }
  }

  private JuelNode primary() {
    Token token = advance();
    switch (token.kind) {
      case NUMBER, STRING:
        return new Literal(token.value);
      case KEYWORD:
        return switch (token.text) {
          case "true" -> new Literal(Boolean.TRUE);
          case "false" -> new Literal(Boolean.FALSE);
          case "null" -> new Literal(null);
          default -> throw new SyntaxError("unexpected '" + token.text + "' at " + token.position);
        };
      case IDENTIFIER:
        if (peek().is(":")
            && tokens.get(next + 1).kind == Kind.IDENTIFIER
            && tokens.get(next + 2).is("(")) {
          advance();
          String name = advance().text;
          return new FunctionCall(token.text, name, arguments());
        }
        if (peek().is("(")) {
          return new FunctionCall(null, token.text, arguments());
        }
        return new Identifier(token.text);
      case OPERATOR:
        if (token.is("(")) {
          JuelNode inner = expression();
          expect(")");
          return inner;
        }
        throw new SyntaxError("unexpected '" + token.text + "' at " + token.position);
      default:
        throw new SyntaxError("the expression ends too early");
    }
  }

  private List<JuelNode> arguments() {
    expect("(");
    List<JuelNode> arguments = new ArrayList<>();
    if (accept(")")) {
      return arguments;
    }
    do {
      arguments.add(expression());
    } while (accept(","));
    expect(")");
    return arguments;
  }

  // tokens ////////////////////////////////////////////////////////////////////

  private Token peek() {
    return tokens.get(next);
  }

  private Token advance() {
    Token token = tokens.get(next);
    if (token.kind != Kind.END) {
      next++;
    }
    return token;
  }

  private boolean accept(String symbol) {
    if (peek().is(symbol)) {
      next++;
      return true;
    }
    return false;
  }

  private void expect(String symbol) {
    if (!accept(symbol)) {
      throw peek().kind == Kind.END
          ? new SyntaxError("'" + symbol + "' expected at the end of '" + source + "'")
          : new SyntaxError(
              "'" + symbol + "' expected at " + peek().position + ", found '" + peek().text + "'");
    }
  }

  private SyntaxError unexpected() {
    return new SyntaxError("unexpected '" + peek().text + "' at " + peek().position);
  }

  private static List<Token> tokenize(String text) {
    List<Token> tokens = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      int start = i;
      if (Character.isWhitespace(c)) {
        i++;
      } else if (Character.isJavaIdentifierStart(c)) {
        while (i < text.length() && Character.isJavaIdentifierPart(text.charAt(i))) {
          i++;
        }
        String word = text.substring(start, i);
        if (word.equals("instanceof")) {
          throw new SyntaxError("'instanceof' is not supported");
        }
        tokens.add(
            new Token(KEYWORDS.contains(word) ? Kind.KEYWORD : Kind.IDENTIFIER, word, null, start));
      } else if (Character.isDigit(c)
          || (c == '.' && i + 1 < text.length() && Character.isDigit(text.charAt(i + 1)))) {
        i = number(text, i);
        tokens.add(
            new Token(
                Kind.NUMBER,
                text.substring(start, i),
                new BigDecimal(text.substring(start, i)),
                start));
      } else if (c == '\'' || c == '"') {
        StringBuilder value = new StringBuilder();
        i++;
        while (i < text.length() && text.charAt(i) != c) {
          if (text.charAt(i) == '\\' && i + 1 < text.length()) {
            i++;
          }
          value.append(text.charAt(i++));
        }
        if (i == text.length()) {
          throw new SyntaxError("unterminated string at " + start);
        }
        i++;
        tokens.add(new Token(Kind.STRING, text.substring(start, i), value.toString(), start));
      } else if (i + 1 < text.length()
          && TWO_CHARACTER_OPERATORS.contains(text.substring(i, i + 2))) {
        i += 2;
        tokens.add(new Token(Kind.OPERATOR, text.substring(start, i), null, start));
      } else if (ONE_CHARACTER_OPERATORS.indexOf(c) >= 0) {
        i++;
        tokens.add(new Token(Kind.OPERATOR, String.valueOf(c), null, start));
      } else {
        throw new SyntaxError("unexpected character '" + c + "' at " + start);
      }
    }
    tokens.add(new Token(Kind.END, "", null, text.length()));
    return tokens;
  }

  private static int number(String text, int i) {
    while (i < text.length() && Character.isDigit(text.charAt(i))) {
      i++;
    }
    if (i < text.length() && text.charAt(i) == '.') {
      i++;
      while (i < text.length() && Character.isDigit(text.charAt(i))) {
        i++;
      }
    }
    if (i < text.length() && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
      int exponent = i + 1;
      if (exponent < text.length()
          && (text.charAt(exponent) == '+' || text.charAt(exponent) == '-')) {
        exponent++;
      }
      if (exponent < text.length() && Character.isDigit(text.charAt(exponent))) {
        i = exponent;
        while (i < text.length() && Character.isDigit(text.charAt(i))) {
          i++;
        }
      }
    }
    return i;
  }
}
