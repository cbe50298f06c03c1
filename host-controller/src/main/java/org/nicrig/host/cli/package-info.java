/**
 * The {@code nicrig} command line (picocli): {@link org.nicrig.host.cli.Nicrig} and its
 * subcommands run, validate, probe, ports and emulate. Exit statuses are
 * {@link org.nicrig.host.cli.ExitCode}'s; what the commands reach outside themselves (the runner,
 * USB listing, the emulator, the terminal, the clock) goes through {@link org.nicrig.host.cli.Seams}.
 * The repository's {@code ./nicrig} script builds host-controller when needed and runs
 * {@link org.nicrig.host.cli.Nicrig}.
 */
package org.nicrig.host.cli;
