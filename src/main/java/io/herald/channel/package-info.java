/**
 * Channels: company-wide, department, location and topic channels, who owns and may post
 * to them, and who subscribes to topic channels.
 */
package io.herald.channel;
