package cn.weiquan.api;

import cn.weiquan.platform.WeiquanGroups;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * The credentials of the parties' systems (api-clients). Each client is an engine user of the group
 * api-clients, so cases and grants name it, but it logs in to /api with a secret of its own, stored
 * hashed in the user's info ({@value #SECRET_INFO}): a wrong secret sent by someone else never
 * triggers the engine's per-account login delay, so nobody can lock a client out. The engine
 * password of a client is random and never told to anyone: a client cannot log in to the webapps or
 * /engine-rest. Secrets made here are 256 random bits, so a salted HMAC-SHA-256 suffices (no slow
 * hash is needed for a secret nobody chose).
 */
@Component
public class ApiClients {
  static final String SECRET_INFO = "weiquan.api-secret";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final IdentityService identity;

  public ApiClients(IdentityService identity) {
    this.identity = identity;
  }

  /**
   * Creates the client (engine user in api-clients with an unusable password) unless it exists, and
   * sets its secret.
   */
  public void create(String clientId, String name, String secret) {
    User user = identity.createUserQuery().userId(clientId).singleResult();
    if (user == null) {
      user = identity.newUser(clientId);
      user.setFirstName(name);
      user.setLastName("接口");
      user.setPassword(randomSecret());
      identity.saveUser(user);
    } else if (!hasSecret(clientId)) {
      // a client made by an earlier version had an engine password: it no longer opens anything
      user.setPassword(randomSecret());
      identity.saveUser(user);
    }
    if (identity.createUserQuery().userId(clientId).memberOfGroup(WeiquanGroups.API_CLIENTS).count()
        == 0) {
      identity.createMembership(clientId, WeiquanGroups.API_CLIENTS);
    }
    setSecret(clientId, secret);
  }

  /** A new random secret for the client, returned once and stored only as its hash. */
  public String rotate(String clientId) {
    String secret = randomSecret();
    setSecret(clientId, secret);
    return secret;
  }

  public boolean exists(String userId) {
    return identity.createUserQuery().userId(userId).count() > 0;
  }

  public boolean isClient(String clientId) {
    return identity
            .createUserQuery()
            .userId(clientId)
            .memberOfGroup(WeiquanGroups.API_CLIENTS)
            .count()
        > 0;
  }

  public boolean hasSecret(String clientId) {
    return identity.getUserInfo(clientId, SECRET_INFO) != null;
  }

  /**
   * Whether the secret is the client's; false for a client without a stored secret. Constant time
   * in the secret.
   */
  public boolean verify(String clientId, String secret) {
    String stored = identity.getUserInfo(clientId, SECRET_INFO);
    if (stored == null) {
      return false;
    }
    String[] parts = stored.split(":");
    if (parts.length != 3 || !"v1".equals(parts[0])) {
      return false;
    }
    byte[] salt = Base64.getDecoder().decode(parts[1]);
    byte[] expected = Base64.getDecoder().decode(parts[2]);
    return MessageDigest.isEqual(expected, hmac(salt, secret));
  }

  void setSecret(String clientId, String secret) {
    if (secret == null || secret.isEmpty()) {
      throw new IllegalArgumentException("an api client's secret must not be empty");
    }
    byte[] salt = new byte[16];
    RANDOM.nextBytes(salt);
    Base64.Encoder base64 = Base64.getEncoder();
    identity.setUserInfo(
        clientId,
        SECRET_INFO,
        "v1:" + base64.encodeToString(salt) + ":" + base64.encodeToString(hmac(salt, secret)));
  }

  /**
   * A client created by an earlier version logs in with its engine password once more: on success
   * its secret is stored here and its engine password replaced by a random one, so the next request
   * uses this store.
   */
  public boolean migrate(String clientId, String password) {
    if (!identity.checkPassword(clientId, password)) {
      return false;
    }
    setSecret(clientId, password);
    User user = identity.createUserQuery().userId(clientId).singleResult();
    user.setPassword(randomSecret());
    identity.saveUser(user);
    return true;
  }

  public static String randomSecret() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static byte[] hmac(byte[] salt, String secret) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(salt, "HmacSHA256"));
      return mac.doFinal(secret.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }
}
