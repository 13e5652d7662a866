/**
 * The channel list with subscriptions, and channel administration for communications
 * managers.
 */
package io.herald.channel.web;
