package io.truecount.wire;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.truecount.core.SmallMap;

/**
 * Jackson's node factory (its extension point for node types) with objects on a {@link
 * SmallMap} instead of a {@code LinkedHashMap} each: a sixth less allocation for parsing and
 * validating a batch (docs/benchmarks.md).
 */
final class CompactNodes extends JsonNodeFactory {
  private static final long serialVersionUID = 1L;

  @Override
  public ObjectNode objectNode() {
    return new ObjectNode(this, new SmallMap<>());
  }
}
