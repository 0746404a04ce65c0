package cn.weiquan.support;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * A login to the webapps as their sign-in page does it: the page's session and CSRF token, the
 * login form, then the new session's token fetched the way the apps do. {@link #status()} is the
 * login's answer (200, 401, 403).
 */
public record WebappSession(int status, String cookies, String csrfToken) {

  public static WebappSession login(RestClient client, String user, String password, String app) {
    ResponseEntity<Void> page =
        client.get().uri("/camunda/app/" + app + "/").retrieve().toBodilessEntity();
    Map<String, String> cookies = new LinkedHashMap<>();
    remember(cookies, page.getHeaders());
    String token = page.getHeaders().getFirst("X-XSRF-TOKEN");
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("username", user);
    form.add("password", password);
    ResponseEntity<Void> login =
        client
            .post()
            .uri("/camunda/api/admin/auth/user/default/login/" + app)
            .header("X-XSRF-TOKEN", token)
            .header(HttpHeaders.COOKIE, header(cookies))
            .contentType(MediaType.APPLICATION_FORM_URLENCODED)
            .body(form)
            .retrieve()
            .toBodilessEntity();
    if (login.getStatusCode().value() != 200) {
      return new WebappSession(login.getStatusCode().value(), null, null);
    }
    remember(cookies, login.getHeaders());
    // the login starts a new session without a token; the app's next read fetches one
    ResponseEntity<Void> read =
        client
            .get()
            .uri("/camunda/api/admin/auth/user/default")
            .header(HttpHeaders.COOKIE, header(cookies))
            .retrieve()
            .toBodilessEntity();
    remember(cookies, read.getHeaders());
    return new WebappSession(200, header(cookies), read.getHeaders().getFirst("X-XSRF-TOKEN"));
  }

  public boolean loggedIn() {
    return status == 200;
  }

  /** Adds the session's cookie and CSRF token to a request. */
  public <S extends RestClient.RequestHeadersSpec<?>> S with(S request) {
    request.header(HttpHeaders.COOKIE, cookies).header("X-XSRF-TOKEN", csrfToken);
    return request;
  }

  private static void remember(Map<String, String> cookies, HttpHeaders headers) {
    for (String cookie : headers.getOrEmpty(HttpHeaders.SET_COOKIE)) {
      int end = cookie.indexOf(';') < 0 ? cookie.length() : cookie.indexOf(';');
      String pair = cookie.substring(0, end);
      cookies.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
    }
  }

  private static String header(Map<String, String> cookies) {
    return String.join(
        "; ", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
  }
}
