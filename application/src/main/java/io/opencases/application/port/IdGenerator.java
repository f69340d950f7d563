package io.opencases.application.port;

/** Issues new resource ids (UUIDs in production, as AWS does). */
public interface IdGenerator {
    String newId();
}
