package com.example.boot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A Spring Boot application that screens people with DeepIDV through jobsdk. */
@SpringBootApplication
public class ScreeningApplication {
  public static void main(String[] args) {
    SpringApplication.run(ScreeningApplication.class, args);
  }
}
