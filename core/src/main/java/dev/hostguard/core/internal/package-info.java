/**
 * Not API: helpers the hostguard modules share that are not a format's, such as the Python 3 string
 * behaviour that ufw and fail2ban inherit from their runtime. Anything here may change or go in any
 * release; do not use it from outside hostguard.
 */
@NullMarked
package dev.hostguard.core.internal;

import org.jspecify.annotations.NullMarked;
