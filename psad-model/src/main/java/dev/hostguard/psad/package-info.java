/**
 * psad: a lossless {@link dev.hostguard.psad.PsadConfDocument} of psad.conf read exactly as psad
 * 2.4.6 reads it, its expanded and validated {@link dev.hostguard.psad.PsadConfig}, the {@code
 * auto_dl} file, and the outputs of {@code psad --Status} and {@code psad --fw-analyze}.
 */
@org.jspecify.annotations.NullMarked
package dev.hostguard.psad;
