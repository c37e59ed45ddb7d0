package io.truecount.server.admin;

import io.truecount.core.AccessToken;
import io.truecount.core.Advertiser;
import io.truecount.core.EventSource;
import io.truecount.core.SourceKind;
import io.truecount.core.pii.Pii;
import io.truecount.core.spi.Catalog;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Currency;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Advertisers, sources and tokens: the operations both the admin API and the CLI perform. */
public final class CatalogAdmin {
  private static final Pattern PIXEL_CODE = Pattern.compile("[A-Z0-9]{20}");
  private static final Pattern NUMERIC_ID = Pattern.compile("[0-9]{5,20}");
  private static final Pattern APP_ID = Pattern.compile("[A-Za-z0-9._-]{3,100}");
  private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

  private final Catalog catalog;
  private final Clock clock;
  private final SecureRandom random;

  public CatalogAdmin(Catalog catalog, Clock clock, SecureRandom random) {
    this.catalog = catalog;
    this.clock = clock;
    this.random = random;
  }

  public Advertiser createAdvertiser(Optional<String> id, String name, String zone, String currency, String country) {
    String advertiserId = id.orElseGet(() -> digits(16));
    if (!NUMERIC_ID.matcher(advertiserId).matches()) {
      throw AdminException.invalid("advertiser id " + advertiserId + ": must be 5 to 20 digits");
    }
    if (catalog.advertiser(advertiserId).isPresent()) {
      throw AdminException.invalid("advertiser " + advertiserId + " already exists");
    }
    Advertiser advertiser = new Advertiser(advertiserId, requireText(name, "name"), zone(zone), currency(currency), country(country));
    catalog.putAdvertiser(advertiser);
    return advertiser;
  }

  public EventSource createSource(String advertiserId, SourceKind kind, Optional<String> id, String name, boolean strictPii) {
    advertiser(advertiserId);
    String sourceId = id.orElseGet(() -> newSourceId(kind));
    checkSourceId(kind, sourceId);
    if (catalog.source(sourceId).isPresent()) {
      throw AdminException.invalid("source " + sourceId + " already exists");
    }
    EventSource source = new EventSource(sourceId, advertiserId, kind, requireText(name, "name"), newTestCode(), strictPii, clock.instant());
    catalog.putSource(source);
    return source;
  }

  public EventSource regenerateTestCode(String sourceId) {
    EventSource source = source(sourceId).withTestEventCode(newTestCode());
    catalog.putSource(source);
    return source;
  }

  public EventSource setStrictPii(String sourceId, boolean strict) {
    EventSource source = source(sourceId).withStrictPii(strict);
    catalog.putSource(source);
    return source;
  }

  /** A token for a whole advertiser, or for one of its sources. */
  public NewToken createToken(String advertiserId, Optional<String> sourceId) {
    advertiser(advertiserId);
    sourceId.ifPresent(id -> {
      if (!source(id).advertiserId().equals(advertiserId)) {
        throw AdminException.invalid("source " + id + " belongs to another advertiser");
      }
    });
    String secret = hex(20);
    AccessToken token = new AccessToken("tok_" + hex(6), Pii.sha256Hex(secret), advertiserId, sourceId.orElse(null), clock.instant(), null, null, null);
    catalog.putToken(token);
    return new NewToken(token, secret);
  }

  public AccessToken revokeToken(String tokenId) {
    AccessToken token = token(tokenId).revokedAt(clock.instant());
    catalog.putToken(token);
    return token;
  }

  /** A new token with the same scope; the old one keeps working for {@code overlap}, then expires. */
  public NewToken rotateToken(String tokenId, Duration overlap) {
    AccessToken old = token(tokenId);
    if (old.revocation().isPresent()) {
      throw AdminException.invalid("token " + tokenId + " is revoked; create a new one");
    }
    NewToken fresh = createToken(old.advertiserId(), old.source());
    catalog.putToken(old.expiringAt(clock.instant().plus(overlap)));
    return fresh;
  }

  public Advertiser advertiser(String id) {
    return catalog.advertiser(id).orElseThrow(() -> AdminException.notFound("advertiser", id));
  }

  public EventSource source(String id) {
    return catalog.source(id).orElseThrow(() -> AdminException.notFound("source", id));
  }

  public AccessToken token(String id) {
    return catalog.token(id).orElseThrow(() -> AdminException.notFound("token", id));
  }

  public List<Advertiser> advertisers() {
    return catalog.advertisers();
  }

  public List<EventSource> sources(Optional<String> advertiserId) {
    return catalog.sources().stream().filter(s -> advertiserId.map(s.advertiserId()::equals).orElse(true)).toList();
  }

  public List<AccessToken> tokens(String advertiserId) {
    advertiser(advertiserId);
    return catalog.tokens(advertiserId);
  }

  private String newSourceId(SourceKind kind) {
    return switch (kind) {
      case WEB -> "C" + alnum(19);
      case APP, OFFLINE, CRM -> digits(19);
    };
  }

  private static void checkSourceId(SourceKind kind, String id) {
    boolean ok = switch (kind) {
      case WEB -> PIXEL_CODE.matcher(id).matches();
      case APP -> APP_ID.matcher(id).matches();
      case OFFLINE, CRM -> NUMERIC_ID.matcher(id).matches();
    };
    if (!ok) {
      String rule = switch (kind) {
        case WEB -> "a pixel code is 20 upper-case letters or digits";
        case APP -> "an app id is 3 to 100 letters, digits, '.', '_' or '-'";
        case OFFLINE, CRM -> "an event set id is 5 to 20 digits";
      };
      throw AdminException.invalid("source id " + id + ": " + rule);
    }
  }

  private String newTestCode() {
    return "TEST" + String.format("%05d", random.nextInt(100_000));
  }

  static String requireText(String value, String field) {
    if (value == null || value.isBlank()) {
      throw AdminException.invalid(field + ": must not be empty");
    }
    return value.trim();
  }

  private static ZoneId zone(String zone) {
    try {
      return ZoneId.of(zone);
    } catch (DateTimeException | NullPointerException e) {
      throw AdminException.invalid("time zone " + zone + ": not an IANA zone id such as America/Sao_Paulo");
    }
  }

  private static String currency(String code) {
    try {
      return Currency.getInstance(code.toUpperCase(Locale.ROOT)).getCurrencyCode();
    } catch (IllegalArgumentException | NullPointerException e) {
      throw AdminException.invalid("currency " + code + ": not an ISO 4217 code such as USD");
    }
  }

  private static String country(String country) {
    String upper = country == null ? "" : country.toUpperCase(Locale.ROOT);
    if (!List.of(Locale.getISOCountries()).contains(upper)) {
      throw AdminException.invalid("country " + country + ": not an ISO 3166 alpha-2 code such as BR");
    }
    return upper;
  }

  private String digits(int n) {
    return digits(random, n);
  }

  /** n random digits, the first not zero: ids in TikTok's numeric style. */
  static String digits(SecureRandom random, int n) {
    StringBuilder out = new StringBuilder(n).append((char) ('1' + random.nextInt(9)));
    while (out.length() < n) {
      out.append((char) ('0' + random.nextInt(10)));
    }
    return out.toString();
  }

  private String alnum(int n) {
    StringBuilder out = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      out.append(ALNUM.charAt(random.nextInt(ALNUM.length())));
    }
    return out.toString();
  }

  private String hex(int bytes) {
    byte[] b = new byte[bytes];
    random.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }
}
