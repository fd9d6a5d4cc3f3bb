package com.vaticprop.report.readmodel;

/** The stored documents: the final report of a finished assessment, and the pass certificate. */
public enum ReportKind { FINAL, CERTIFICATE }
