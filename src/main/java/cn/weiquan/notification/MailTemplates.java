package cn.weiquan.notification;

import com.samskivert.mustache.Mustache;
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
 * The Chinese mail templates under classpath:mail/, one per event code: mail/&lt;event&gt;.mustache.
 * The first line is the subject, the rest (after one blank line) the plain-text body; partials
 * such as {{&gt; footer}} come from the same folder. Values are inserted verbatim because the mail
 * is text/plain: markup a party typed stays inert text.
 */
public class MailTemplates {

  private static final String FOLDER = "mail/";
  private static final Pattern EVENT_CODE = Pattern.compile("[a-z][a-z0-9-]{0,63}");

  private final Mustache.Compiler compiler;
  private final Map<String, Compiled> cache = new ConcurrentHashMap<>();

  public MailTemplates() {
    this.compiler = Mustache.compiler()
        .escapeHTML(false) // text/plain: nothing is interpreted, so nothing needs escaping
        .defaultValue("") // a missing or null variable renders empty
        .emptyStringIsFalse(true)
        .withLoader(name -> reader(name + ".mustache"));
  }

  /** Whether a template exists for this event code. */
  public boolean exists(String event) {
    return EVENT_CODE.matcher(event).matches() && getClass().getClassLoader().getResource(FOLDER + event + ".mustache") != null;
  }

  public RenderedMail render(String event, Map<String, Object> model) {
    Compiled template = cache.computeIfAbsent(event, this::compile);
    // a value with a line break must not start a second header line
    String subject = template.subject().execute(model).replaceAll("\\s+", " ").strip();
    return new RenderedMail(subject, template.body().execute(model));
  }

  private Compiled compile(String event) {
    if (!exists(event)) {
      throw new IllegalArgumentException("no mail template for event '" + event + "' (expected classpath:" + FOLDER + event + ".mustache)");
    }
    String source;
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(FOLDER + event + ".mustache")) {
      source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    source = source.replace("\r\n", "\n");
    int firstBreak = source.indexOf('\n');
    if (firstBreak < 0) {
      throw new IllegalStateException("mail template " + event + " has no body after its subject line");
    }
    String subject = source.substring(0, firstBreak);
    String body = source.substring(firstBreak + 1).replaceFirst("^\n", "");
    return new Compiled(compiler.compile(new StringReader(subject)), compiler.compile(new StringReader(body)));
  }

  private Reader reader(String file) {
    InputStream in = getClass().getClassLoader().getResourceAsStream(FOLDER + file);
    if (in == null) {
      throw new IllegalArgumentException("no mail template classpath:" + FOLDER + file);
    }
    return new InputStreamReader(in, StandardCharsets.UTF_8);
  }

  private record Compiled(Template subject, Template body) {}
}
