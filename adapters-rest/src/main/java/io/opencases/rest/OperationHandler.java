package io.opencases.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opencases.application.Caller;

/**
 * One API operation behind the wire layer: takes the operation's input structure (already bound from URI, query and
 * body, and validated against the model) and returns its output structure (null for operations without output).
 */
@FunctionalInterface
public interface OperationHandler {
    JsonNode handle(ObjectNode input, Caller caller);
}
