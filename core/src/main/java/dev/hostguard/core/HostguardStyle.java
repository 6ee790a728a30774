package dev.hostguard.core;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * The project's one Immutables style: put it on an abstract value type (or a package) to get an
 * immutable implementation named without prefix, with {@code builder()}, {@code toBuilder()}-style
 * {@code from()}, and Guava collections that keep insertion order. Defaults are plain values set in
 * the constructor ({@code unsafeDefaultAndDerived}: no volatile initialisation shim, which costs a
 * fenced write and an object per instance), so a {@code @Value.Default} must not read another
 * attribute.
 *
 * <pre>{@code
 * @Value.Immutable @HostguardStyle
 * abstract class AbstractJailSection { abstract String name(); }
 * }</pre>
 */
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Retention(RetentionPolicy.CLASS)
@Value.Style(
    typeAbstract = {"Abstract*"},
    typeImmutable = "*",
    visibility = Value.Style.ImplementationVisibility.PUBLIC,
    jdkOnly = false,
    get = {"is*", "get*"},
    init = "*",
    defaults = @Value.Immutable(copy = true),
    allParameters = false,
    unsafeDefaultAndDerived = true)
public @interface HostguardStyle {}
