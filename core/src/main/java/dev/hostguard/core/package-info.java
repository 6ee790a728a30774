/**
 * Positions, the unchecked {@link dev.hostguard.core.ParseException} family and the lossless {@link
 * dev.hostguard.core.LineDocument} every hostguard format builds on.
 */
@org.jspecify.annotations.NullMarked
package dev.hostguard.core;
