package com.example.boot;

import dev.jobsdk.deepidv.AdverseMediaRequest;
import dev.jobsdk.deepidv.AdverseMediaResult;
import dev.jobsdk.deepidv.DeepIdvClient;
import org.springframework.stereotype.Service;

/** Starts an adverse-media screening and waits for its result. */
@Service
public class ScreeningService {
  private final DeepIdvClient client;

  ScreeningService(DeepIdvClient client) {
    this.client = client;
  }

  public AdverseMediaResult screen(String email, String firstName, String lastName, String dateOfBirth) {
    return client.screening().adverseMedia(AdverseMediaRequest.builder()
        .email(email).firstName(firstName).lastName(lastName).dateOfBirth(dateOfBirth).build())
        .awaitCompletion();
  }
}
