package io.truecount.wire;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;

/** The one JSON mapper, with limits against hostile bodies, and parse errors with a position. */
public final class Json {
  public static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .nodeFactory(new CompactNodes())
          .build();

  static {
    MAPPER.getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder().maxNestingDepth(64).maxStringLength(1_000_000).maxNumberLength(100).build());
  }

  private Json() {}

  /** Parses a request body; not JSON → 40000 naming the line and column. */
  public static JsonNode parse(byte[] body) throws WireException {
    if (body.length == 0) {
      throw new WireException(Code.INVALID_PARAMS, "Request body is empty: expected a JSON object");
    }
    try {
      JsonNode node = MAPPER.readTree(body);
      if (node == null || node.isMissingNode()) {
        throw new WireException(Code.INVALID_PARAMS, "Request body is empty: expected a JSON object");
      }
      return node;
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr() + " (byte " + at.getByteOffset() + ")";
      throw new WireException(Code.INVALID_PARAMS, "Request body is not valid JSON" + where + ": " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new WireException(Code.INVALID_PARAMS, "Request body could not be read: " + e.getMessage());
    } catch (NumberFormatException e) {
      throw new WireException(Code.INVALID_PARAMS, "Request body has a number out of range: " + e.getMessage());
    }
  }
}
