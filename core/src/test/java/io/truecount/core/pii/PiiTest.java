package io.truecount.core.pii;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PiiTest {
  @Test
  void the_64_bit_prefix_is_the_first_16_hex_digits_of_the_sha256() {
    for (String value : new String[] {"", "pixel\u0000Purchase\u0000order-1", "é ü 日本", "a".repeat(1000)}) {
      assertThat(Pii.sha256Prefix64(value)).as(value).isEqualTo(Long.parseUnsignedLong(Pii.sha256Hex(value).substring(0, 16), 16));
    }
  }

  @Test
  void email_vector_from_the_spec() {
    String normalized = Pii.normalizeEmail(" ALICE_abc@gmail.com ").orElseThrow();
    assertThat(normalized).isEqualTo("alice_abc@gmail.com");
    assertThat(Pii.sha256Hex(normalized)).isEqualTo("848a771458438fc2ec420560d769fb9b9b86851ee338ec56517baabd79d3bb4f");
  }

  @Test
  void phone_vector_from_the_spec() {
    String e164 = Pii.normalizePhone("(+1)2133734253", "BR").orElseThrow();
    assertThat(e164).isEqualTo("+12133734253");
    assertThat(Pii.sha256Hex(e164)).isEqualTo("9f7ec22d72092cd3c0b58726ed9c2d91b92e51a3f29837508fb2948bb22dd2fd");
  }

  @Test
  void external_id_vector_from_the_spec() {
    assertThat(Pii.sha256Hex("user_123")).isEqualTo("80fba0ae1c48e3978e43e4efc365e14e12ea0c830ba8ba5b9a2dafc7e3f2ab8b");
  }

  @Test
  void national_phone_numbers_use_the_advertisers_country() {
    assertThat(Pii.normalizePhone("(11) 98765-4321", "BR")).contains("+5511987654321");
    assertThat(Pii.normalizePhone("213-373-4253", "US")).contains("+12133734253");
    assertThat(Pii.normalizePhone("0044 20 7946 0958", "US")).isEmpty();
    assertThat(Pii.normalizePhone("not a phone", "US")).isEmpty();
  }

  @Test
  void only_64_hex_characters_count_as_hashed() {
    assertThat(Pii.isSha256Hex("848a771458438fc2ec420560d769fb9b9b86851ee338ec56517baabd79d3bb4f")).isTrue();
    assertThat(Pii.isSha256Hex("848A771458438FC2EC420560D769FB9B9B86851EE338EC56517BAABD79D3BB4F")).isTrue();
    assertThat(Pii.isSha256Hex("848a77")).isFalse();
    assertThat(Pii.isSha256Hex("z48a771458438fc2ec420560d769fb9b9b86851ee338ec56517baabd79d3bb4f")).isFalse();
  }

  /** Character.digit accepts other scripts' digits and full-width letters: such a value is raw input, to be hashed, not a hash. */
  @Test
  void only_ascii_hex_digits_count_as_hashed() {
    assertThat(Pii.isSha256Hex("\uFF18" + "48a771458438fc2ec420560d769fb9b9b86851ee338ec56517baabd79d3bb4f")).isFalse();
    assertThat(Pii.isSha256Hex("\u0663" + "48a771458438fc2ec420560d769fb9b9b86851ee338ec56517baabd79d3bb4f")).isFalse();
    assertThat(Pii.isSha256Hex("\uFF41" + "48a771458438fc2ec420560d769fb9b9b86851ee338ec56517baabd79d3bb4f")).isFalse();
  }

  @Test
  void invalid_emails_are_not_normalized() {
    assertThat(Pii.normalizeEmail("nobody")).isEmpty();
    assertThat(Pii.normalizeEmail("a@b@c")).isEmpty();
    assertThat(Pii.normalizeEmail("@x.com")).isEmpty();
  }

  @Test
  void redaction_never_shows_the_value() {
    assertThat(Pii.redacted("alice@example.com")).doesNotContain("alice").contains("17");
  }
}
