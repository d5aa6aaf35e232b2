package io.github.csmkit.client.model;

import io.github.csmkit.client.error.CsmValidationException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;
import org.immutables.value.Value.Style.ImplementationVisibility;

/**
 * The one Immutables style of csmkit's value types: the generated {@code Immutable*} classes stay
 * package-private, users only see the hand-written type and its nested {@code Builder}.
 */
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Retention(RetentionPolicy.CLASS)
@Value.Style(
    visibility = ImplementationVisibility.PACKAGE,
    overshadowImplementation = true,
    jdkOnly = true,
    get = {"is*", "get*"},
    defaults = @Value.Immutable(copy = false),
    allowedClasspathAnnotations = {Override.class},
    throwForInvalidImmutableState = CsmValidationException.class)
@interface CsmStyle {}
