package org.nicrig.host.config;

/**
 * Where a value came from, kept by model values whose errors can only show up later (a key file
 * that is read when a run starts), so that such an error is still located.
 */
public record Origin(String file, Location location, String path) {
    public ConfigException error(String problem) {
        return new ConfigException(file, location, path, problem);
    }
}
