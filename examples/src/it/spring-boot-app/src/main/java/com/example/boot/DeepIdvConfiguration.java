package com.example.boot;

import dev.jobsdk.deepidv.DeepIdvClient;
import okhttp3.OkHttpClient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One DeepIDV client for the whole application, closed when the context stops. */
@Configuration(proxyBeanMethods = false)
class DeepIdvConfiguration {

  @Bean(destroyMethod = "close")
  DeepIdvClient deepIdvClient(@Value("${deepidv.base-url}") String baseUrl, @Value("${deepidv.api-key}") String apiKey,
      ObjectProvider<OkHttpClient> okHttp) {
    DeepIdvClient.Builder builder = DeepIdvClient.builder().baseUrl(baseUrl).apiKey(apiKey);
    okHttp.ifAvailable(builder::okHttpClient);
    return builder.build();
  }
}
