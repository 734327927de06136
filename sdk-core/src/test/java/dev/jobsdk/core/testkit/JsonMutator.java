package dev.jobsdk.core.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded random mutations of a vendor JSON document, for property tests of the decoders: a field
 * removed, renamed or given a value of another type, an array element dropped or added, a string
 * made hostile, the whole document replaced. The same seed gives the same mutations.
 */
public final class JsonMutator {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final String[] STRINGS = {
    "", " ", "\u0000", "null", "-1", "1e309", "NaN", "2026-13-45T99:99:99Z", "not a date",
    "\u202Eevil", "ready", "failed", "completed", "COMPLETED", "pending", "UNKNOWN_STATUS",
    "x".repeat(10_000), "\r\nX-Injected: 1", "../../etc/passwd", "550e8400-e29b-41d4-a716-446655440000",
    "1716897600", "1717593600000", "{\"nested\": true}"
  };

  private final SplittableRandom random;

  public JsonMutator(long seed) {
    this.random = new SplittableRandom(seed);
  }

  /** Returns a mutated deep copy of doc, with 1 to 4 mutations. */
  public JsonNode mutate(JsonNode doc) {
    JsonNode copy = doc.deepCopy();
    int n = 1 + random.nextInt(4);
    for (int i = 0; i < n; i++) {
      copy = once(copy);
    }
    return copy;
  }

  private JsonNode once(JsonNode root) {
    if (random.nextInt(40) == 0) {
      return value(2);
    }
    List<JsonNode> containers = new ArrayList<>();
    collect(root, containers);
    if (containers.isEmpty()) {
      return value(2);
    }
    JsonNode c = containers.get(random.nextInt(containers.size()));
    if (c instanceof ObjectNode o) {
      List<String> names = new ArrayList<>();
      o.fieldNames().forEachRemaining(names::add);
      if (names.isEmpty()) {
        o.set("added", value(1));
        return root;
      }
      String f = names.get(random.nextInt(names.size()));
      switch (random.nextInt(4)) {
        case 0 -> o.remove(f);
        case 1 -> o.set(f, value(2));
        case 2 -> o.set(f + "X", o.remove(f));
        default -> o.putNull(f);
      }
    } else if (c instanceof ArrayNode a) {
      if (a.isEmpty() || random.nextBoolean()) {
        a.add(value(2));
      } else {
        int i = random.nextInt(a.size());
        if (random.nextBoolean()) {
          a.remove(i);
        } else {
          a.set(i, value(2));
        }
      }
    }
    return root;
  }

  private static void collect(JsonNode n, List<JsonNode> into) {
    if (n.isContainerNode()) {
      into.add(n);
      n.forEach(child -> collect(child, into));
    }
  }

  private JsonNode value(int depth) {
    switch (random.nextInt(depth > 0 ? 9 : 7)) {
      case 0:
        return F.nullNode();
      case 1:
        return F.booleanNode(random.nextBoolean());
      case 2:
        return F.numberNode(random.nextInt(5) == 0 ? Long.MIN_VALUE : random.nextLong(-5, 1L << 40));
      case 3:
        return F.numberNode(random.nextDouble() * 1e6 - 5e5);
      case 4:
      case 5:
        return F.textNode(STRINGS[random.nextInt(STRINGS.length)]);
      case 6:
        return F.objectNode();
      case 7: {
        ObjectNode o = F.objectNode();
        o.set("status", value(depth - 1));
        o.set("id", value(depth - 1));
        return o;
      }
      default: {
        ArrayNode a = F.arrayNode();
        a.add(value(depth - 1));
        return a;
      }
    }
  }
}
