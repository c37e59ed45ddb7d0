package io.truecount.server;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A browser-like HTTP client for the web UI: keeps cookies, signs in through the form, knows its CSRF token. */
final class UiClient {
  private static final Pattern HIDDEN = Pattern.compile("name=\"(_login|_csrf)\" value=\"([^\"]+)\"");
  final HttpClient http;
  final String base;
  String csrf = "";

  UiClient(String base) {
    this(HttpClient.newBuilder().cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(5)).build(), base);
  }

  /** The same browser (cookies, CSRF token) talking to another node behind the same load balancer. */
  UiClient at(String otherBase) {
    UiClient same = new UiClient(http, otherBase);
    same.csrf = csrf;
    return same;
  }

  private UiClient(HttpClient http, String base) {
    this.http = http;
    this.base = base;
  }

  static UiClient signedIn(String base, String login, String password) {
    UiClient client = new UiClient(base);
    HttpResponse<String> answer = client.signIn(login, password);
    if (answer.statusCode() != 303) {
      throw new AssertionError("sign-in of " + login + " answered " + answer.statusCode() + ": " + answer.body());
    }
    client.csrf = hidden(client.page("/ui"), "_csrf");
    return client;
  }

  HttpResponse<String> signIn(String login, String password) {
    String token = hidden(get("/ui/login").body(), "_login");
    return post("/ui/login", Map.of("_login", token, "login", login, "password", password));
  }

  /** The body of a page after following one redirect. */
  String page(String path) {
    HttpResponse<String> r = get(path);
    return r.statusCode() == 303 ? get(r.headers().firstValue("Location").orElseThrow()).body() : r.body();
  }

  HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html").GET());
  }

  HttpResponse<String> post(String path, Map<String, String> form) {
    String body = form.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
    return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** A POST carrying this session's CSRF token. */
  HttpResponse<String> change(String path, Map<String, String> form) {
    java.util.Map<String, String> withToken = new java.util.HashMap<>(form);
    withToken.put("_csrf", csrf);
    return post(path, withToken);
  }

  /** Sends and reads the body; an event stream is closed after its headers (its body never ends). */
  HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(request.timeout(Duration.ofSeconds(30)).build(), info ->
          info.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream")
              ? HttpResponse.BodySubscribers.mapping(HttpResponse.BodySubscribers.ofInputStream(), UiClient::closed)
              : HttpResponse.BodySubscribers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String closed(java.io.InputStream stream) {
    try {
      stream.close();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return "(event stream)";
  }

  static String hidden(String html, String name) {
    Matcher m = HIDDEN.matcher(html);
    while (m.find()) {
      if (m.group(1).equals(name)) {
        return m.group(2);
      }
    }
    throw new AssertionError("no hidden field " + name + " in " + html);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
