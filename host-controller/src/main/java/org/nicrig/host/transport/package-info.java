/**
 * Byte transports from the host to a device, chosen by URI.
 *
 * <table>
 *   <caption>Transport URIs</caption>
 *   <tr><th>URI</th><th>Transport</th><th>Parameters (defaults)</th></tr>
 *   <tr><td>{@code serial:/dev/ttyUSB0}</td><td>{@link org.nicrig.host.transport.SerialTransport}</td>
 *       <td>{@code baud} (921600), {@code databits} (8), {@code parity} none|odd|even|mark|space (none),
 *       {@code stopbits} 1|1.5|2 (1), {@code flow} none|rtscts|xonxoff (none), {@code readTimeout} (none)</td></tr>
 *   <tr><td>{@code tcp://host:4001}, {@code tcp://[::1]:4001}</td><td>{@link org.nicrig.host.transport.TcpTransport}</td>
 *       <td>{@code connectTimeout} (5s), {@code readTimeout} (none)</td></tr>
 *   <tr><td>{@code usb:1209:0001}, {@code usb:1209:0001/SERIAL}</td><td>{@link org.nicrig.host.transport.UsbTransport}</td>
 *       <td>{@code interface} (first vendor-specific with bulk IN+OUT), {@code timeout} for a write (1s),
 *       {@code readTimeout} (none)</td></tr>
 *   <tr><td>{@code emulated:PROFILE}</td><td>{@link org.nicrig.host.transport.EmulatedTransport}: a device
 *       model in this process</td><td>{@code mac} (required), {@code speed} (1, or {@code unlimited}),
 *       {@code seed} (1), {@code revision} (the profile's), {@code defects} (none), {@code nvm} (a directory
 *       for the firmware slots, rollback floor and EEPROM; in memory), {@code trusted-key} (PEM public key
 *       images must be signed with; keys/nicrig-dev.pub), see
 *       {@link org.nicrig.host.transport.EmulatedDeviceSpec}</td></tr>
 *   <tr><td>{@code pty-emulator:PROFILE}</td><td>{@link org.nicrig.host.transport.PtyEmulatorTransport}:
 *       the model in an fpga-emu process of its own on a socat pty pair, through the serial transport</td>
 *       <td>those of {@code emulated:}, plus {@code baud} (921600) and {@code hub} ({@code udp:HOST:PORT})</td></tr>
 * </table>
 *
 * Durations are written {@code 250ms} or {@code 2s}. The first three schemes are
 * {@link org.nicrig.host.transport.TransportRegistry#standard()}; the emulators, which need a wire
 * or a hub, are added by {@link org.nicrig.host.transport.TransportRegistry#forRig} or
 * {@link org.nicrig.host.transport.TransportRegistry#with}.
 * Every failure is a {@link org.nicrig.host.transport.TransportException} whose one-line message
 * names the port and why, and whose {@link org.nicrig.host.transport.TransportException.Reason}
 * lets code react.
 */
package org.nicrig.host.transport;
