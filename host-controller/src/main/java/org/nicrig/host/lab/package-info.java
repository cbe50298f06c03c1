/**
 * Lab plumbing the rig runner, the benchmarks and the tests share: socat pty pairs standing in
 * for serial cables, and a ser2net in front of a port. Real processes, cleaned up on close.
 */
package org.nicrig.host.lab;
