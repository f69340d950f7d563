package io.opencases.rest.wire;

import java.util.List;

/** An operation of the model: its HTTP binding and its input, output and error shapes (input/output may be null). */
public record Operation(String name, String method, String uri, String inputShape, String outputShape,
                        List<String> errorShapes) {
}
