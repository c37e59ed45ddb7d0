package io.truecount.wire;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Jackson's node factory with {@link FieldMap} objects (its extension point for the node types). */
final class CompactNodes extends JsonNodeFactory {
  private static final long serialVersionUID = 1L;

  @Override
  public ObjectNode objectNode() {
    return new ObjectNode(this, new FieldMap());
  }
}
