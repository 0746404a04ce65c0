package cn.weiquan.intake;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The channel's settings and its OpenAPI description (GET /api/openapi.json, behind the same HTTP
 * Basic login as /api).
 */
@Configuration
@EnableConfigurationProperties(IntakeProperties.class)
public class IntakeConfiguration {

  @Bean
  OpenAPI weiquanOpenApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("Weiquan 维权 API")
                .description(
                    "The parties' channel: file consumer disputes and enterprise complaints, read their status, "
                        + "send evidence and answers. Errors are RFC 9457 problem details naming the field at fault.")
                .version("0.1.0"))
        .components(
            new Components()
                .addSecuritySchemes(
                    "basic",
                    new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("basic")
                        .description(
                            "a Weiquan engine user; parties' systems use accounts of the api-clients group")))
        .addSecurityItem(new SecurityRequirement().addList("basic"));
  }
}
