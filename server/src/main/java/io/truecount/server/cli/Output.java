package io.truecount.server.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.truecount.wire.Json;
import java.util.Map;

/** Prints admin results as pretty JSON (--json) or as aligned "key: value" lines. */
final class Output {
  private Output() {}

  static com.fasterxml.jackson.databind.node.ArrayNode array(java.util.List<? extends JsonNode> items) {
    var array = Json.MAPPER.createArrayNode();
    items.forEach(array::add);
    return array;
  }

  static void print(JsonNode node, boolean json) {
    if (json) {
      try {
        System.out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
      return;
    }
    if (node.isArray()) {
      node.forEach(item -> {
        printObject(item);
        System.out.println();
      });
      if (node.isEmpty()) {
        System.out.println("(none)");
      }
    } else {
      printObject(node);
    }
  }

  private static void printObject(JsonNode node) {
    for (Map.Entry<String, JsonNode> f : node.properties()) {
      System.out.printf("%-18s %s%n", f.getKey() + ":", f.getValue().isNull() ? "-" : f.getValue().asText(f.getValue().toString()));
    }
  }
}
