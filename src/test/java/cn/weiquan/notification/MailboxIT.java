package cn.weiquan.notification;

import static org.assertj.core.api.Assertions.assertThat;

import cn.weiquan.support.ApplicationIT;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The local profile's embedded SMTP server receives the application's mail, and the demo mailbox
 * shows it.
 */
class MailboxIT extends ApplicationIT {

  @Autowired NotificationService notifications;

  @Test
  void mailSentByTheApplication_reachesTheEmbeddedServer_andTheMailboxShowsIt() {
    String caseNo = "WQ-2026-" + UUID.randomUUID().toString().substring(0, 6);
    Map<String, Object> vars = new java.util.HashMap<>(NotifyTaskTest.dispute());
    vars.put("caseNo", caseNo);

    List<SentMail> sent = notifications.send("case-received", List.of("consumer"), vars, null);

    // mails carry the parties' names and addresses: the demo mailbox is camunda-admin's only
    assertThat(
            as("handler")
                .get()
                .uri("/api/mailbox")
                .retrieve()
                .toEntity(JsonNode.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<JsonNode> mailbox =
        as("demo").get().uri("/api/mailbox").retrieve().toEntity(JsonNode.class);
    assertThat(mailbox.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode mail = null;
    for (JsonNode entry : mailbox.getBody()) {
      if (entry.path("subject").asText().contains(caseNo)) {
        mail = entry;
        break;
      }
    }
    assertThat(mail).as("mailbox entry for " + caseNo).isNotNull();
    assertThat(mail.path("to").asText()).isEqualTo("li.ming@example.com");
    assertThat(mail.path("subject").asText()).contains("投诉已受理");
    assertThat(mail.path("body").asText()).contains(caseNo).startsWith("李明，您好：");
    assertThat(mail.path("messageId").asText()).isEqualTo(sent.get(0).messageId());
    assertThat(mail.path("sentAt").asText()).endsWith("+08:00");
  }

  @Test
  void mailboxIsNewestFirst() {
    Map<String, Object> vars = new java.util.HashMap<>(NotifyTaskTest.dispute());
    vars.put("caseNo", "WQ-2026-OLDER1");
    notifications.send("settled", List.of("consumer"), vars, null);
    vars.put("caseNo", "WQ-2026-NEWER1");
    notifications.send("settled", List.of("consumer"), vars, null);

    JsonNode mailbox = as("demo").get().uri("/api/mailbox").retrieve().body(JsonNode.class);

    // other tests' mails share the box: what matters is that the newer of these two comes first
    List<String> subjects = new java.util.ArrayList<>();
    mailbox.forEach(entry -> subjects.add(entry.path("subject").asText()));
    int newer = indexOf(subjects, "WQ-2026-NEWER1");
    int older = indexOf(subjects, "WQ-2026-OLDER1");
    assertThat(newer).isNotNegative().isLessThan(older);
  }

  @Test
  void mailboxNeedsALogin() {
    assertThat(anonymous().get().uri("/api/mailbox").retrieve().toBodilessEntity().getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  private static int indexOf(List<String> subjects, String caseNo) {
    for (int i = 0; i < subjects.size(); i++) {
      if (subjects.get(i).contains(caseNo)) {
        return i;
      }
    }
    return -1;
  }
}
