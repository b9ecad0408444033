package dev.switchboard.config;

import java.net.URI;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code switchboard.files.*}: upload limits and where blobs are stored.
 *
 * @param maxSize the largest upload (default 25MB)
 * @param allowedTypes detected MIME types accepted (with their subtypes)
 * @param shareGps whether users other than the owner see a photo's GPS position, for domains
 *     that have not chosen (PUT /admin/v1/domains/{domain}/file-policy)
 * @param store {@code local} (the data directory) or {@code s3}
 * @param ffmpeg the ffmpeg executable used for video poster frames when present
 */
@ConfigurationProperties("switchboard.files")
public record FilesProperties(
    DataSize maxSize, List<String> allowedTypes, boolean shareGps, String store, S3 s3,
    String ffmpeg) {

  public FilesProperties {
    maxSize = maxSize == null ? DataSize.ofMegabytes(25) : maxSize;
    allowedTypes = allowedTypes == null ? List.of() : List.copyOf(allowedTypes);
    store = store == null ? "local" : store;
    s3 = s3 == null ? new S3(null, null, null, null, null, null) : s3;
    ffmpeg = ffmpeg == null ? "ffmpeg" : ffmpeg;
  }

  /**
   * An S3-compatible bucket, addressed path-style.
   *
   * @param endpoint e.g. {@code http://minio:9000}; absent for AWS itself
   * @param accessKey absent to use the SDK's default credential chain
   */
  public record S3(
      URI endpoint, String region, String bucket, String accessKey, String secretKey,
      String prefix) {
    public S3 {
      region = region == null ? "us-east-1" : region;
      prefix = prefix == null ? "files/" : prefix;
    }
  }
}
