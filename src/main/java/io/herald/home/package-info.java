/**
 * The landing page: who you are and, for each of your roles, where to go and what needs
 * you.
 */
package io.herald.home;
