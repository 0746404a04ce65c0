package cn.weiquan.evidence;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The evidence storage: a directory on disk (an S3-compatible store would be another {@link
 * EvidenceStorage}).
 */
@Configuration
@EnableConfigurationProperties(EvidenceProperties.class)
public class EvidenceConfiguration {

  @Bean
  EvidenceStorage evidenceStorage(EvidenceProperties properties) {
    return new DirectoryEvidenceStorage(properties.directory());
  }
}
