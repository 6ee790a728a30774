/**
 * ufw's shell-variable configuration files, {@code /etc/ufw/ufw.conf} and {@code /etc/default/ufw}:
 * lossless documents, typed views, ufw's validation and ufw's way of editing them.
 */
@org.jspecify.annotations.NullMarked
package dev.hostguard.ufw.conf;
