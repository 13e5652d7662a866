package io.herald.directory;

import java.util.List;

/**
 * A person an import creates or updates, with the fields that change.
 *
 * @param line the file line the person comes from
 */
public record PersonChange(int line, String email, String name, List<FieldChange> changes) {

}
