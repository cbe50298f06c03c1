package org.nicrig.host.config;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Everything wrong with one load: all errors found, not just the first, in file order. The message
 * is one error per line, ready to print.
 */
public final class ConfigErrors extends Exception {
    private final List<ConfigException> errors;

    public ConfigErrors(List<ConfigException> errors) {
        super(errors.stream().map(ConfigException::getMessage).collect(Collectors.joining("\n")), null, false, false);
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("ConfigErrors needs at least one error");
        }
        this.errors = List.copyOf(errors);
    }

    public List<ConfigException> errors() {
        return errors;
    }
}
