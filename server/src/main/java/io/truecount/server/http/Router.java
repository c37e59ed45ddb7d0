package io.truecount.server.http;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Finds the route of a method and a decoded path, and the path parameters its template names. */
final class Router {
  /** A route found, with the values of its template's {@code {name}} segments. */
  record Match(Route route, Map<String, String> pathParams) {}

  /** What a path that is not routed gets: no route at all (404) or none for this method (405). */
  enum Miss {
    NO_ROUTE,
    WRONG_METHOD
  }

  private record Template(Route route, String[] segments) {}

  /** Exact paths by method, then path: no key string built per request. */
  private final Map<String, Map<String, Route>> exact = new HashMap<>();
  private final List<Template> templates = new ArrayList<>();

  Router(List<Route> routes) {
    for (Route route : routes) {
      if (route.template().contains("{")) {
        templates.add(new Template(route, split(route.template())));
      } else if (exact.computeIfAbsent(route.method(), m -> new HashMap<>()).putIfAbsent(route.template(), route) != null) {
        throw new IllegalArgumentException("two routes for " + route.method() + " " + route.template());
      }
    }
  }

  /** The route for {@code method} on {@code path}, or why there is none. */
  Optional<Match> find(String method, String path) {
    Route route = exact.getOrDefault(method, Map.of()).get(path);
    if (route != null) {
      return Optional.of(new Match(route, Map.of()));
    }
    String[] segments = split(path);
    for (Template template : templates) {
      if (template.route().method().equals(method)) {
        Map<String, String> params = match(template.segments(), segments);
        if (params != null) {
          return Optional.of(new Match(template.route(), params));
        }
      }
    }
    return Optional.empty();
  }

  Miss miss(String path) {
    String[] segments = split(path);
    boolean anyMethod = exact.values().stream().anyMatch(paths -> paths.containsKey(path))
        || templates.stream().anyMatch(t -> match(t.segments(), segments) != null);
    return anyMethod ? Miss.WRONG_METHOD : Miss.NO_ROUTE;
  }

  private static Map<String, String> match(String[] template, String[] path) {
    if (template.length != path.length) {
      return null;
    }
    Map<String, String> params = new HashMap<>(4);
    for (int i = 0; i < template.length; i++) {
      String t = template[i];
      if (t.startsWith("{") && t.endsWith("}")) {
        if (path[i].isEmpty()) {
          return null;
        }
        params.put(t.substring(1, t.length() - 1), path[i]);
      } else if (!t.equals(path[i])) {
        return null;
      }
    }
    return params;
  }

  private static String[] split(String path) {
    return path.split("/", -1);
  }
}
