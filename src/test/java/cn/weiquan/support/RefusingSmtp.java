package cn.weiquan.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real SMTP server on a free port that refuses some recipients (550 to their RCPT TO), as a mail
 * server does for a mailbox that does not exist, and takes every other mail: what GreenMail cannot
 * be told to do. Serves one connection at a time; keeps each mail it took as its recipient and
 * Message-ID.
 */
public final class RefusingSmtp implements AutoCloseable {

  /** A mail the server took. */
  public record Taken(String to, String messageId) {}

  private static final Pattern ADDRESS = Pattern.compile("<([^>]*)>");
  private static final Pattern MESSAGE_ID = Pattern.compile("(?im)^Message-ID:\\s*(<[^>]+>)\\s*$");

  private final ServerSocket server;
  private final Set<String> refused;
  private final List<Taken> taken = new CopyOnWriteArrayList<>();
  private final Thread thread;

  public RefusingSmtp(Set<String> refused) {
    try {
      this.server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.refused = refused;
    this.thread = new Thread(this::serve, "refusing-smtp");
    this.thread.setDaemon(true);
    this.thread.start();
  }

  public int port() {
    return server.getLocalPort();
  }

  public List<Taken> taken() {
    return List.copyOf(taken);
  }

  private void serve() {
    while (!server.isClosed()) {
      try (Socket socket = server.accept()) {
        converse(socket);
      } catch (IOException closed) {
        // the server was closed, or the client went away: next connection
      }
    }
  }

  private void converse(Socket socket) throws IOException {
    BufferedReader in =
        new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
    OutputStream out = socket.getOutputStream();
    reply(out, "220 refusing-smtp ready");
    List<String> recipients = new ArrayList<>();
    String line;
    while ((line = in.readLine()) != null) {
      String command = line.toUpperCase(Locale.ROOT);
      if (command.startsWith("EHLO") || command.startsWith("HELO")) {
        reply(out, "250 refusing-smtp");
      } else if (command.startsWith("MAIL FROM")) {
        recipients.clear();
        reply(out, "250 OK");
      } else if (command.startsWith("RCPT TO")) {
        Matcher address = ADDRESS.matcher(line);
        String to = address.find() ? address.group(1) : "";
        if (refused.contains(to)) {
          reply(out, "550 5.1.1 no such mailbox: " + to);
        } else {
          recipients.add(to);
          reply(out, "250 OK");
        }
      } else if (command.equals("DATA")) {
        reply(out, "354 end with <CRLF>.<CRLF>");
        StringBuilder data = new StringBuilder();
        while ((line = in.readLine()) != null && !line.equals(".")) {
          data.append(line).append('\n');
        }
        Matcher id = MESSAGE_ID.matcher(data);
        String messageId = id.find() ? id.group(1) : null;
        recipients.forEach(to -> taken.add(new Taken(to, messageId)));
        recipients.clear();
        reply(out, "250 OK taken");
      } else if (command.startsWith("RSET") || command.startsWith("NOOP")) {
        recipients.clear();
        reply(out, "250 OK");
      } else if (command.startsWith("QUIT")) {
        reply(out, "221 bye");
        return;
      } else {
        reply(out, "502 not implemented");
      }
    }
  }

  private static void reply(OutputStream out, String text) throws IOException {
    out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
