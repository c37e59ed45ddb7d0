package io.truecount.server.pixel;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.truecount.core.Advertiser;
import io.truecount.core.EventSource;
import io.truecount.core.pii.Pii;
import io.truecount.wire.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;

/**
 * The first-party {@code ttq} script: one hand-written template, served with whole-line comments
 * and indentation stripped, with a small per-pixel configuration (pixel code, the advertiser's
 * phone hints, an optional test event code) appended as the IIFE's argument. Versioned by the
 * hash of the template so a versioned URL can be cached forever.
 */
public final class PixelScript {
  private static final String CONFIG_MARK = "/*CONFIG*/{}";
  private static final int MAX_CACHED = 10_000;

  private final String template;
  private final String version;
  private final Map<String, Body> cache = new ConcurrentHashMap<>();

  /** One rendering: plain and gzip bytes and a strong ETag. */
  public record Body(byte[] plain, byte[] gzip, String etag) {}

  public PixelScript() {
    this.template = compact(resource());
    this.version = Pii.sha256Hex(template).substring(0, 12);
  }

  public String version() {
    return version;
  }

  /**
   * The script for {@code pixelCode}. An unknown pixel still gets a working script (the page must
   * never break), marked unknown; the beacon refuses its events.
   */
  public Body render(String pixelCode, Optional<EventSource> source, Optional<Advertiser> advertiser, String testEventCode) {
    ObjectNode config = Json.MAPPER.createObjectNode();
    config.put("pixel", pixelCode).put("v", version).put("known", source.isPresent());
    advertiser.ifPresent(a -> {
      Pii.PhoneHints hints = Pii.phoneHints(a.country());
      config.put("cc", hints.countryCode()).put("np", hints.nationalPrefix());
    });
    if (!testEventCode.isEmpty()) {
      config.put("test_event_code", testEventCode);
    }
    String json = config.toString().replace("</", "<\\/");
    if (source.isEmpty() || !testEventCode.isEmpty() || cache.size() >= MAX_CACHED) {
      return body(json);
    }
    return cache.computeIfAbsent(json, this::body);
  }

  private Body body(String configJson) {
    byte[] plain = template.replace(CONFIG_MARK, configJson).getBytes(StandardCharsets.UTF_8);
    return new Body(plain, gzip(plain), "\"" + Pii.sha256Hex(configJson + version).substring(0, 16) + "\"");
  }

  /** Drops whole-line comments, indentation and blank lines; nothing inside a line is touched. */
  static String compact(String source) {
    return source.lines()
        .map(String::strip)
        .filter(line -> !line.isEmpty() && !line.startsWith("//"))
        .collect(Collectors.joining("\n", "", "\n"));
  }

  private static String resource() {
    try (InputStream in = PixelScript.class.getResourceAsStream("events.js")) {
      if (in == null) {
        throw new IllegalStateException("events.js is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] gzip(byte[] plain) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(plain.length / 3);
    try (GZIPOutputStream gz = new GZIPOutputStream(out) {
      {
        def.setLevel(java.util.zip.Deflater.BEST_COMPRESSION);
      }
    }) {
      gz.write(plain);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
