package io.truecount.server.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PasswordsTest {
  final Passwords passwords = new Passwords();

  @Test
  void hashes_are_salted_argon2id_and_verify() {
    String a = passwords.hash("correct horse battery staple");
    String b = passwords.hash("correct horse battery staple");
    assertThat(a).startsWith("$argon2id$").contains("m=19456,t=2,p=1").isNotEqualTo(b).doesNotContain("horse");
    assertThat(passwords.matches("correct horse battery staple", a)).isTrue();
    assertThat(passwords.matches("correct horse battery stapler", a)).isFalse();
  }

  @Test
  void short_passwords_are_refused() {
    assertThatThrownBy(() -> passwords.hash("tooshort")).hasMessageContaining("at least 12");
  }
}
