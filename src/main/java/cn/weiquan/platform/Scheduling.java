package cn.weiquan.platform;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The product's own scheduled work (retention) runs on Spring's scheduler; the engine's jobs on its
 * job executor.
 */
@Configuration
@EnableScheduling
public class Scheduling {}
