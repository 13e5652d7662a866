/**
 * User accounts: who may sign in, with which roles, password policy, login throttling and
 * the first administrator of a fresh installation.
 */
package io.herald.account;
