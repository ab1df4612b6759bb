package org.distprop.methods;

/** A named hyperparameter a method accepts, its default (per dataset) and what it means. */
public record HyperParam(String name, String defaultValue, String description) {
}
