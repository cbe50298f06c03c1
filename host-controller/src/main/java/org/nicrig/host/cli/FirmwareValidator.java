package org.nicrig.host.cli;

import java.io.IOException;
import org.nicrig.host.config.ConfigErrors;
import org.nicrig.host.validate.FirmwareValidation;
import org.nicrig.host.validate.ValidationException;
import org.nicrig.host.validate.ValidationOptions;
import org.nicrig.host.validate.ValidationResult;

/** What {@code nicrig validate-firmware} calls: {@link FirmwareValidation} on the rig's devices, or a fake in tests. */
@FunctionalInterface
public interface FirmwareValidator {
    FirmwareValidator DEFAULT = options -> FirmwareValidation.production().validate(options);

    /**
     * @throws ValidationException a bad image, no device for a target, OUT not fresh (exit 2)
     * @throws ConfigErrors        a bad rig or plan, every error located (exit 2)
     * @throws IOException         OUT could not be written (exit 2)
     */
    ValidationResult validate(ValidationOptions options) throws ValidationException, ConfigErrors, IOException;
}
