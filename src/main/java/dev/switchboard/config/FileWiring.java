package dev.switchboard.config;

import dev.switchboard.api.web.FileUrls;
import dev.switchboard.api.web.PublicBaseUrl;
import dev.switchboard.file.FileSettings;
import dev.switchboard.file.FileStore;
import dev.switchboard.file.MediaInspector;
import dev.switchboard.file.internal.FfmpegPosterFrames;
import dev.switchboard.file.internal.LocalFileStore;
import dev.switchboard.file.internal.MediaProbe;
import dev.switchboard.file.internal.MimeDetector;
import dev.switchboard.file.internal.S3FileStore;
import jakarta.servlet.MultipartConfigElement;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FilesProperties.class)
class FileWiring {
  private static final long FORM_FIELDS_ALLOWANCE = 1 << 20;

  @Bean
  FileSettings fileSettings(FilesProperties files, SwitchboardProperties properties) {
    return new FileSettings(
        files.maxSize().toBytes(),
        new HashSet<>(files.allowedTypes()),
        files.shareGps(),
        filesDir(properties).resolve("staging"));
  }

  @Bean
  @ConditionalOnProperty(name = "switchboard.files.store", havingValue = "local", matchIfMissing = true)
  FileStore localFileStore(SwitchboardProperties properties) throws IOException {
    return new LocalFileStore(filesDir(properties));
  }

  @Bean(destroyMethod = "close")
  @ConditionalOnProperty(name = "switchboard.files.store", havingValue = "s3")
  FileStore s3FileStore(FilesProperties files, SwitchboardProperties properties) {
    FilesProperties.S3 s3 = files.s3();
    if (s3.bucket() == null || s3.bucket().isBlank()) {
      throw new IllegalStateException("switchboard.files.s3.bucket is required with store=s3");
    }
    return new S3FileStore(
        S3FileStore.client(s3.endpoint(), s3.region(), s3.accessKey(), s3.secretKey()),
        s3.bucket(),
        s3.prefix(),
        filesDir(properties).resolve("tmp"));
  }

  /**
   * Multipart uploads may be as large as the file limit plus room for the other form fields;
   * the file module enforces the exact limit while it reads the part. Parts over 1 MB are spooled
   * to disk by the servlet container rather than held in memory.
   */
  @Bean
  MultipartConfigElement multipartConfig(FilesProperties files) {
    long maxFile = files.maxSize().toBytes();
    return new MultipartConfigElement("", maxFile, maxFile + FORM_FIELDS_ALLOWANCE, 1 << 20);
  }

  /** Checks for ffmpeg once, at start-up. */
  @Bean
  FfmpegPosterFrames ffmpegPosterFrames(FilesProperties files) {
    return new FfmpegPosterFrames(files.ffmpeg());
  }

  @Bean
  MediaInspector mediaInspector(FfmpegPosterFrames ffmpeg, FileSettings settings) {
    return new MediaInspector(new MimeDetector(), new MediaProbe(ffmpeg), settings);
  }

  @Bean
  FileUrls fileUrls(Environment environment) {
    return new FileUrls(new PublicBaseUrl(
        () -> environment.getProperty("switchboard.public-base-url"),
        () -> environment.getProperty("local.server.port", environment.getProperty("server.port"))));
  }

  private static Path filesDir(SwitchboardProperties properties) {
    return properties.dataDir().resolve("files");
  }
}
