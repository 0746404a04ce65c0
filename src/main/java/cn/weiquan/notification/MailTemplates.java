package cn.weiquan.notification;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The Chinese mail texts under classpath:mail/, one per event and recipient role:
 * mail/&lt;event&gt;/&lt;role&gt;.mustache. Each role gets its own text, written for what that
 * party has to do next, so no text branches on who reads it. The first line is the subject, the
 * rest (after one blank line) the plain-text body; partials such as {{&gt; _footer}} come from
 * mail/.
 *
 * <p>Rendering is strict: a variable the model does not have fails the mail (and so the job, which
 * becomes an incident in Cockpit) instead of leaving a silent gap. The model a role receives is
 * already filtered ({@link RecipientRole#mayRead}), so a merchant's text that asks for the
 * consumer's phone fails in the first test that sends it. Optional values go in a section:
 * {{#merchantOffer}}…{{/merchantOffer}}. A value that is present but null renders empty. Values are
 * inserted verbatim because the mail is text/plain: markup a party typed stays inert text.
 */
public class MailTemplates {

  private static final String FOLDER = "mail/";
  private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9-]{0,63}");

  private final Mustache.Compiler compiler;
  private final Map<String, Compiled> cache = new ConcurrentHashMap<>();

  public MailTemplates() {
    this.compiler =
        Mustache.compiler()
            .escapeHTML(false) // text/plain: nothing is interpreted, so nothing needs escaping
            .nullValue("") // present but empty renders empty; a missing variable throws
            .strictSections(false) // {{#optional}} on a missing variable is simply false
            .emptyStringIsFalse(true)
            .withLoader(name -> reader(name + ".mustache"));
  }

  /** Whether a text exists for this event and role. */
  public boolean exists(String event, String role) {
    return CODE.matcher(event).matches()
        && CODE.matcher(role).matches()
        && getClass().getClassLoader().getResource(path(event, role)) != null;
  }

  /** Whether any role has a text for this event. */
  public boolean exists(String event) {
    return CODE.matcher(event).matches()
        && getClass().getClassLoader().getResource(FOLDER + event + "/") != null;
  }

  /**
   * @throws IllegalArgumentException no text for this event and role
   * @throws MailTemplateException the text names a variable the model lacks
   */
  public RenderedMail render(String event, String role, Map<String, Object> model) {
    Compiled template =
        cache.computeIfAbsent(path(event, role), path -> compile(event, role, path));
    try {
      // a value with a line break must not start a second header line
      String subject = template.subject().execute(model).replaceAll("\\s+", " ").strip();
      return new RenderedMail(subject, template.body().execute(model));
    } catch (MustacheException e) {
      throw new MailTemplateException(
          "mail text " + path(event, role) + " cannot be rendered for this case: " + e.getMessage(),
          e);
    }
  }

  private Compiled compile(String event, String role, String path) {
    if (!exists(event, role)) {
      throw new IllegalArgumentException(
          "no mail text for event '"
              + event
              + "' and recipient '"
              + role
              + "' (expected classpath:"
              + path
              + ")");
    }
    String source;
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(path)) {
      source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    source = source.replace("\r\n", "\n");
    int firstBreak = source.indexOf('\n');
    if (firstBreak < 0) {
      throw new IllegalStateException("mail text " + path + " has no body after its subject line");
    }
    String subject = source.substring(0, firstBreak);
    String body = source.substring(firstBreak + 1).replaceFirst("^\n", "");
    return new Compiled(
        compiler.compile(new StringReader(subject)), compiler.compile(new StringReader(body)));
  }

  private static String path(String event, String role) {
    return FOLDER + event + "/" + role + ".mustache";
  }

  private Reader reader(String file) {
    InputStream in = getClass().getClassLoader().getResourceAsStream(FOLDER + file);
    if (in == null) {
      throw new IllegalArgumentException("no mail partial classpath:" + FOLDER + file);
    }
    return new InputStreamReader(in, StandardCharsets.UTF_8);
  }

  /**
   * A mail text that does not fit the case it was sent for: a designer's mistake, shown as an
   * incident.
   */
  public static class MailTemplateException extends RuntimeException {
    MailTemplateException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private record Compiled(Template subject, Template body) {}
}
