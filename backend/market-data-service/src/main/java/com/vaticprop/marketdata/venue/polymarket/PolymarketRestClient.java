package com.vaticprop.marketdata.venue.polymarket;

import com.vaticprop.marketdata.venue.Json;
import com.vaticprop.marketdata.venue.VenueDecimal;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Market discovery and status from Polymarket's public REST APIs: the CLOB's {@code GET /markets/{conditionId}}
 * (tokens with a boolean {@code winner}) and Gamma's {@code GET /markets?clob_token_ids=…} (which finds a market
 * from its token ids). Both report {@code closed} and {@code active} together, so {@code active} is ignored and
 * tradability is {@code accepting_orders}/{@code acceptingOrders}. Gamma has no "resolved" boolean: resolution is
 * {@code umaResolutionStatus == "resolved"} with the settlement in {@code outcomePrices}, a JSON array encoded as a
 * string (as are {@code clobTokenIds} and {@code outcomes}).
 */
public final class PolymarketRestClient {
    public static final URI CLOB = URI.create("https://clob.polymarket.com");
    public static final URI GAMMA = URI.create("https://gamma-api.polymarket.com");

    private final HttpClient http;
    private final URI clob;
    private final URI gamma;
    private final Duration timeout;

    public PolymarketRestClient(HttpClient http, URI clob, URI gamma, Duration timeout) {
        this.http = http;
        this.clob = clob;
        this.gamma = gamma;
        this.timeout = timeout;
    }

    /** The CLOB's view of one market, or empty when it does not know the condition id (404). */
    public Optional<PolymarketMarket> clobMarket(String conditionId) throws IOException, InterruptedException {
        JsonNode node = get(clob.resolve("/markets/" + URLEncoder.encode(conditionId, StandardCharsets.UTF_8)));
        return node == null ? Optional.empty() : Optional.of(fromClob(node));
    }

    /** Gamma's markets holding any of the tokens. */
    public List<PolymarketMarket> gammaMarketsByToken(List<String> tokenIds) throws IOException, InterruptedException {
        String query = tokenIds.stream().map(t -> "clob_token_ids=" + URLEncoder.encode(t, StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        JsonNode node = get(gamma.resolve("/markets?" + query));
        List<PolymarketMarket> markets = new ArrayList<>();
        if (node != null && node.isArray()) {
            node.forEach(m -> markets.add(fromGamma(m)));
        }
        return markets;
    }

    static PolymarketMarket fromClob(JsonNode node) {
        boolean closed = node.path("closed").asBoolean(false);
        boolean accepting = node.path("accepting_orders").asBoolean(false);
        List<PolymarketMarket.Token> tokens = new ArrayList<>();
        boolean anyWinner = false;
        for (JsonNode token : node.path("tokens")) {
            anyWinner |= token.path("winner").asBoolean(false);
        }
        boolean resolved = closed && anyWinner;
        for (JsonNode token : node.path("tokens")) {
            BigDecimal settlement = resolved
                    ? (token.path("winner").asBoolean(false) ? BigDecimal.ONE : BigDecimal.ZERO) : null;
            tokens.add(new PolymarketMarket.Token(Json.text(token, "token_id"), Json.text(token, "outcome"),
                    settlement));
        }
        return new PolymarketMarket(Json.text(node, "condition_id"), PolymarketMarket.status(closed, accepting),
                resolved, tokens);
    }

    static PolymarketMarket fromGamma(JsonNode node) {
        boolean closed = node.path("closed").asBoolean(false);
        boolean accepting = node.path("acceptingOrders").asBoolean(false);
        boolean resolved = closed && "resolved".equals(Json.text(node, "umaResolutionStatus"));
        List<String> ids = stringArray(Json.text(node, "clobTokenIds"));
        List<String> outcomes = stringArray(Json.text(node, "outcomes"));
        List<String> prices = stringArray(Json.text(node, "outcomePrices"));
        List<PolymarketMarket.Token> tokens = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            BigDecimal settlement = resolved && i < prices.size() ? VenueDecimal.parse(prices.get(i)) : null;
            tokens.add(new PolymarketMarket.Token(ids.get(i), i < outcomes.size() ? outcomes.get(i) : null,
                    settlement));
        }
        return new PolymarketMarket(Json.text(node, "conditionId"), PolymarketMarket.status(closed, accepting),
                resolved, tokens);
    }

    /** Gamma's JSON-array-in-a-string fields ("[\"0\", \"1\"]"). */
    private static List<String> stringArray(String encoded) {
        List<String> values = new ArrayList<>();
        if (encoded == null || encoded.isEmpty()) {
            return values;
        }
        Json.tree(encoded).forEach(v -> values.add(v.asString()));
        return values;
    }

    private JsonNode get(URI uri) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 404) {
            return null;
        }
        if (response.statusCode() / 100 != 2) {
            throw new IOException("GET " + uri + " answered " + response.statusCode());
        }
        return Json.tree(response.body());
    }
}
