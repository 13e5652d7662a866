package io.herald.directory;

import java.util.UUID;

/**
 * An uploaded import file waiting to be applied or cancelled, with what it would change
 * now.
 */
public record StagedImport(UUID id, String fileName, boolean fullSync, ImportReport report) {

}
