package cn.weiquan;

import org.camunda.bpm.spring.boot.starter.annotation.EnableProcessApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
@EnableProcessApplication("weiquan")
public class WeiquanApplication {
  public static void main(String[] args) {
    SpringApplication.run(WeiquanApplication.class, args);
  }
}
