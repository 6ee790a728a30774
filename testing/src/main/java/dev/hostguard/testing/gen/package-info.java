/**
 * QuickTheories generators of text and of the real tools' command lines (ufw rule commands over the
 * whole grammar, sessions of colliding commands, whole rule sets); nothing here depends on a model
 * module.
 */
@org.jspecify.annotations.NullMarked
package dev.hostguard.testing.gen;
