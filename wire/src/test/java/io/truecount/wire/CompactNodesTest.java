package io.truecount.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CompactNodesTest {
  @Test
  void parsed_objects_keep_field_order_and_the_last_duplicate() throws WireException {
    JsonNode node = Json.parse("{\"b\":1,\"a\":2,\"b\":3}".getBytes(StandardCharsets.UTF_8));
    assertThat(node.get("b").intValue()).isEqualTo(3);
    assertThat(node.toString()).isEqualTo("{\"b\":3,\"a\":2}");
  }

  @Test
  void an_object_of_many_fields_parses_whole_and_in_order() throws WireException {
    StringBuilder json = new StringBuilder("{");
    int fields = 100_000;
    for (int i = 0; i < fields; i++) {
      json.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":").append(i);
    }
    JsonNode node = Json.parse(json.append('}').toString().getBytes(StandardCharsets.UTF_8));
    assertThat(node.size()).isEqualTo(fields);
    assertThat(node.get("k99999").intValue()).isEqualTo(99_999);
    assertThat(node.fieldNames().next()).isEqualTo("k0");
  }
}
