package com.vaticprop.marketdata.venue;

import com.vaticprop.marketdata.venue.JsonScanner.Token;
import com.vaticprop.marketdata.venue.connection.WireSamples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonScannerTest {
    static final List<String> SAMPLES = List.of("binance-trade.json", "binance-book-ticker.json",
            "coinbase-ticker.json", "polymarket-book.json", "polymarket-price-change.json",
            "polymarket-last-trade-price.json", "polymarket-price-change-legacy.json", "polymarket-new-market.json",
            "polymarket-market-resolved.json", "gamma-market.json", "clob-market.json", "kalshi-ticker.json",
            "kalshi-orderbook-snapshot.json", "kalshi-market.json");

    static List<String> tokens(String json) {
        JsonScanner scanner = new JsonScanner().reset(json);
        List<String> out = new ArrayList<>();
        for (Token t = scanner.next(); t != Token.END; t = scanner.next()) {
            out.add(t == Token.NAME || t == Token.STRING || t == Token.NUMBER ? t + ":" + scanner.string() : t.name());
        }
        return out;
    }

    @Test
    void tokenisesNestedStructuresAndDecodesEscapes() {
        assertThat(tokens(" {\"a\" : [1, -2.5e+3, true, false, null, {}], \"b\\\"\\u00e9\\n\":\"x\\/y\"} "))
                .containsExactly("START_OBJECT", "NAME:a", "START_ARRAY", "NUMBER:1", "NUMBER:-2.5e+3", "TRUE",
                        "FALSE", "NULL", "START_OBJECT", "END_OBJECT", "END_ARRAY", "NAME:b\"\u00e9\n", "STRING:x/y",
                        "END_OBJECT");
    }

    @Test
    void readsDecimalsExactlyAndComparesNamesInPlace() {
        JsonScanner scanner = new JsonScanner().reset("{\"price\":\".48\",\"n\":0.10}");
        scanner.next();
        scanner.next();
        assertThat(scanner.is("price")).isTrue();
        assertThat(scanner.is("pric")).isFalse();
        scanner.next();
        assertThat(scanner.decimal()).isEqualTo(new BigDecimal(".48"));
        scanner.next();
        scanner.next();
        assertThat(scanner.decimal()).isEqualTo(new BigDecimal("0.10"));
    }

    @Test
    void skipChildrenJumpsOverAWholeValue() {
        JsonScanner scanner = new JsonScanner().reset("{\"x\":{\"y\":[1,{\"z\":2}]},\"w\":3}");
        scanner.next();
        scanner.next();
        scanner.next();
        scanner.skipChildren();
        assertThat(scanner.next()).isEqualTo(Token.NAME);
        assertThat(scanner.string()).isEqualTo("w");
    }

    @Test
    void everyVerbatimSampleScansToTheEndAndEveryTruncationFails() {
        for (String name : SAMPLES) {
            String json = WireSamples.load(name);
            assertThat(tokens(json)).isNotEmpty();
            for (int cut = 0; cut < json.strip().length(); cut += 7) {
                String truncated = json.strip().substring(0, cut);
                assertThatThrownBy(() -> tokens(truncated)).as(name + " cut at " + cut)
                        .isInstanceOf(IllegalArgumentException.class);
            }
        }
    }

    /** Differential: random one-character edits of the samples are accepted by the scanner iff Jackson accepts them. */
    @Test
    void agreesWithJacksonOnRandomlyDamagedSamples() {
        java.util.Random random = new java.util.Random(5);
        String alphabet = "{}[]\",:0123456789.-+eEtrufalsn \\/u";
        int compared = 0;
        for (String name : SAMPLES) {
            String json = WireSamples.load(name).strip();
            for (int i = 0; i < 300; i++) {
                StringBuilder damaged = new StringBuilder(json);
                int at = random.nextInt(json.length());
                switch (random.nextInt(3)) {
                    case 0 -> damaged.deleteCharAt(at);
                    case 1 -> damaged.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                    default -> damaged.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
                }
                String candidate = damaged.toString();
                boolean jackson = accepts(() -> Json.tree(candidate));
                boolean scanner = accepts(() -> tokens(candidate));
                assertThat(scanner).as(candidate).isEqualTo(jackson);
                compared++;
            }
        }
        assertThat(compared).isEqualTo(SAMPLES.size() * 300);
    }

    static boolean accepts(Runnable parse) {
        try {
            parse.run();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{", "}", "{\"a\":1,}", "[1,]", "{\"a\" 1}", "{\"a\":1 \"b\":2}", "{a:1}",
            "[01]", "[1.]", "[-]", "[1e]", "[tru]", "[nul]", "[\"a\\x\"]", "[\"\\u12g4\"]", "[\"a\tb\"]",
            "{\"a\":1}}", "{\"a\":1} x", "[1] [2]", "{\"a\":]", "[}", "{]", "'a'", "[NaN]", "[+1]"})
    void rejectsMalformedJson(String json) {
        assertThatThrownBy(() -> tokens(json)).isInstanceOf(IllegalArgumentException.class);
    }
}
