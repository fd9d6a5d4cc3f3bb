package com.vaticprop.platform.config;

/**
 * A configuration value that is missing or cannot be used. Its message is a single line that names the variable and
 * never contains the value (which may be a secret).
 */
public class InvalidConfigurationException extends RuntimeException {

    private final String variable;

    public InvalidConfigurationException(String variable, String problem) {
        super(variable + " " + problem);
        this.variable = variable;
    }

    public String variable() {
        return variable;
    }
}
