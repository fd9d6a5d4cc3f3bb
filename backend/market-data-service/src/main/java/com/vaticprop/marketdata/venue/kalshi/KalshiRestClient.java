package com.vaticprop.marketdata.venue.kalshi;

import com.vaticprop.marketdata.venue.Json;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/** Kalshi's public market endpoint, {@code GET /trade-api/v2/markets/{ticker}} (no signature needed). */
public final class KalshiRestClient {
    public static final URI BASE = URI.create("https://api.elections.kalshi.com");

    private final HttpClient http;
    private final URI base;
    private final Duration timeout;

    public KalshiRestClient(HttpClient http, URI base, Duration timeout) {
        this.http = http;
        this.base = base;
        this.timeout = timeout;
    }

    public Optional<KalshiMarketState> market(String ticker) throws IOException, InterruptedException {
        URI uri = base.resolve("/trade-api/v2/markets/" + URLEncoder.encode(ticker, StandardCharsets.UTF_8));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        if (response.statusCode() / 100 != 2) {
            throw new IOException("GET " + uri + " answered " + response.statusCode());
        }
        return Optional.of(KalshiMarketState.from(Json.tree(response.body())));
    }
}
