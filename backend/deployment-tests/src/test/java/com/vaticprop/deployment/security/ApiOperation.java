package com.vaticprop.deployment.security;

import com.vaticprop.platform.config.ServiceKind;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One operation of a service's published OpenAPI document: its method, path template, parameters and the JSON
 * schema of its request body (resolved against the document's components), as the matrix and the fuzzer use it.
 */
record ApiOperation(ServiceKind service, String method, String path, List<Parameter> parameters,
                    String bodyContentType, JsonNode bodySchema, JsonNode document) {

    private static final Pattern PATH_PARAM = Pattern.compile("\\{([^}]+)}");

    /** A path or query parameter with its schema type ({@code string}, {@code integer}, …) and format. */
    record Parameter(String name, String in, boolean required, String type, String format) {
    }

    /** {@code "METHOD path"}, the key of the expectations table. */
    String key() {
        return method + " " + path;
    }

    boolean mutating() {
        return !method.equals("GET");
    }

    List<String> pathParameterNames() {
        List<String> names = new ArrayList<>();
        Matcher m = PATH_PARAM.matcher(path);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    List<Parameter> queryParameters() {
        return parameters.stream().filter(p -> p.in().equals("query")).toList();
    }

    /** Every operation of one service's OpenAPI document. */
    static List<ApiOperation> of(ServiceKind service, JsonNode document) {
        List<ApiOperation> operations = new ArrayList<>();
        for (var path : document.path("paths").properties()) {
            for (var op : path.getValue().properties()) {
                String method = op.getKey().toUpperCase(Locale.ROOT);
                if (!List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
                    continue;
                }
                List<Parameter> parameters = new ArrayList<>();
                for (JsonNode p : op.getValue().path("parameters")) {
                    JsonNode schema = resolve(document, p.path("schema"));
                    parameters.add(new Parameter(p.path("name").asString(), p.path("in").asString(),
                            p.path("required").asBoolean(false), schema.path("type").asString("string"),
                            schema.path("format").asString(null)));
                }
                String contentType = null;
                JsonNode bodySchema = null;
                for (var content : op.getValue().path("requestBody").path("content").properties()) {
                    contentType = content.getKey();
                    bodySchema = resolve(document, content.getValue().path("schema"));
                    break;
                }
                operations.add(new ApiOperation(service, method, path.getKey(), List.copyOf(parameters), contentType,
                        bodySchema, document));
            }
        }
        return operations;
    }

    /** Follows a {@code $ref} into {@code #/components/schemas}. */
    static JsonNode resolve(JsonNode document, JsonNode schema) {
        JsonNode current = schema;
        for (int i = 0; i < 10 && current.has("$ref"); i++) {
            String ref = current.path("$ref").asString();
            current = document.at(ref.substring(1));
        }
        return current;
    }
}
