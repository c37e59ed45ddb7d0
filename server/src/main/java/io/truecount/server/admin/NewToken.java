package io.truecount.server.admin;

import io.truecount.core.AccessToken;

/** A token just created: the secret is shown this once and never stored. */
public record NewToken(AccessToken token, String secret) {}
