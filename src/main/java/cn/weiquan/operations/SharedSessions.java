package cn.weiquan.operations;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.session.jdbc.config.annotation.web.http.EnableJdbcHttpSession;

/**
 * On PostgreSQL (the cluster's database) the webapps' HTTP sessions live in the database (Spring
 * Session JDBC, tables spring_session* from the migration V30), so a mediator logged in to Tasklist
 * stays logged in whichever node a load balancer without sticky sessions picks. On H2 (one node)
 * sessions stay in the node's memory: Boot's own session auto-configuration is switched off in
 * application.yaml, so nothing else turns this on.
 */
@Configuration
@Profile("postgres")
@EnableJdbcHttpSession
public class SharedSessions {}
