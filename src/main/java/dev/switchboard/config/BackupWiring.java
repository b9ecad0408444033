package dev.switchboard.config;

import dev.switchboard.backup.BackupService;
import dev.switchboard.backup.internal.JdbcDatabaseBackups;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class BackupWiring {
  @Bean
  BackupService backupService(DataSource dataSource, SwitchboardProperties properties, Clock clock) {
    return new BackupService(new JdbcDatabaseBackups(dataSource), properties.dataDir(), clock);
  }
}
