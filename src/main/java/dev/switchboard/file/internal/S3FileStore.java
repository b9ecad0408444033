package dev.switchboard.file.internal;

import dev.switchboard.file.BlobKeys;
import dev.switchboard.file.ByteRange;
import dev.switchboard.file.FileStore;
import dev.switchboard.file.StoredBlob;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.NoSuchElementException;
import java.util.OptionalLong;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Blobs in an S3-compatible bucket (AWS, MinIO, Ceph, Garage…), shared by every node of a
 * cluster. Path-style addressing, because most self-hosted servers support nothing else. Uploads
 * are spooled to a local temporary file first: the key is the content hash, known only at the
 * end, and a known length lets the SDK send the object in one plain PUT.
 */
public class S3FileStore implements FileStore, AutoCloseable {
  private final S3Client s3;
  private final String bucket;
  private final String prefix;
  private final Path temp;

  public S3FileStore(S3Client s3, String bucket, String prefix, Path temp) {
    this.s3 = s3;
    this.bucket = bucket;
    this.prefix = prefix == null ? "" : prefix;
    this.temp = temp;
  }

  /** A client for an endpoint; without an access key, the SDK's default credential chain. */
  public static S3Client client(URI endpoint, String region, String accessKey, String secretKey) {
    var builder =
        S3Client.builder()
            .region(Region.of(region))
            .forcePathStyle(true)
            .credentialsProvider(
                accessKey == null || accessKey.isBlank()
                    ? DefaultCredentialsProvider.builder().build()
                    : StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(accessKey, secretKey)));
    if (endpoint != null) {
      builder.endpointOverride(endpoint);
    }
    return builder.build();
  }

  @Override
  public StoredBlob put(InputStream content) throws IOException {
    try (HashingSpool spool = HashingSpool.write(content, temp, Long.MAX_VALUE)) {
      if (size(spool.sha256()).isEmpty()) {
        s3.putObject(
            b -> b.bucket(bucket).key(key(spool.sha256())).contentLength(spool.size()),
            RequestBody.fromFile(spool.path()));
      }
      return new StoredBlob(spool.sha256(), spool.size());
    }
  }

  @Override
  public InputStream open(String sha256, ByteRange range) {
    String key = key(sha256);
    try {
      return s3.getObject(
          b -> {
            b.bucket(bucket).key(key);
            if (range != null) {
              b.range("bytes=" + range.first() + "-" + range.last());
            }
          });
    } catch (NoSuchKeyException e) {
      throw new NoSuchElementException("no blob " + sha256);
    }
  }

  @Override
  public OptionalLong size(String sha256) {
    String key = key(sha256);
    try {
      return OptionalLong.of(s3.headObject(b -> b.bucket(bucket).key(key)).contentLength());
    } catch (NoSuchKeyException e) {
      return OptionalLong.empty();
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        return OptionalLong.empty();
      }
      throw e;
    }
  }

  private String key(String sha256) {
    String key = BlobKeys.require(sha256);
    return prefix + key.substring(0, 2) + "/" + key.substring(2, 4) + "/" + key;
  }

  @Override
  public void close() {
    s3.close();
  }
}
