package cn.fundmonitor;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class FundMonitorApplication {
  public static void main(String[] args) {
    SpringApplication.run(FundMonitorApplication.class, args);
  }
}
