package io.opencases.domain.relateditem;

public enum RelatedItemType {
    Contact, Comment, File, Sla, ConnectCase, Custom
}
