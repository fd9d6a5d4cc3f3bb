package com.vaticprop.platform.web;

/** The request body is larger than the platform's limit. */
public class PayloadTooLargeException extends RuntimeException {
    public PayloadTooLargeException(long limit) {
        super("The request body is larger than " + limit + " bytes.");
    }
}
