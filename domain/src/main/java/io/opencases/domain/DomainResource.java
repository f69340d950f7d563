package io.opencases.domain;

/**
 * What the named, soft-deletable resources of a Cases domain (fields, layouts, templates, case rules) share: an id
 * inside the domain, a name unique among the live ones, and a deleted flag.
 */
public interface DomainResource {
    String domainId();

    String id();

    String name();

    boolean deleted();
}
