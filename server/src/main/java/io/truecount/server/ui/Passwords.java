package io.truecount.server.ui;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * Argon2id password hashes (Spring Security Crypto over Bouncy Castle), PHC strings with salt and
 * parameters inside. Parameters follow OWASP's minimum: 19 MiB, 2 iterations, 1 lane.
 */
public final class Passwords {
  public static final int MIN_LENGTH = 12;
  private final Argon2PasswordEncoder encoder = new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2);
  /** Compared against when the login is unknown, so both answers take the same time. */
  private final String decoy = encoder.encode("decoy password never matches");

  public String hash(String password) {
    return encoder.encode(checked(password));
  }

  public boolean matches(String password, String hash) {
    return encoder.matches(password, hash);
  }

  /** Spends the time of one check, for an unknown login. */
  public void spendCheck(String password) {
    encoder.matches(password, decoy);
  }

  public static String checked(String password) {
    if (password == null || password.length() < MIN_LENGTH) {
      throw new IllegalArgumentException("password: at least " + MIN_LENGTH + " characters");
    }
    return password;
  }
}
