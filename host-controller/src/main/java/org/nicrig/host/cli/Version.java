package org.nicrig.host.cli;

import picocli.CommandLine.IVersionProvider;

/** {@code nicrig --version}: the host-controller jar's Implementation-Version, or "dev" when run from classes. */
public final class Version implements IVersionProvider {

    public static String text() {
        String v = Version.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"nicrig " + text(), "Java " + System.getProperty("java.version")};
    }
}
