package io.truecount.server.ui;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.multipart.Attribute;
import io.netty.handler.codec.http.multipart.DefaultHttpDataFactory;
import io.netty.handler.codec.http.multipart.FileUpload;
import io.netty.handler.codec.http.multipart.HttpPostRequestDecoder;
import io.netty.handler.codec.http.multipart.InterfaceHttpData;
import io.truecount.server.http.Exchange;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A submitted HTML form, URL-encoded or multipart, parsed once per request with Netty's decoder:
 * its text fields and its files (a file field left empty is absent).
 */
final class Form {
  private static final Form EMPTY = new Form(Map.of(), Map.of());
  private final Map<String, String> fields;
  private final Map<String, byte[]> files;

  private Form(Map<String, String> fields, Map<String, byte[]> files) {
    this.fields = fields;
    this.files = files;
  }

  /** The request's form (parsed on first use); empty for a request that carries none. */
  static Form of(Exchange ex) {
    Form form = ex.attachment(Form.class);
    if (form == null) {
      form = parse(ex);
      ex.attach(Form.class, form);
    }
    return form;
  }

  /** A text field as sent (first value), or empty. */
  Optional<String> field(String name) {
    return Optional.ofNullable(fields.get(name));
  }

  Optional<byte[]> file(String name) {
    return Optional.ofNullable(files.get(name));
  }

  private static Form parse(Exchange ex) {
    String type = ex.header("Content-Type");
    boolean form = type != null && (type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data"));
    if (!form || ex.body().length == 0) {
      return EMPTY;
    }
    DefaultFullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, ex.uri(), Unpooled.wrappedBuffer(ex.body()));
    request.headers().set(ex.requestHeaders());
    HttpPostRequestDecoder decoder = null;
    try {
      decoder = new HttpPostRequestDecoder(new DefaultHttpDataFactory(false, StandardCharsets.UTF_8), request, StandardCharsets.UTF_8);
      Map<String, String> fields = new HashMap<>();
      Map<String, byte[]> files = new HashMap<>();
      for (InterfaceHttpData data : decoder.getBodyHttpDatas()) {
        if (data instanceof FileUpload file) {
          if (!file.getFilename().isEmpty() && file.length() > 0) {
            files.putIfAbsent(file.getName(), file.get());
          }
        } else if (data instanceof Attribute attribute) {
          fields.putIfAbsent(attribute.getName(), attribute.getValue());
        }
      }
      return new Form(fields, files);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (HttpPostRequestDecoder.ErrorDataDecoderException | HttpPostRequestDecoder.NotEnoughDataDecoderException e) {
      throw new IllegalArgumentException("the form could not be read: " + e.getMessage(), e);
    } finally {
      if (decoder != null) {
        decoder.destroy();
      }
      request.release();
    }
  }
}
