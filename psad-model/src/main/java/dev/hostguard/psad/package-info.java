/**
 * psad: a lossless {@link dev.hostguard.psad.PsadConfDocument} of psad.conf read exactly as psad
 * 2.4.6 reads it, its expanded and validated {@link dev.hostguard.psad.PsadConfig} (the machine's
 * facts from a {@link dev.hostguard.psad.PsadHost}: {@code PsadHost.inMemory()} or {@code
 * PsadHost.local()}), the {@code auto_dl} file, and the outputs of {@code psad --Status} and {@code
 * psad --fw-analyze}. Every document implements {@link dev.hostguard.core.LosslessDocument}.
 */
@org.jspecify.annotations.NullMarked
package dev.hostguard.psad;
