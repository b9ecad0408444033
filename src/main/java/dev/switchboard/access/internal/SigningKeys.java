package dev.switchboard.access.internal;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * The HS256 keys of access tokens: the current secret signs, the current and the previous ones
 * verify, so tokens signed before a rotation stay valid until they expire. Each key's id
 * ({@code kid} in the token header) is derived from its secret, so every node that shares the
 * secrets agrees on it with no setting of its own; the header names the key to check against. A
 * token without a {@code kid} (signed before key ids existed) is tried against each key.
 */
final class SigningKeys {
  static final int MIN_SECRET_BYTES = 32;

  private final OctetSequenceKey current;
  private final JWKSet all;

  SigningKeys(byte[] currentSecret, List<byte[]> previousSecrets) {
    this.current = key(currentSecret);
    List<JWK> keys = new ArrayList<>(List.of(current));
    for (byte[] previous : previousSecrets) {
      OctetSequenceKey key = key(previous);
      if (keys.stream().noneMatch(known -> known.getKeyID().equals(key.getKeyID()))) {
        keys.add(key);
      }
    }
    this.all = new JWKSet(keys);
  }

  String currentKeyId() {
    return current.getKeyID();
  }

  NimbusJwtEncoder encoder() {
    return new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(current)));
  }

  /** Signature and algorithm checks only: claims are validated by the decoder's validator. */
  NimbusJwtDecoder decoder() {
    DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    processor.setJWSKeySelector(
        new JWSVerificationKeySelector<>(JWSAlgorithm.HS256, new ImmutableJWKSet<>(all)));
    processor.setJWTClaimsSetVerifier((claims, context) -> {});
    return new NimbusJwtDecoder(processor);
  }

  /** The first 12 hex digits of the secret's SHA-256: stable, and useless to a guesser. */
  static String keyId(byte[] secret) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret);
      return HexFormat.of().formatHex(digest, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  private static OctetSequenceKey key(byte[] secret) {
    if (secret.length < MIN_SECRET_BYTES) {
      throw new IllegalArgumentException(
          "The token signing secret must be at least " + MIN_SECRET_BYTES + " bytes for HS256");
    }
    return new OctetSequenceKey.Builder(secret)
        .keyID(keyId(secret))
        .algorithm(JWSAlgorithm.HS256)
        .build();
  }
}
